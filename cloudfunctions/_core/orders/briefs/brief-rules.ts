import { addWorkingDays } from '../../calendar/working-days';
import type { Executor } from '../../db/database';
import { notifySettingsOf } from '../../notify/notify-settings';
import { grantsOf, type Caller } from '../../runtime/caller';
import { managesCommunity } from '../../runtime/access';
import { businessDate } from '../../shared/business-time';
import { briefErrors } from './briefs.errors';
import type { BriefOrderRow } from './briefs.repository';

/**
 * 简讯 is due this many working days (the district's, default five) after the day the activity ended (000 §三.(二)):
 * the end is the order's scheduled end, the day the service happened, whenever the secretary closed the order.
 */
export async function dueOnOf(tx: Executor, order: Pick<BriefOrderRow, 'district_id' | 'ends_at'>): Promise<string> {
  const { briefDeadlineWorkingDays } = await notifySettingsOf(tx, order.district_id);
  return addWorkingDays(businessDate(order.ends_at), briefDeadlineWorkingDays);
}

/** An activity has ended for its 简讯 when it was completed, or its end has passed with service recorded; never a cancelled one. */
export function endedProblem(order: BriefOrderRow, now: Date): string | null {
  if (order.kind !== 'activity') return briefErrors.catalogue.BRIEF_NOT_AN_ACTIVITY;
  if (order.status === 'cancelled') return briefErrors.catalogue.BRIEF_ORDER_CANCELLED;
  const ended = order.status === 'completed' || (order.ends_at <= now && order.records > 0);
  return ended ? null : briefErrors.catalogue.BRIEF_ORDER_NOT_ENDED;
}

export function assertEnded(order: BriefOrderRow, now: Date) {
  if (order.kind !== 'activity') throw briefErrors.error('BRIEF_NOT_AN_ACTIVITY');
  if (order.status === 'cancelled') throw briefErrors.error('BRIEF_ORDER_CANCELLED');
  if (endedProblem(order, now)) throw briefErrors.error('BRIEF_ORDER_NOT_ENDED');
}

/** The community's secretary, or the order's leader, writes the 简讯. */
export const mayWrite = (caller: Caller, order: BriefOrderRow) =>
  order.leader_member_id === caller.userId || grantsOf(caller, 'secretary').some((grant) => grant.orgId === order.community_id);

export function assertMayWrite(caller: Caller, order: BriefOrderRow) {
  if (!mayWrite(caller, order)) throw briefErrors.error('BRIEF_NOT_YOURS');
}

/** Who sees a 简讯: whoever manages the community, its members, the leader, and the resident whose need it served. */
export async function assertMaySee(tx: Executor, caller: Caller, order: BriefOrderRow) {
  if (mayWrite(caller, order) || order.requester_id === caller.userId) return;
  if (caller.grants.some((grant) => grant.role === 'member' && grant.orgId === order.community_id)) return;
  if (await managesCommunity(tx, caller, order.community_id)) return;
  throw briefErrors.error('BRIEF_CANNOT_SEE');
}
