import type { ActionContext } from '../runtime/action';
import { KIND_LABELS, organisationsInScope } from './district-scope';
import { orgErrors } from './org.errors';
import { orgRepository, type OrganisationKind, type OrganisationRow } from './org.repository';

const PARENT_KIND: Record<Exclude<OrganisationKind, 'district'>, OrganisationKind> = { street: 'district', community: 'street', grid: 'community' };

const view = (org: Pick<OrganisationRow, 'id' | 'kind' | 'parent_id' | 'name'>) => ({ id: org.id, kind: org.kind, parentId: org.parent_id, name: org.name });

const nameTaken = () => orgErrors.error('ORG_NAME_TAKEN', undefined, { name: '同一上级组织下已有同名组织' });

/** Adds a street under the district, a community under a street or a grid under a community. */
export async function createOrganisation(ctx: ActionContext, input: { kind: 'street' | 'community' | 'grid'; parentId: string; name: string }) {
  const [parent] = await organisationsInScope(ctx.tx, ctx.caller, [{ id: input.parentId, field: 'parentId' }]);
  if (parent.kind !== PARENT_KIND[input.kind]) {
    throw orgErrors.error('ORG_WRONG_PARENT', undefined, { parentId: `${KIND_LABELS[input.kind]}须建在${KIND_LABELS[PARENT_KIND[input.kind]]}下` });
  }
  if (await orgRepository.nameTakenUnder(ctx.tx, parent.id, input.name)) throw nameTaken();
  const org = { id: ctx.newId(), kind: input.kind, parentId: parent.id, name: input.name };
  await orgRepository.createOrganisation(ctx.tx, org);
  return view({ ...org, parent_id: org.parentId });
}

export async function renameOrganisation(ctx: ActionContext, input: { orgId: string; name: string }) {
  const [org] = await organisationsInScope(ctx.tx, ctx.caller, [{ id: input.orgId, field: 'orgId' }]);
  if (org.parent_id && (await orgRepository.nameTakenUnder(ctx.tx, org.parent_id, input.name, org.id))) throw nameTaken();
  await orgRepository.rename(ctx.tx, org.id, input.name);
  return view({ ...org, name: input.name });
}

export { view as organisationView };
