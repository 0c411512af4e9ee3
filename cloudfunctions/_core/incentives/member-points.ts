import type * as z from 'zod';
import type { Executor } from '../db/database';
import { passbook, userAccount } from '../ledger';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime/access';
import type { ActionContext } from '../runtime/action';
import { districtsOf } from '../org/district-scope';
import { businessDate } from '../shared/business-time';
import { bankAmountText } from './rules';
import { pointsErrors } from './points.errors';
import type { IncentiveSummaryView, MemberIncentivesView, PointsLineView, PointsPassbookView, SettleLedgerView } from './points.schemas';
import { memberIncentiveSummary, settleMember, settleQueued } from './settlement';
import { settlementRepository } from './settlement/settlement.repository';

const KIND_OF: Record<string, z.input<typeof PointsLineView>['kind']> = { points_award: 'award', reversal: 'reversal', write_off: 'write_off' };

async function summaryOf(ctx: ActionContext, memberId: string): Promise<z.input<typeof IncentiveSummaryView>> {
  const now = ctx.clock.now();
  await settleMember(ctx.tx, memberId, now);
  const { points, stars, bankMinutes, rules } = await memberIncentiveSummary(ctx.tx, memberId, businessDate(now));
  return { points, stars, bank: { minutes: bankMinutes, text: bankAmountText(rules.bank, bankMinutes), unitName: rules.bank.unitName }, rulesVersion: rules.version };
}

/** A page of a member's 积分 lines, newest first; a reversal shows what it undid. */
async function pointsLines(tx: Executor, memberId: string, limit: number, before?: number): Promise<z.input<typeof PointsLineView>[]> {
  const lines = await passbook(tx, userAccount(memberId, 'points'), { limit, beforeEntryId: before });
  const memos = await settlementRepository.memos(tx, lines.flatMap((line) => (line.reversesId ? [line.reversesId] : [])));
  return lines.map((line) => {
    const kind = KIND_OF[line.kind] ?? 'other';
    const undone = line.reversesId ? memos.get(line.reversesId) : undefined;
    return {
      entryId: line.entryId,
      date: businessDate(line.at),
      kind,
      title: kind === 'reversal' ? `冲正：${undone ?? ''}` : line.memo || '积分变动',
      note: kind === 'reversal' ? line.memo : '',
      amount: line.amount,
      balanceAfter: line.balanceAfter,
      reversed: line.reversedBy !== null,
    };
  });
}

/** 我的激励 on the member's home: points, 星级, banked hours. */
export async function myIncentives(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  communityOf(caller, 'member');
  return summaryOf(ctx, caller.userId);
}

/** 我的积分: the balance and its lines, paged back by `before`. */
export async function myPoints(ctx: ActionContext, input: { before?: number; limit: number }): Promise<z.input<typeof PointsPassbookView>> {
  const caller = requireCaller(ctx.caller);
  communityOf(caller, 'member');
  const { points } = await summaryOf(ctx, caller.userId);
  const lines = await pointsLines(ctx.tx, caller.userId, input.limit, input.before);
  return { points, lines, nextBefore: lines.length === input.limit ? lines[lines.length - 1].entryId : null };
}

/** One member's 积分 and 星级 for their community's secretary or their district's admin. */
export async function memberIncentives(ctx: ActionContext, input: { memberId: string }): Promise<z.input<typeof MemberIncentivesView>> {
  const caller = requireCaller(ctx.caller);
  const [member] = await ctx.tx.query<{ community_id: string; name: string }>(
    `select m.community_id, u.name from members m join users u on u.id = m.user_id where m.user_id = $1`,
    [input.memberId],
  );
  if (!member) throw pointsErrors.error('POINTS_MEMBER_NOT_FOUND', undefined, { memberId: '找不到该党员' });
  await assertManagesCommunity(ctx.tx, caller, member.community_id);
  const summary = await summaryOf(ctx, input.memberId);
  return { ...summary, memberName: member.name, lines: await pointsLines(ctx.tx, input.memberId, 20) };
}

/** 立即入账: a district admin drains the queue of the district's members now. */
export async function settleLedger(ctx: ActionContext): Promise<z.input<typeof SettleLedgerView>> {
  const districtIds = districtsOf(ctx.caller);
  const settled = await settleQueued(ctx.tx, { districtIds, limit: 2000, at: ctx.clock.now() });
  const waiting = (await settlementRepository.queuedRefs(ctx.tx, { districtIds, limit: 100_000 })).length;
  return { settled, waiting };
}
