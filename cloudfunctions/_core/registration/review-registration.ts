import { notifyRegistrationResult } from '../notify/events';
import { orgRepository } from '../org/org.repository';
import { assertManagesCommunity, grantsOf, managesCommunity, requireCaller } from '../runtime';
import type { ActionContext } from '../runtime/action';
import { commonErrors } from '../shared/domain-error';
import { registrationErrors } from './registration.errors';
import { registrationRepository, type RegistrationRow } from './registration.repository';
import { readUnderOrganisationLocks } from './organisation-locks';
import { toRegistrationView } from './registration-view';

type Page = { limit: number; offset: number };

/** Pending registrations of a community, oldest first, with phones and addresses masked. */
export async function listPending(ctx: ActionContext, input: { communityId?: string; page: Page }) {
  const caller = requireCaller(ctx.caller);
  const communityId = input.communityId ?? grantsOf(caller, 'secretary')[0]?.orgId;
  if (!communityId) throw commonErrors.error('FORBIDDEN', '需要社区党组织书记或管理员身份');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const rows = await registrationRepository.listPending(ctx.tx, communityId, input.page);
  return { items: rows.map((row) => toRegistrationView(row, { masked: true })), total: Number(rows[0]?.total ?? 0) };
}

/** One registration: in full for the registrant, masked for a manager of its community (full values come from privacy.reveal). */
export async function getRegistration(ctx: ActionContext, input: { registrationId: string }) {
  const caller = requireCaller(ctx.caller);
  const row = await registrationRepository.findById(ctx.tx, input.registrationId);
  if (!row) throw registrationErrors.error('REG_NOT_FOUND');
  if (row.user_id === caller.userId) return toRegistrationView(row, { masked: false });
  if (await managesCommunity(ctx.tx, caller, row.community_id)) return toRegistrationView(row, { masked: true });
  throw commonErrors.error('FORBIDDEN', '只能查看自己或本社区的报到登记');
}

/**
 * The 回执 is the community's own (004 附件1: 「到我处报到」): only its secretary decides; a district admin may only look.
 * The communities and grids the decision touches (for a transfer, also the member's current ones) are share-locked
 * first, so a merge cannot move anything half way through it, nor leave a new member behind in an archived community.
 */
async function pendingInScope(ctx: ActionContext, registrationId: string, chosenGridId?: string) {
  const caller = requireCaller(ctx.caller);
  const read = async () => {
    const row = await registrationRepository.findById(ctx.tx, registrationId);
    const member = row?.kind === 'transfer' ? await registrationRepository.findMember(ctx.tx, row.user_id) : undefined;
    return { row, member };
  };
  const { row, member } = await readUnderOrganisationLocks(ctx.tx, read, ({ row, member }) => ({
    communities: [row?.community_id, member?.community_id],
    grids: [row?.grid_id, chosenGridId, member?.grid_id],
  }));
  if (!row) throw registrationErrors.error('REG_NOT_FOUND');
  if (!grantsOf(caller, 'secretary').some((grant) => grant.orgId === row.community_id)) {
    throw commonErrors.error('FORBIDDEN', '报到须由报到社区的党组织书记或管理员确认或退回');
  }
  return { caller, row, member };
}

const partyStandingOf = (row: RegistrationRow) =>
  row.form.memberType === 'activist' ? '积极分子' : row.form.memberType === 'probationary' ? '预备' : (row.slip_party_standing ?? '正式');

/**
 * 回执: the community confirms. A report makes the person a member (volunteer number, role, profile);
 * a transfer moves the member and their history. The conditional update lets only one of two racing confirms through.
 */
