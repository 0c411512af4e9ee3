import { addWorkingDays } from '../../calendar/working-days';
import type { Executor } from '../../db/database';
import { notify } from '../../notify/notifier';
import { businessDate } from '../../shared/business-time';
import { briefsRepository } from './briefs.repository';
import { dueOnOf } from './brief-rules';

/** How far back the planner looks for 简讯 still missing: past this they are the secretary's list, not a warning. */
const LOOKBACK_DAYS = 60;

/**
 * JOB_PLANNERS.briefDeadline: a finished activity's 简讯 not yet submitted warns the community's secretaries and the
 * activity's leader once when it is due within one working day (due today or on the next working day), and once
 * more when it is overdue. Each warning is one notification per user and event key, however often the tick runs.
 */
export async function planBriefDeadlines(tx: Executor, now: Date): Promise<void> {
  const today = businessDate(now);
  const rows = await briefsRepository.missing(tx, { since: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000), now });
  for (const order of rows) {
    const dueOn = await dueOnOf(tx, order);
    const overdue = today > dueOn;
    if (!overdue && dueOn > addWorkingDays(today, 1)) continue;
    const recipients = [...(await briefsRepository.secretariesOf(tx, order.community_id)), ...(order.leader_member_id ? [order.leader_member_id] : [])];
    await notify(tx, now, recipients, {
      kind: 'brief_due',
      eventKey: `${overdue ? 'brief-overdue' : 'brief-due'}:${order.id}`,
      title: overdue ? '活动简讯已逾期' : '活动简讯即将到期',
      body: overdue
        ? `「${order.title}」的活动简讯应于 ${dueOn} 前提交，现已逾期，请尽快补交简讯、照片和参加人员名单。`
        : `「${order.title}」的活动简讯请于 ${dueOn} 前提交：简讯、照片和参加人员名单。`,
      page: `/pages/activities/brief/index?orderId=${order.id}`,
      fields: { activity: order.title, time: `${dueOn} 23:59`, status: overdue ? '已逾期' : '即将到期', note: '请提交活动简讯、照片和名单' },
    });
  }
}
