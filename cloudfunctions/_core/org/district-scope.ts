import type { Executor } from '../db/database';
import { grantsOf, requireCaller, ROLE_LABELS, type Caller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { orgErrors } from './org.errors';
import { orgRepository, type OrganisationKind, type OrganisationRow } from './org.repository';

/** The districts the caller administers; anyone else is refused. */
export function districtsOf(callerOrNull: Caller | null): string[] {
  const caller = requireCaller(callerOrNull);
  const districts = grantsOf(caller, 'district_admin').map((grant) => grant.orgId).filter((id): id is string => Boolean(id));
  if (districts.length === 0) throw commonErrors.error('FORBIDDEN', `需要${ROLE_LABELS.district_admin}身份`);
  return districts;
}

/** The district an admin works in (the first, should they hold several). */
export const homeDistrictOf = (caller: Caller | null) => districtsOf(caller)[0];

export function assertInDistricts(districts: string[], districtId: string | null): void {
  if (!districtId || !districts.includes(districtId)) throw orgErrors.error('ORG_NOT_IN_DISTRICT');
}

/**
 * Organisations of the caller's districts, in the order asked; an unknown one is ORG_NOT_FOUND,
 * another district's is refused, an archived one too unless `archived` is allowed.
 */
export async function organisationsInScope(
  tx: Executor,
  caller: Caller | null,
  ids: { id: string; field: string }[],
  options: { archived?: boolean; kind?: OrganisationKind } = {},
): Promise<OrganisationRow[]> {
  const districts = districtsOf(caller);
  const rows = await orgRepository.findOrganisations(tx, ids.map(({ id }) => id));
  return ids.map(({ id, field }) => {
    const row = rows.find((candidate) => candidate.id === id);
    const kindName = options.kind ? KIND_LABELS[options.kind] : '组织';
    if (!row || (options.kind && row.kind !== options.kind)) throw orgErrors.error('ORG_NOT_FOUND', undefined, { [field]: `找不到该${kindName}` });
    assertInDistricts(districts, row.district_id);
    if (row.archived_at && !options.archived) throw orgErrors.error('ORG_ARCHIVED', row.name, { [field]: `「${row.name}」已合并或撤销` });
    return row;
  });
}

export async function unitInScope(tx: Executor, caller: Caller | null, unitId: string) {
  const districts = districtsOf(caller);
  const unit = await orgRepository.findUnit(tx, unitId);
  if (!unit) throw orgErrors.error('ORG_UNIT_NOT_FOUND', undefined, { unitId: '找不到该单位' });
  assertInDistricts(districts, unit.district_id);
  return unit;
}

export const KIND_LABELS: Record<OrganisationKind, string> = { district: '区', street: '街道', community: '社区', grid: '网格' };
