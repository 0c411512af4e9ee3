import { randomInt } from 'node:crypto';
import { orgRepository } from '../org/org.repository';
import { administersUnit, grantsOf, requireCaller, unitAdministeredBy, type Caller } from '../runtime';
import type { ActionContext } from '../runtime/action';
import { businessDate } from '../shared/business-time';
import { assertWithinHorizon } from '../shared/time-horizon';
import { toSlipView } from './registration-view';
import { registrationErrors } from './registration.errors';
import { registrationRepository } from './registration.repository';
import { SLIP_CODE_ALPHABET, SLIP_CODE_LENGTH } from './slip-code';

/** 8 characters of the code alphabet, drawn with a cryptographic generator so a code cannot be guessed. */
export const newSlipCode = () =>
  Array.from({ length: SLIP_CODE_LENGTH }, () => SLIP_CODE_ALPHABET[randomInt(SLIP_CODE_ALPHABET.length)]).join('');

function requireUnitAdmin(caller: Caller): Caller {
  if (grantsOf(caller, 'unit_admin').length === 0) throw registrationErrors.error('REG_NOT_UNIT_ADMIN');
  return caller;
}

const unitOf = (caller: Caller, unitId?: string) => unitAdministeredBy(requireUnitAdmin(caller), unitId);

/** A slip of a unit the caller administers, or NOT_FOUND: other units' slips do not exist for this caller. */
async function ownSlip(ctx: ActionContext, slipId: string) {
  const caller = requireUnitAdmin(requireCaller(ctx.caller));
  await registrationRepository.lockSlip(ctx.tx, slipId);
  const slip = await registrationRepository.findSlipById(ctx.tx, slipId);
  if (!slip || !administersUnit(caller, slip.unit_id)) throw registrationErrors.error('REG_SLIP_NOT_FOUND');
  return slip;
}

interface IssueSlip {
  unitId?: string;
  memberName: string;
  memberPhone: string;
  partyStanding: '正式' | '预备';
  communityId: string;
  reportBy: string;
}

/** 在职党员社区报到单: the unit's party organisation sends its member to a community with a code. */
export async function issueSlip(ctx: ActionContext, input: IssueSlip) {
  const caller = requireCaller(ctx.caller);
  const unitId = unitOf(caller, input.unitId);
  const now = ctx.clock.now();
  const unit = (await orgRepository.findUnit(ctx.tx, unitId))!;
  const community = await registrationRepository.findCommunity(ctx.tx, input.communityId);
  if (!community) throw registrationErrors.error('REG_COMMUNITY_NOT_FOUND', undefined, { communityId: '找不到该社区' });
  if (community.district_id !== unit.district_id) {
    throw registrationErrors.error('REG_COMMUNITY_OUTSIDE_DISTRICT', undefined, { communityId: '报到社区须在本单位所在的区' });
  }
  if (input.reportBy < businessDate(now)) throw registrationErrors.error('REG_REPORT_BY_PAST', undefined, { reportBy: '报到截止日期不能早于今天' });
  assertWithinHorizon(`${input.reportBy}T00:00:00+08:00`, now, { field: 'reportBy', label: '报到截止日期' });
  if (await registrationRepository.openSlipForPhone(ctx.tx, unitId, input.memberPhone)) {
    throw registrationErrors.error('REG_SLIP_ALREADY_OPEN', undefined, { memberPhone: '该手机号码已有一张未作废的报到单' });
  }
  let code = newSlipCode();
  while (await registrationRepository.slipCodeTaken(ctx.tx, code)) code = newSlipCode();
  const id = ctx.newId();
  await registrationRepository.insertSlip(ctx.tx, { ...input, id, code, unitId, issuedBy: caller.userId, now });
  return toSlipView((await registrationRepository.findSlipById(ctx.tx, id))!, now, ctx.config.PUBLIC_URL);
}

/** The unit's slips, newest first, each with its result (the 回执 once reported). */
export async function listSlips(ctx: ActionContext, input: { unitId?: string; page: { limit: number; offset: number } }) {
  const unitId = unitOf(requireCaller(ctx.caller), input.unitId);
  const rows = await registrationRepository.listSlips(ctx.tx, unitId, input.page);
  const now = ctx.clock.now();
  return { items: rows.map((row) => toSlipView(row, now, ctx.config.PUBLIC_URL)), total: Number(rows[0]?.total ?? 0) };
}

/** 未报到的主要原因 (附件3), noted by the unit for a member who has not reported. */
export async function noteNotReported(ctx: ActionContext, input: { slipId: string; reason: string }) {
  const slip = await ownSlip(ctx, input.slipId);
  if (slip.reg_status === 'confirmed') throw registrationErrors.error('REG_SLIP_ALREADY_REPORTED');
  await registrationRepository.noteNotReported(ctx.tx, slip.id, input.reason);
  return toSlipView((await registrationRepository.findSlipById(ctx.tx, slip.id))!, ctx.clock.now(), ctx.config.PUBLIC_URL);
}

/** Cancels a slip nobody has used; a used one is part of the member's history. */
export async function cancelSlip(ctx: ActionContext, input: { slipId: string }) {
  const slip = await ownSlip(ctx, input.slipId);
  if (slip.reg_status === 'confirmed') throw registrationErrors.error('REG_SLIP_ALREADY_REPORTED');
  if (slip.reg_status === 'pending') throw registrationErrors.error('REG_SLIP_AWAITING_CONFIRM');
  if (slip.cancelled_at) throw registrationErrors.error('REG_SLIP_CANCELLED');
  await registrationRepository.cancelSlip(ctx.tx, slip.id, ctx.clock.now());
  return toSlipView((await registrationRepository.findSlipById(ctx.tx, slip.id))!, ctx.clock.now(), ctx.config.PUBLIC_URL);
}
