/** A phone's or a client address's run of failed logins, as stored in login_throttle. */
export interface ThrottleState {
  failures: number;
  locks: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export type ThrottleScope = 'phone' | 'address';

/*
 * Why these numbers, and why an attacker cannot keep a known user out for good:
 * - Per phone, 5 failures in a row lock it for 1, 5, 15, then 30 minutes (never longer); a phone with no
 *   failure for a day starts again at 1 minute. Unknown phones are counted and locked the same way, so a
 *   lock tells nothing about whether the phone has an account. While locked every password is refused,
 *   the right one too, so a lock is no oracle for guessing on.
 * - Per client address (socket address, or the openid inside WeChat), 20 failures across any phones lock
 *   that address the same way: one attacker cannot walk through many phones, nor keep re-locking one.
 *   A success does not reset an address's count (else logging into one's own account would buy new tries).
 * - An address the phone last logged in from, with no failure on that phone since, passes the phone's
 *   lock (not an address lock): strangers failing from elsewhere cannot keep the owner's own phone or
 *   WeChat out. The owner's secretary or district admin can also lift the lock at once.
 * - Concurrent guesses read the state before any of them is written, so a burst gets a few more tries
 *   than the limit; each try still costs a full password hash, and the address limit still binds.
 */
export const FAILURES_BEFORE_LOCK: Record<ThrottleScope, number> = { phone: 5, address: 20 };
const LOCK_MINUTES = [1, 5, 15, 30];
/** A run of failures older than this starts again from nothing. */
const FAILURE_RUN_MINUTES = 15;
/** Locks are forgotten after a day without failures, so the next lock is short again. */
const LOCK_MEMORY_HOURS = 24;

const MINUTE = 60_000;

export const emptyThrottle = (): ThrottleState => ({ failures: 0, locks: 0, lastFailureAt: null, lockedUntil: null });

/** Whole minutes (at least 1) until the lock ends; 0 when not locked at `now`. */
export function lockedMinutesLeft(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / MINUTE));
}

/** The state after one more failure at `now`; a failure while locked changes nothing (the lock does not grow). */
export function afterFailure(state: ThrottleState, scope: ThrottleScope, now: Date): ThrottleState {
  if (lockedMinutesLeft(state, now) > 0) return state;
  const sinceLast = state.lastFailureAt ? now.getTime() - state.lastFailureAt.getTime() : Infinity;
  const locks = sinceLast > LOCK_MEMORY_HOURS * 60 * MINUTE ? 0 : state.locks;
  const lockEnded = state.lockedUntil !== null && state.lockedUntil <= now;
  const failures = (sinceLast > FAILURE_RUN_MINUTES * MINUTE || lockEnded ? 0 : state.failures) + 1;
  if (failures < FAILURES_BEFORE_LOCK[scope]) return { failures, locks, lastFailureAt: now, lockedUntil: null };
  const minutes = LOCK_MINUTES[Math.min(locks, LOCK_MINUTES.length - 1)];
  return { failures: 0, locks: locks + 1, lastFailureAt: now, lockedUntil: new Date(now.getTime() + minutes * MINUTE) };
}