export async function confirmRegistration(ctx: ActionContext, input: { registrationId: string; gridId?: string }) {
  const { caller, row, member } = await pendingInScope(ctx, input.registrationId, input.gridId);
  const now = ctx.clock.now();
  if (input.gridId && !(await registrationRepository.gridBelongsTo(ctx.tx, input.gridId, row.community_id))) {
    throw registrationErrors.error('REG_GRID_NOT_IN_COMMUNITY', undefined, { gridId: '所选网格不属于该社区' });
  }
  const decided = await registrationRepository.decideIfPending(ctx.tx, {
    id: row.id, status: 'confirmed', reason: null, gridId: input.gridId ?? null, by: caller.userId, now,
  });
  if (!decided) throw registrationErrors.error('REG_NOT_PENDING');
  const gridId = input.gridId ?? row.grid_id;
  const form = row.form;

  if (row.kind === 'report') {
    await orgRepository.registerMember(ctx.tx, {
      userId: row.user_id, communityId: row.community_id, gridId, unitId: row.unit_id, memberType: form.memberType,
      skills: form.skills, posts: form.posts, availability: form.availability,
    });
    // The history row opens at the 回执, by the app's clock (registerMember opened it at the database's).
    await ctx.tx.query('update member_community_history set registration_id = $2, joined_at = $3 where member_id = $1 and left_at is null', [
      row.user_id, row.id, now,
    ]);
    await orgRepository.grantRole(ctx.tx, { id: ctx.newId(), userId: row.user_id, role: 'member', orgId: row.community_id });
    // The form's date of becoming an activist starts the cultivation period; the secretary may correct it later.
    if (form.memberType === 'activist' && form.activistSince) {
      await ctx.tx.query('update members set activist_since = $2, party_dates_set_by = $3, party_dates_set_at = $4 where user_id = $1', [
        row.user_id, form.activistSince, caller.userId, now,
      ]);
    }
  } else {
    if (!member) throw registrationErrors.error('REG_NOT_MEMBER');
    await ctx.tx.query('update members set community_id = $2, grid_id = $3 where user_id = $1', [row.user_id, row.community_id, gridId]);
    await ctx.tx.query(`update user_roles set org_id = $3 where user_id = $1 and role = 'member' and org_id = $2`, [
      row.user_id, member.community_id, row.community_id,
    ]);
    await ctx.tx.query('update member_community_history set left_at = $2 where member_id = $1 and left_at is null', [row.user_id, now]);
    await ctx.tx.query(
      `insert into member_community_history (id, member_id, community_id, grid_id, registration_id, joined_at) values ($1, $2, $3, $4, $5, $6)`,
      [ctx.newId(), row.user_id, row.community_id, gridId, row.id, now],
    );
  }
  // A transfer changes where the member serves, not their standing in the party.
  const [kept] = row.kind === 'transfer'
    ? await ctx.tx.query<{ party_standing: string }>('select party_standing from member_profiles where user_id = $1', [row.user_id])
    : [];
  await registrationRepository.upsertProfile(ctx.tx, row.user_id, form, kept?.party_standing ?? partyStandingOf(row), form.workUnit ?? row.unit_name, now);
  await notifyRegistrationResult(ctx.tx, now, { id: row.id, userId: row.user_id, communityName: row.community_name, kind: row.kind }, { status: 'confirmed' });
  return toRegistrationView((await registrationRepository.findById(ctx.tx, row.id))!, { masked: true });
}

/** 退回: the community sends the registration back with a reason the member and the unit see. */
export async function sendBackRegistration(ctx: ActionContext, input: { registrationId: string; reason: string }) {
  const { caller, row } = await pendingInScope(ctx, input.registrationId);
  const decided = await registrationRepository.decideIfPending(ctx.tx, {
    id: row.id, status: 'returned', reason: input.reason, gridId: null, by: caller.userId, now: ctx.clock.now(),
  });
  if (!decided) throw registrationErrors.error('REG_NOT_PENDING');
  await notifyRegistrationResult(ctx.tx, ctx.clock.now(), { id: row.id, userId: row.user_id, communityName: row.community_name, kind: row.kind }, { status: 'returned', reason: input.reason });
  return toRegistrationView((await registrationRepository.findById(ctx.tx, row.id))!, { masked: true });
}
