import type { Executor } from '../db/database';
import { commonErrors } from '../shared/domain-error';
import { grantsOf, type Caller, type Role } from './caller';

/** The caller, who must be logged in. */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw commonErrors.error('UNAUTHENTICATED');
  return caller;
}

/** The community the caller holds `role` in; a caller with none is refused. */
export function communityOf(caller: Caller, role: Extract<Role, 'resident' | 'member' | 'secretary'>): string {
  const grant = grantsOf(caller, role)[0];
  if (!grant?.orgId) throw commonErrors.error('FORBIDDEN', `需要${ROLE_LABELS[role]}身份`);
  return grant.orgId;
}

/**
 * The unit the caller administers: `unitId` when it is one of theirs, else their only unit (the first when they
 * hold several). A caller who administers no unit, or not `unitId`, is refused.
 */
export function unitAdministeredBy(caller: Caller, unitId?: string): string {
  if (unitId !== undefined) {
    if (!administersUnit(caller, unitId)) throw commonErrors.error('FORBIDDEN', '无权查看或管理该单位的数据');
    return unitId;
  }
  const units = grantsOf(caller, 'unit_admin').flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
  if (units.length === 0) throw commonErrors.error('FORBIDDEN', `需要${ROLE_LABELS.unit_admin}身份`);
  return units[0];
}

export const administersUnit = (caller: Caller, unitId: string) => grantsOf(caller, 'unit_admin').some((grant) => grant.unitId === unitId);

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '党员义工',
  secretary: '社区党组织书记或管理员',
  unit_admin: '单位党组织管理员',
  district_admin: '区（街道）党（工）委管理员',
};

/**
 * A secretary manages their own community; a district admin manages every community
 * of their district. Anyone else, or another community's secretary, is refused.
 */
export async function assertManagesCommunity(tx: Executor, caller: Caller, communityId: string): Promise<void> {
  if (grantsOf(caller, 'secretary').some((grant) => grant.orgId === communityId)) return;
  const districts = grantsOf(caller, 'district_admin').map((grant) => grant.orgId);
  if (districts.length > 0) {
    const rows = await tx.query(
      `select 1 from organisations community
         join organisations street on street.id = community.parent_id
        where community.id = $1 and street.parent_id = any($2::uuid[])`,
      [communityId, districts],
    );
    if (rows.length > 0) return;
  }
  throw commonErrors.error('FORBIDDEN', '只能管理本社区的数据');
}

export const managesCommunity = async (tx: Executor, caller: Caller, communityId: string) =>
  assertManagesCommunity(tx, caller, communityId).then(
    () => true,
    () => false,
  );
