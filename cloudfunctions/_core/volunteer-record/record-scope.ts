import type { Executor } from '../db/database';
import { districtsOf, organisationsInScope } from '../org/district-scope';
import { assertManagesCommunity, grantsOf, requireCaller, type Caller } from '../runtime';
import { commonErrors } from '../shared/domain-error';

/** Whose trainings and awards a manager records: a community (its secretary, or the district admin) or a district (its admin). */
export interface RecordScope {
  orgId: string;
  kind: 'community' | 'district';
  name: string;
}

/**
 * The scope a call works in: a secretary's own community; a district admin's community of her district when she
 * names one, else her district. Anyone else is refused.
 */
export async function scopeForCall(tx: Executor, callerOrNull: Caller | null, communityId?: string): Promise<RecordScope> {
  const caller = requireCaller(callerOrNull);
  const secretaryOf = grantsOf(caller, 'secretary').map((grant) => grant.orgId);
  const target = communityId ?? (grantsOf(caller, 'district_admin').length === 0 ? secretaryOf[0] : undefined);
  if (target && secretaryOf.includes(target)) return { orgId: target, kind: 'community', name: await nameOf(tx, target) };
  if (grantsOf(caller, 'district_admin').length === 0) {
    if (secretaryOf.length > 0) throw commonErrors.error('FORBIDDEN', '只能管理本社区的培训和表彰记录');
    throw commonErrors.error('FORBIDDEN', '需要社区书记或区管理员身份');
  }
  if (communityId) {
    const [community] = await organisationsInScope(tx, caller, [{ id: communityId, field: 'communityId' }], { kind: 'community' });
    return { orgId: community.id, kind: 'community', name: community.name };
  }
  const districtId = districtsOf(caller)[0];
  return { orgId: districtId, kind: 'district', name: await nameOf(tx, districtId) };
}

/** A manager may change what was recorded in `orgId`: its secretary or its district's admin (a community), or the district's admin. */
export async function assertManagesScope(tx: Executor, callerOrNull: Caller | null, orgId: string): Promise<void> {
  const caller = requireCaller(callerOrNull);
  const [org] = await tx.query<{ kind: string }>('select kind from organisations where id = $1', [orgId]);
  if (org?.kind === 'district') {
    if (grantsOf(caller, 'district_admin').some((grant) => grant.orgId === orgId)) return;
    throw commonErrors.error('FORBIDDEN', '只能管理本区的培训和表彰记录');
  }
  await assertManagesCommunity(tx, caller, orgId);
}

/** The SQL condition (on a members row `m`) of the members a scope holds, with the scope's id as parameter `$n`. */
export const membersOfScope = (scope: Pick<RecordScope, 'kind'>, parameter: number) =>
  scope.kind === 'community'
    ? `m.community_id = $${parameter}`
    : `m.community_id in (select c.id from organisations c join organisations s on s.id = c.parent_id where s.parent_id = $${parameter})`;

const nameOf = async (tx: Executor, orgId: string) => (await tx.query<{ name: string }>('select name from organisations where id = $1', [orgId]))[0]?.name ?? '';
