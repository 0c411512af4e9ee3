import { QUARTER_NAMES, monthDay } from '../../assessment/assessment-periods';
import { memberStandingEvaluator } from '../../assessment/evaluate-standing';
import { loadMemberFacts } from '../../assessment/member-facts.repository';
import { ruleSetForCommunity } from '../../assessment/rule-set.repository';
import { WARNING_PAGES, quarterRulesUnmet } from '../../assessment/warnings';
import type { Executor } from '../../db/database';
import { quarterOf, type QuarterRef } from '../../reports/quarterly-report-period';
import { businessDate, inBusinessZone } from '../../shared/business-time';
import type { DueJob, JobEnvironment } from '../job-handlers';
import { notify, type Notice } from '../notifier';
import { shorten } from '../events/texts';

/** The job that notifies one community's members for one quarter. */
export const QUARTER_WITHOUT_SERVICE_JOB = 'notify.quarter_without_service';

/**
 * When the 本季度尚无服务 notice goes out: from 09:00 (Beijing) on the 1st of the quarter's last month (1 March, 1 June,
 * 1 September, 1 December) until the quarter ends. A month, not the assessment page's last 15 days: activities are
 * published five working days ahead (预约预告), so a member told with 15 days left could choose among a week's worth
 * only; told a month ahead, among three weeks'. 09:00, because a WeChat message at midnight wakes an elderly member.
 */
export const QUARTER_NOTICE_DAY = 1;
export const PLANNERS_SEND_FROM_HOUR = 9;

/** The quarter whose notice is due at `now`, or null outside [the 1st of its last month 09:00, its end]. */
export function quarterNoticeDue(now: Date): QuarterRef | null {
  const local = inBusinessZone(now);
  const month = local.month() + 1;
  if (month % 3 !== 0) return null;
  if (local.date() === QUARTER_NOTICE_DAY && local.hour() < PLANNERS_SEND_FROM_HOUR) return null;
  return quarterOf(businessDate(now));
}

const quarterKey = (ref: QuarterRef) => `${ref.year}Q${ref.quarter}`;

/**
 * JOB_PLANNERS.quarterWithoutService: while a quarter's notice is due, one job per live community and quarter (its key
 * makes it once, whenever the ticks run), so that each tick costs one insert that mostly finds its rows there, and
 * the members are evaluated by the queue, community by community, with retries.
 */
export async function planQuarterWithoutService(tx: Executor, now: Date): Promise<void> {
  const ref = quarterNoticeDue(now);
  if (!ref) return;
  await tx.query(
    `insert into jobs (id, kind, job_key, payload, run_at, created_at)
     select gen_random_uuid(), $1, 'quarter_without_service:' || c.id || ':' || $2, jsonb_build_object('communityId', c.id, 'year', $3::int, 'quarter', $4::int), $5, $5
       from organisations c
      where c.kind = 'community' and c.archived_at is null
        and not exists (select 1 from jobs j where j.job_key = 'quarter_without_service:' || c.id || ':' || $2)
     on conflict (job_key) do nothing`,
    [QUARTER_WITHOUT_SERVICE_JOB, quarterKey(ref), ref.year, ref.quarter, now],
  );
}

/**
 * The job: each member of the community whose quarterly rule is unmet for the quarter (the assessment warnings' own
 * rule, quarterRulesUnmet) hears it once, with what is left and by when. Members whose facts are equal are evaluated
 * once; members told the same words, in one statement. A job run after its quarter ended (the queue was down) sends nothing.
 */
export async function notifyQuarterWithoutService(tx: Executor, job: DueJob, env: JobEnvironment): Promise<void> {
  const { communityId, year, quarter } = job.payload as { communityId: string; year: number; quarter: number };
  const now = env.now;
  const today = quarterOf(businessDate(now));
  if (today.year !== year || today.quarter !== quarter) return;
  const { ruleSet } = await ruleSetForCommunity(tx, communityId, year);
  if (!ruleSet.rules.some((rule) => rule.period === 'quarter')) return;
  const evaluate = memberStandingEvaluator(ruleSet, year, now);
  const name = QUARTER_NAMES[quarter - 1];
  const unmetByFacts = new Map<string, ReturnType<typeof quarterRulesUnmet>>();
  // Members told the same words are notified in one statement: most of them read 「…还没有服务，…前需完成1次」.
  const byNotice = new Map<string, { notice: Omit<Notice, 'eventKey'>; memberIds: string[] }>();
  for (const row of await loadMemberFacts(tx, { communityId }, year)) {
    let unmet = unmetByFacts.get(row.key);
    if (!unmet) unmetByFacts.set(row.key, (unmet = quarterRulesUnmet(ruleSet, evaluate(row.facts))));
    if (unmet.length === 0) continue;
    const by = unmet[0].by!;
    const none = unmet.every((outcome) => outcome.quarters!.find((entry) => entry.phase === 'current')!.figure === 0);
    const notice: Omit<Notice, 'eventKey'> = {
      kind: 'quarter_without_service',
      title: none ? `${name}您还没有参加服务` : `${name}的服务还没完成`,
      body: shorten(`${unmet.map((outcome) => outcome.advice).join('；')}。请打开「接单大厅」，报名本社区${monthDay(by)}前的活动；有困难请联系社区。`, 500),
      page: WARNING_PAGES.orderHall,
      fields: { activity: `${name}服务`, time: `${by} 23:59`, place: row.communityName, status: none ? '尚未服务' : '尚未完成', note: '请到接单大厅报名活动' },
    };
    const words = JSON.stringify(notice);
    const group = byNotice.get(words) ?? { notice, memberIds: [] as string[] };
    group.memberIds.push(row.memberId);
    byNotice.set(words, group);
  }
  for (const { notice, memberIds } of byNotice.values()) {
    await notify(tx, now, memberIds, { ...notice, eventKey: (userId) => `quarter_without_service:${userId}:${year}Q${quarter}` });
  }
}
