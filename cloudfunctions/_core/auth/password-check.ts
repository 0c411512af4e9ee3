import { randomBytes } from 'node:crypto';
import type { ActionContext, PrepareContext } from '../runtime/action';
import { authErrors } from './auth.errors';
import { authRepository } from './auth.repository';
import { afterFailure, lockedMinutesLeft, type ThrottleState } from './login-throttle';
import { loginThrottleRepository } from './login-throttle.repository';
import { hashPassword, verifyPassword } from './password';

/** What the prepare phase found: whose hash it checked (none for an unknown phone) and whether the password matched. */
export interface CheckedPassword {
  userId: string | null;
  passwordHash: string | null;
  matches: boolean;
}

const dummyHashes = new Map<number, Promise<string>>();

/** A hash of nothing at the configured cost, made once per process: an unknown phone costs the same hash as a known one. */
function dummyHash(cost: number): Promise<string> {
  if (!dummyHashes.has(cost)) dummyHashes.set(cost, hashPassword(randomBytes(16).toString('hex'), cost));
  return dummyHashes.get(cost)!;
}

/**
 * Before the transaction: one statement reads the phone's hash, then the hash is computed with no database
 * session held. Every path (unknown phone, no password set, locked) does the same work.
 */
export async function checkPassword(env: PrepareContext, phone: string, password: string): Promise<CheckedPassword> {
  const user = await authRepository.findCredentialsByPhone(env.db, phone);
  const stored = user?.password_hash ?? null;
  const matches = await verifyPassword(password, stored ?? (await dummyHash(env.config.PASSWORD_COST)));
  return { userId: user?.id ?? null, passwordHash: stored, matches: stored !== null && matches };
}

/**
 * Inside the transaction: the throttle's verdict on the checked password, and its bookkeeping. Answers the
 * user id to log in; refuses with AUTH_LOCKED or AUTH_BAD_CREDENTIALS, the same way for known and unknown phones.
 */
export async function admitPassword(ctx: ActionContext, phone: string, checked: CheckedPassword): Promise<string> {
  const throttle = await refuseWhileLocked(ctx, phone);

  // The hash was checked outside the transaction: a password changed since then makes that check stale.
  const current = await authRepository.findCredentialsByPhone(ctx.tx, phone);
  const stale = (current?.id ?? null) !== checked.userId || (current?.password_hash ?? null) !== checked.passwordHash;
  if (stale) throw authErrors.error('AUTH_BAD_CREDENTIALS');

  if (!checked.matches || !current) refuseWrongPassword(ctx, phone, throttle, authErrors.error('AUTH_BAD_CREDENTIALS'));
  // The owner passing a lock from a known address leaves it standing for everyone else.
  if (throttle.phoneLock === 0) await loginThrottleRepository.clearPhone(ctx.tx, phone);
  if (ctx.clientAddress) await loginThrottleRepository.rememberAddress(ctx.tx, phone, ctx.clientAddress, ctx.clock.now());
  return current!.id;
}

interface ThrottleSeen {
  phoneState: ThrottleState;
  addressState: ThrottleState | undefined;
  phoneLock: number;
}

/** Refuses any password for a locked address, or for a locked phone unless the call comes from the phone's known address. */
export async function refuseWhileLocked(ctx: ActionContext, phone: string): Promise<ThrottleSeen> {
  const now = ctx.clock.now();
  const address = ctx.clientAddress;
  const addressState = address ? await loginThrottleRepository.find(ctx.tx, 'address', address) : undefined;
  const addressLock = lockedMinutesLeft(addressState, now);
  if (addressLock > 0) throw addressLockedError(addressLock);
  const phoneState = await loginThrottleRepository.find(ctx.tx, 'phone', phone);
  const phoneLock = lockedMinutesLeft(phoneState, now);
  const passesLock = phoneLock === 0 || (address !== undefined && (await loginThrottleRepository.isKnownAddress(ctx.tx, phone, address, now)));
  if (!passesLock) throw lockedError(phoneLock);
  return { phoneState, addressState, phoneLock };
}

/** A wrong password counts against the phone and the address (kept though the call is refused), then refuses. */
export function refuseWrongPassword(ctx: ActionContext, phone: string, seen: ThrottleSeen, refusal: Error): never {
  const now = ctx.clock.now();
  const address = ctx.clientAddress;
  ctx.keepOnFailure(async (tx) => {
    await loginThrottleRepository.recordFailure(tx, 'phone', phone, now);
    if (!address) return;
    await loginThrottleRepository.recordFailure(tx, 'address', address, now);
    await loginThrottleRepository.forgetAddress(tx, phone, address);
  });
  // The failure that starts a lock says so at once; the kept write counts it again under a row lock.
  const phoneNow = lockedMinutesLeft(afterFailure(seen.phoneState, 'phone', now), now);
  const addressNow = seen.addressState ? lockedMinutesLeft(afterFailure(seen.addressState, 'address', now), now) : 0;
  if (seen.phoneLock === 0 && phoneNow > 0) throw lockedError(phoneNow);
  if (addressNow > 0) throw addressLockedError(addressNow);
  throw refusal;
}

const lockedError = (minutes: number) => authErrors.error('AUTH_LOCKED', `请 ${minutes} 分钟后再试，或请所在社区党组织解除锁定`);
const addressLockedError = (minutes: number) => authErrors.error('AUTH_LOCKED', `本网络的失败次数过多，请 ${minutes} 分钟后再试`);
