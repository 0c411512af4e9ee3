import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller } from '../runtime';
import { commonErrors } from '../shared/domain-error';
import { assertInDistricts } from './district-scope';
import { orgErrors } from './org.errors';
import { orgRepository } from './org.repository';
import type { ServicePhoneView } from './org.schemas';
import { organisationView } from './organisations';

/**
 * Sets the number residents see as their community's 服务电话 (an empty one clears it); the community's
 * secretary may, and so may an admin of the district it belongs to.
 */
export async function setServicePhone(ctx: ActionContext, input: { orgId: string; phone: string }): Promise<ServicePhoneView> {
  const caller = requireCaller(ctx.caller);
  const [org] = await orgRepository.findOrganisations(ctx.tx, [input.orgId]);
  if (!org) throw orgErrors.error('ORG_NOT_FOUND', undefined, { orgId: '找不到该社区' });
  if (!grantsOf(caller, 'secretary').some((grant) => grant.orgId === org.id)) {
    const districts = grantsOf(caller, 'district_admin').flatMap((grant) => (grant.orgId ? [grant.orgId] : []));
    if (districts.length === 0) throw commonErrors.error('FORBIDDEN', '只能设置本社区的服务电话');
    assertInDistricts(districts, org.district_id);
  }
  if (org.kind !== 'community') throw orgErrors.error('ORG_NOT_COMMUNITY', undefined, { orgId: '只有社区可以设置服务电话' });
  if (org.archived_at) throw orgErrors.error('ORG_ARCHIVED', org.name, { orgId: `「${org.name}」已合并或撤销` });
  const servicePhone = input.phone === '' ? null : input.phone;
  await orgRepository.setServicePhone(ctx.tx, org.id, servicePhone);
  return { ...organisationView(org), servicePhone };
}
