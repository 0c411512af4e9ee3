import type { ActionContext } from '../runtime/action';
import { businessDate } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { homeDistrictOf, organisationsInScope, unitInScope } from './district-scope';
import { orgErrors } from './org.errors';
import { orgRepository } from './org.repository';
import type { UnitKind } from './org.schemas';

const nameTaken = () => orgErrors.error('ORG_UNIT_NAME_TAKEN', undefined, { name: '本区已有同名单位' });

export async function createUnit(ctx: ActionContext, input: { name: string; kind: UnitKind }) {
  const districtId = homeDistrictOf(ctx.caller);
  if (await orgRepository.unitNameTaken(ctx.tx, districtId, input.name)) throw nameTaken();
  const unit = { id: ctx.newId(), districtId, name: input.name, kind: input.kind };
  await orgRepository.createUnit(ctx.tx, unit);
  return { id: unit.id, name: unit.name, kind: unit.kind };
}

export async function renameUnit(ctx: ActionContext, input: { unitId: string; name: string }) {
  const unit = await unitInScope(ctx.tx, ctx.caller, input.unitId);
  if (await orgRepository.unitNameTaken(ctx.tx, unit.district_id, input.name, unit.id)) throw nameTaken();
  await orgRepository.renameUnit(ctx.tx, unit.id, input.name);
  return { id: unit.id, name: input.name, kind: unit.kind };
}

/** 结对共建: a unit of the district paired with one of its communities, from a date (today unless given). */
export async function pairUnit(ctx: ActionContext, input: { unitId: string; communityId: string; pairedOn?: string }) {
  const unit = await unitInScope(ctx.tx, ctx.caller, input.unitId);
  const [community] = await organisationsInScope(ctx.tx, ctx.caller, [{ id: input.communityId, field: 'communityId' }], { kind: 'community' });
  if (community.district_id !== unit.district_id) throw orgErrors.error('ORG_NOT_IN_DISTRICT', undefined, { communityId: '须选择单位所在区的社区' });
  if (await orgRepository.findPairing(ctx.tx, unit.id, community.id)) throw orgErrors.error('ORG_ALREADY_PAIRED', `${unit.name} — ${community.name}`);
  const today = businessDate(ctx.clock.now());
  if (input.pairedOn && input.pairedOn > today) {
    throw commonErrors.error('VALIDATION_FAILED', '结对日期不能晚于今天', { pairedOn: '结对日期不能晚于今天' });
  }
  const pairedOn = input.pairedOn ?? today;
  await orgRepository.pairUnitWithCommunity(ctx.tx, unit.id, community.id, pairedOn);
  return { unitId: unit.id, communityId: community.id, communityName: community.name, pairedOn };
}

export async function unpairUnit(ctx: ActionContext, input: { unitId: string; communityId: string }) {
  const unit = await unitInScope(ctx.tx, ctx.caller, input.unitId);
  const [community] = await organisationsInScope(ctx.tx, ctx.caller, [{ id: input.communityId, field: 'communityId' }], { archived: true, kind: 'community' });
  if (!(await orgRepository.findPairing(ctx.tx, unit.id, community.id))) throw orgErrors.error('ORG_NOT_PAIRED', `${unit.name} — ${community.name}`);
  await orgRepository.unpair(ctx.tx, unit.id, community.id);
  return { unitId: unit.id, communityId: community.id };
}
