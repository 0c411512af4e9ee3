import type { Executor } from '../../db/database';
import { businessDate, formatBusinessTime } from '../../shared/business-time';
import { memberOrderPage, minutesText, shorten, timeText } from '../events/texts';
import { notify } from '../notifier';
import { DEFAULT_NOTIFY_SETTINGS } from '../notify-settings';

/**
 * How far ahead the planner looks: an evening reminder is at most two days before the start (00:00 the day before an
 * order at 23:59), the lead one at most 720 minutes; the window keeps the query on orders_status_start.
 */
const LOOKAHEAD_MS = 48 * 3_600_000;

export type ReminderWhich = 'evening' | 'lead';

/** The evening reminder's instant: `HH:mm` Beijing time on the day before the start's Beijing date. */
export function eveningReminderAt(startsAt: Date, eveningTime: string): Date {
  const [year, month, day] = businessDate(startsAt).split('-').map(Number);
  const [hours, minutes] = eveningTime.split(':').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1, hours - 8, minutes));
}

/**
 * The reminder due at `now` for an order starting at `startsAt` (before it starts), if any: the lead one from its
 * time on; the evening one from its time until the lead one is due, so that a worker that was down never sends a
 * stale evening reminder an hour before the start. Answers its key suffix and its time.
 */
export function dueReminder(startsAt: Date, now: Date, settings: { reminderEveningTime: string; reminderLeadMinutes: number }): { which: ReminderWhich; at: Date } | null {
  if (now >= startsAt) return null;
  const leadAt = settings.reminderLeadMinutes > 0 ? new Date(startsAt.getTime() - settings.reminderLeadMinutes * 60_000) : null;
  if (leadAt && now >= leadAt) return { which: 'lead', at: leadAt };
  const eveningAt = eveningReminderAt(startsAt, settings.reminderEveningTime);
  if (now >= eveningAt) return { which: 'evening', at: eveningAt };
  return null;
}

type OrderRow = { id: string; title: string; place: string; starts_at: Date; evening_time: string; lead_minutes: number };

/**
 * A reminder's event key: the order, which one, and the start it reminds of — the evening one by the start's day, the
 * lead one by its minute — so that an order moved (orders.change) to another day, or the lead one to another time, is
 * reminded of again for its new start, while a reminder already sent is never sent twice for the same start.
 */
export function reminderKey(orderId: string, which: ReminderWhich, startsAt: Date) {
  const start = formatBusinessTime(startsAt);
  return `order_reminder:${orderId}:${which}:${which === 'evening' ? start.slice(0, 10) : start.replace(' ', 'T')}`;
}

/**
 * JOB_PLANNERS.orderReminders (issue 16 §2): the accepted members of an order not cancelled or completed hear of it
 * the evening before (the district's reminderEveningTime) and reminderLeadMinutes before the start (0: not then).
 * Each reminder is one notification per member (event key per order, reminder and start), however often the tick runs.
 * A member who accepted after a reminder's time is not sent that one (they were just told, and a WeChat credit is
 * kept for the next), only the next; a member who gave the place back gets none.
 */
export async function planOrderReminders(tx: Executor, now: Date): Promise<void> {
  const orders = await tx.query<OrderRow>(
    `select o.id, o.title, o.place, o.starts_at,
            coalesce(s.reminder_evening_time, $3) as evening_time, coalesce(s.reminder_lead_minutes, $4)::int as lead_minutes
       from orders o
       join organisations c on c.id = o.community_id
       join organisations street on street.id = c.parent_id
       left join district_settings s on s.district_id = street.parent_id
      where o.status in ('published', 'staffed', 'in_service') and o.starts_at > $1 and o.starts_at <= $2 and o.accepted_count > 0`,
    [now, new Date(now.getTime() + LOOKAHEAD_MS), DEFAULT_NOTIFY_SETTINGS.reminderEveningTime, DEFAULT_NOTIFY_SETTINGS.reminderLeadMinutes],
  );
  const due = orders.flatMap((order) => {
    const reminder = dueReminder(order.starts_at, now, { reminderEveningTime: order.evening_time, reminderLeadMinutes: order.lead_minutes });
    return reminder ? [{ order, ...reminder, key: reminderKey(order.id, reminder.which, order.starts_at) }] : [];
  });
  if (due.length === 0) return;
  // Who is still to hear of each due reminder: one statement for all of them, by the notifications' unique key.
  const pending = await tx.query<{ order_id: string; member_id: string }>(
    `select r.order_id, a.member_id
       from unnest($1::uuid[], $2::text[], $3::timestamptz[]) as r (order_id, event_key, due_at)
       join assignments a on a.order_id = r.order_id and a.status = 'accepted' and (a.accepted_at is null or a.accepted_at <= r.due_at)
      where not exists (select 1 from notifications n where n.user_id = a.member_id and n.event_key = r.event_key)`,
    [due.map((entry) => entry.order.id), due.map((entry) => entry.key), due.map((entry) => entry.at)],
  );
  for (const entry of due) {
    const members = pending.filter((row) => row.order_id === entry.order.id).map((row) => row.member_id);
    if (members.length > 0) await notify(tx, now, members, reminderNotice(entry.order, entry.which, entry.key));
  }
}

function reminderNotice(order: OrderRow, which: ReminderWhich, eventKey: string) {
  const when = timeText(order.starts_at);
  const evening = which === 'evening';
  const soon = evening ? '明天' : `${minutesText(order.lead_minutes)}后`;
  return {
    kind: 'order_reminder' as const,
    eventKey,
    title: shorten(`${evening ? '明天有服务' : '服务快开始了'}：${order.title}`, 40),
    body: shorten(
      `您接下的「${order.title}」${soon}开始。时间：${when}，地点：${order.place}。到了以后，打开「签到码」请负责人扫码签到。去不了请尽快在订单里取消或告诉社区。`,
      500,
    ),
    page: memberOrderPage(order.id),
    fields: { activity: order.title, time: when, place: order.place, status: evening ? '明天开始' : '即将开始', note: '到场后出示签到码扫码签到' },
  };
}
