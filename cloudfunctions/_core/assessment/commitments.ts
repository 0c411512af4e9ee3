import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, managesCommunity, requireCaller, type Caller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { businessYear } from '../shared/business-time';
import { assessmentErrors } from './assessment.errors';
import type { CommitInput, CommitmentView } from './commitments.schemas';
import { commitmentsRepository, type CommitmentRow } from './commitments.repository';

/*
 * 承诺 and 实事好事 (001 §五.(三)二, 002 §三.1): a member commits to a 好事 for a 帮扶对象, or a team (by its captain or
 * the community's secretary) to a 实事; it is reported as done and confirmed, or sent back with a reason and reported
 * again. Only a confirmed one counts toward the good_deeds / team_deeds rules, in the year it was committed for.
 */

type Page = { limit: number; offset: number };

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const toCommitmentView = (row: CommitmentRow): CommitmentView => ({
  id: row.id,
  year: row.year,
  kind: row.team_id ? 'team' : 'member',
  member: row.member_id ? { id: row.member_id, name: row.member_name ?? '' } : null,
  team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
  beneficiary: row.beneficiary,
  content: row.content,
  status: row.status,
  fulfilment: row.fulfilment,
  fulfilledAt: iso(row.fulfilled_at),
  returnReason: row.return_reason,
  confirmedAt: iso(row.confirmed_at),
  createdAt: row.created_at.toISOString(),
  communityName: row.community_name,
});

async function viewOf(ctx: ActionContext, id: string) {
  const row = await commitmentsRepository.findById(ctx.tx, id);
  if (!row) throw assessmentErrors.error('COMMITMENT_NOT_FOUND');
  return toCommitmentView(row);
}

/** The community a team's 实事 goes to, when the caller may commit it: its captain, or a manager of the team's community. */
async function teamCommunity(ctx: ActionContext, caller: Caller, teamId: string) {
  const team = await commitmentsRepository.team(ctx.tx, teamId);
  if (!team || team.archived_at) throw assessmentErrors.error('COMMITMENT_TEAM_NOT_FOUND');
  if (team.captain_member_id === caller.userId) {
    // A unit's team has no community of its own: its captain's community confirms the deed.
    const communityId = team.community_id ?? (await commitmentsRepository.memberCommunity(ctx.tx, caller.userId));
    if (communityId) return communityId;
  } else if (team.community_id && (await managesCommunity(ctx.tx, caller, team.community_id))) {
    return team.community_id;
  }
  throw assessmentErrors.error('COMMITMENT_NOT_CAPTAIN');
}

export async function commit(ctx: ActionContext, input: CommitInput) {
  const caller = requireCaller(ctx.caller);
  const currentYear = businessYear(ctx.clock.now());
  const year = input.year ?? currentYear;
  const communityId = input.teamId ? await teamCommunity(ctx, caller, input.teamId) : communityOf(caller, 'member');
  // A closed year is not written to; a commitment is made for the year under way or the next.
  if (year !== currentYear && year !== currentYear + 1) throw assessmentErrors.error('COMMITMENT_YEAR_NOT_OPEN');
  const id = ctx.newId();
  await commitmentsRepository.insert(ctx.tx, {
    id, year, communityId, memberId: input.teamId ? null : caller.userId, teamId: input.teamId ?? null,
    beneficiary: input.beneficiary, content: input.content, createdBy: caller.userId, at: ctx.clock.now(),
  });
  return viewOf(ctx, id);
}

/** The member (or, for a team's 实事, its captain or the secretary) says what was done; again after it was sent back. */
export async function reportFulfilment(ctx: ActionContext, input: { commitmentId: string; fulfilment: string }) {
  const caller = requireCaller(ctx.caller);
  const row = await commitmentsRepository.lockById(ctx.tx, input.commitmentId);
  if (!row) throw assessmentErrors.error('COMMITMENT_NOT_FOUND');
  const mayReport = row.member_id
    ? row.member_id === caller.userId
    : row.team_captain_id === caller.userId || (await managesCommunity(ctx.tx, caller, row.community_id));
  if (!mayReport) {
    if (row.team_id) throw assessmentErrors.error('COMMITMENT_NOT_CAPTAIN');
    throw commonErrors.error('FORBIDDEN', '只能填报自己的承诺');
  }
  if (row.status !== 'committed' && row.status !== 'returned') throw assessmentErrors.error('COMMITMENT_NOT_OPEN');
  await commitmentsRepository.reportFulfilment(ctx.tx, row.id, input.fulfilment, ctx.clock.now());
  return viewOf(ctx, row.id);
}

async function lockReported(ctx: ActionContext, caller: Caller, commitmentId: string) {
  const row = await commitmentsRepository.lockById(ctx.tx, commitmentId);
  if (!row) throw assessmentErrors.error('COMMITMENT_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, row.community_id);
  if (row.status !== 'fulfilled') throw assessmentErrors.error('COMMITMENT_NOT_REPORTED');
  return row;
}

export async function confirmCommitment(ctx: ActionContext, input: { commitmentId: string }) {
  const caller = requireCaller(ctx.caller);
  const row = await lockReported(ctx, caller, input.commitmentId);
  await commitmentsRepository.confirm(ctx.tx, row.id, caller.userId, ctx.clock.now());
  return viewOf(ctx, row.id);
}

export async function returnCommitment(ctx: ActionContext, input: { commitmentId: string; reason: string }) {
  const caller = requireCaller(ctx.caller);
  const row = await lockReported(ctx, caller, input.commitmentId);
  await commitmentsRepository.sendBack(ctx.tx, row.id, input.reason);
  return viewOf(ctx, row.id);
}

export async function myCommitments(ctx: ActionContext, input: { year?: number }) {
  const caller = requireCaller(ctx.caller);
  communityOf(caller, 'member');
  const rows = await commitmentsRepository.mine(ctx.tx, caller.userId, input.year ?? null);
  const captainOf = await commitmentsRepository.teamsCaptainedBy(ctx.tx, caller.userId);
  return { items: rows.map(toCommitmentView), captainOf, currentYear: businessYear(ctx.clock.now()) };
}

export async function listCommitments(ctx: ActionContext, input: { communityId?: string; status?: string; year?: number; page: Page }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? caller.grants.find((grant) => grant.role === 'secretary')?.orgId;
  if (!communityId) throw commonErrors.error('FORBIDDEN', '需要社区党组织书记或管理员身份');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const rows = await commitmentsRepository.byCommunity(ctx.tx, communityId, { status: input.status ?? null, year: input.year ?? null }, input.page);
  return { items: rows.map(toCommitmentView), total: Number(rows[0]?.total ?? 0), waiting: await commitmentsRepository.waitingIn(ctx.tx, communityId) };
}
