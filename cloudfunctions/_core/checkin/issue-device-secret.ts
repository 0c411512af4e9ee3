import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime';
import { checkinErrors } from './checkin.errors';
import { checkinRepository } from './checkin.repository';
import { CODE_STEP_SECONDS } from './checkin-code';
import { encryptSecret, newSecretHex } from './device-secret-cipher';

/**
 * Provisions this phone with the secret behind the member's rotating code. A new phone replaces
 * the old one; scans the old phone's code made before now still count when uploaded later.
 */
export async function issueDeviceSecret(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  const member = await checkinRepository.findMember(ctx.tx, caller.userId);
  if (!member) throw checkinErrors.error('CHECKIN_NOT_A_MEMBER');
  const now = ctx.clock.now();
  const deviceId = ctx.newId();
  const secretHex = newSecretHex();
  await checkinRepository.revokeActiveDevices(ctx.tx, caller.userId, now);
  await checkinRepository.insertDevice(ctx.tx, deviceId, caller.userId, encryptSecret(secretHex, ctx.config.CHECKIN_KEY), now);
  return { deviceId, secretHex, stepSeconds: CODE_STEP_SECONDS, memberName: member.name, volunteerNo: member.volunteer_no };
}
