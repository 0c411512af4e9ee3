import { requireCaller } from '../runtime';
import type { ActionContext } from '../runtime/action';
import { registrationErrors } from './registration.errors';
import { registrationRepository } from './registration.repository';
import { toRegistrationView } from './registration-view';

/** My registrations and transfers, newest first, with the 回执 or the reason they came back. */
export async function listMine(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  const rows = await registrationRepository.listByUser(ctx.tx, caller.userId);
  return { items: rows.map((row) => toRegistrationView(row, { masked: false })), total: rows.length };
}

/** Withdraws my registration while the community has not decided it. */
export async function withdrawRegistration(ctx: ActionContext, input: { registrationId: string }) {
  const caller = requireCaller(ctx.caller);
  if (!(await registrationRepository.withdrawIfPending(ctx.tx, input.registrationId, caller.userId))) {
    const row = await registrationRepository.findById(ctx.tx, input.registrationId);
    throw registrationErrors.error(row?.user_id === caller.userId ? 'REG_NOT_PENDING' : 'REG_NOT_FOUND');
  }
  return toRegistrationView((await registrationRepository.findById(ctx.tx, input.registrationId))!, { masked: false });
}
