import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller } from '../runtime';
import { checkinErrors } from './checkin.errors';
import { checkinRepository } from './checkin.repository';
import { encryptSecret, newSecretHex } from './device-secret-cipher';
import { GENESIS_HASH } from './scan-chain';

const MAY_SCAN_OFFLINE = ['secretary', 'member', 'district_admin'] as const;

/**
 * Gives this scanning phone a secret of its own, to sign the scans it queues offline. Residents verify
 * their home service online only, so they get none. Each phone keeps its own chain; issuing one is
 * also the device's first online contact.
 */
export async function issueVerifierDevice(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  if (!MAY_SCAN_OFFLINE.some((role) => grantsOf(caller, role).length > 0)) throw checkinErrors.error('CHECKIN_NO_VERIFIER_DEVICE');
  const deviceId = ctx.newId();
  const secretHex = newSecretHex();
  await checkinRepository.insertVerifierDevice(ctx.tx, {
    id: deviceId, userId: caller.userId, ciphertext: encryptSecret(secretHex, ctx.config.CHECKIN_KEY), now: ctx.clock.now(),
  });
  return { deviceId, secretHex, lastCounter: 0, lastHash: GENESIS_HASH };
}
