import type { Executor } from '../../db/database';
import { quarterDueOn, quarterLabel, quarterOf, type QuarterRef } from '../../reports/quarterly-report-period';
import { businessDate, inBusinessZone } from '../../shared/business-time';
import { shorten } from '../events/texts';
import { notify } from '../notifier';
import { PLANNERS_SEND_FROM_HOUR } from './quarter-without-service';

/**
 * The two reminders of a 季报表 (due by the 28th of the quarter's last month, 003 §三.2): on the 21st, a week ahead,
 * and on the 27th, the day before. Each is sent from 09:00 (Beijing) on its day and, should the queue have been down,
 * on the days after it until the next one (the 21st's until the 26th, the 27th's until the 28th).
 */
export const REPORT_REMINDER_DAYS = [21, 27] as const;
const LAST_DAY = 28;

/** The reminder due at `now`: its quarter and its day (YYYY-MM-DD), or null. */
export function reportReminderDue(now: Date): { ref: QuarterRef; day: string } | null {
  const local = inBusinessZone(now);
  const month = local.month() + 1;
  const date = local.date();
  if (month % 3 !== 0 || date < REPORT_REMINDER_DAYS[0] || date > LAST_DAY) return null;
  const reminderDay = [...REPORT_REMINDER_DAYS].reverse().find((day) => day <= date)!;
  if (date === reminderDay && local.hour() < PLANNERS_SEND_FROM_HOUR) {
    // Before 09:00 on the 27th the 21st's reminder is long sent; before 09:00 on the 21st nothing is due yet.
    return null;
  }
  const today = businessDate(now);
  return { ref: quarterOf(today), day: `${today.slice(0, 8)}${String(reminderDay).padStart(2, '0')}` };
}

type Pending = { owner_id: string; owner_name: string; owner_kind: 'community' | 'unit'; user_id: string };

/**
 * JOB_PLANNERS.quarterlyReportDue: the secretaries of each live community, and the admins of each unit, whose report
 * for the quarter is not yet submitted (no version of it in quarterly_reports) hear it on the 21st and on the 27th,
 * once each (the event key carries the reminder's day). Outside those days it reads nothing.
 */
export async function planQuarterlyReportDue(tx: Executor, now: Date): Promise<void> {
  const due = reportReminderDue(now);
  if (!due) return;
  const { ref, day } = due;
  const keyOf = (ownerId: string) => `quarterly_report_due:${ownerId}:${day}`;
  const pending = await tx.query<Pending>(
    `select c.id as owner_id, c.name as owner_name, 'community' as owner_kind, r.user_id
       from organisations c
       join user_roles r on r.role = 'secretary' and r.org_id = c.id
      where c.kind = 'community' and c.archived_at is null
        and not exists (select 1 from quarterly_reports q where coalesce(q.community_id, q.unit_id) = c.id and q.year = $1 and q.quarter = $2)
        and not exists (select 1 from notifications n where n.user_id = r.user_id and n.event_key = 'quarterly_report_due:' || c.id || ':' || $3)
     union all
     select un.id, un.name, 'unit', r.user_id
       from units un
       join user_roles r on r.role = 'unit_admin' and r.unit_id = un.id
      where not exists (select 1 from quarterly_reports q where coalesce(q.community_id, q.unit_id) = un.id and q.year = $1 and q.quarter = $2)
        and not exists (select 1 from notifications n where n.user_id = r.user_id and n.event_key = 'quarterly_report_due:' || un.id || ':' || $3)`,
    [ref.year, ref.quarter, day],
  );
  const owners = new Map<string, { name: string; kind: Pending['owner_kind']; userIds: string[] }>();
  for (const row of pending) {
    const owner = owners.get(row.owner_id) ?? { name: row.owner_name, kind: row.owner_kind, userIds: [] };
    owner.userIds.push(row.user_id);
    owners.set(row.owner_id, owner);
  }
  const dueOn = quarterDueOn(ref);
  const dueText = `${Number(dueOn.slice(5, 7))}月${Number(dueOn.slice(8, 10))}日`;
  const lastDay = day.endsWith(`-${REPORT_REMINDER_DAYS[1]}`);
  for (const [ownerId, owner] of owners) {
    await notify(tx, now, owner.userIds, {
      kind: 'quarterly_report_due',
      eventKey: keyOf(ownerId),
      title: lastDay ? `季报表明天截止：请在${dueText}前报送` : `季报表请在${dueText}前报送`,
      body: shorten(
        `${owner.name}${quarterLabel(ref)}的党员义工工作进展情况季报表还没有报送。请打开「季报表」，核对各项数字、填好负责人和联系人后报送，截止日期是${dueText}。`,
        500,
      ),
      page: `/pages/reports/quarterly/index?${owner.kind === 'community' ? 'communityId' : 'unitId'}=${encodeURIComponent(ownerId)}&year=${ref.year}&quarter=${ref.quarter}`,
      fields: { activity: `${quarterLabel(ref)}季报表`, time: `${dueOn} 23:59`, place: owner.name, status: '未报送', note: `请在${dueText}前报送` },
    });
  }
}
