import { afterFailure, emptyThrottle, lockedMinutesLeft, type ThrottleState } from './login-throttle';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 1, 0) + minutes * 60_000);

/** Fails `times` times a second apart from `minutes`, as a guesser would. */
const failFrom = (state: ThrottleState, minutes: number, times: number, scope: 'phone' | 'address' = 'phone') => {
  for (let i = 0; i < times; i++) state = afterFailure(state, scope, new Date(at(minutes).getTime() + i * 1000));
  return state;
};

/** Minutes left on the lock, seen at the failure that set it. */
const minutesLocked = (state: ThrottleState) => lockedMinutesLeft(state, state.lastFailureAt!);

describe('login throttle rules', () => {
  it('should lock a phone on its 5th failure in a row and an address on its 20th', () => {
    expect(failFrom(emptyThrottle(), 0, 4).lockedUntil).toBeNull();
    expect(minutesLocked(failFrom(emptyThrottle(), 0, 5))).toBe(1);
    expect(failFrom(emptyThrottle(), 0, 19, 'address').lockedUntil).toBeNull();
    expect(minutesLocked(failFrom(emptyThrottle(), 0, 20, 'address'))).toBe(1);
  });

  it('should lock for 1, 5, 15, then never more than 30 minutes', () => {
    let state = emptyThrottle();
    const lengths: number[] = [];
    let minute = 0;
    for (let lock = 0; lock < 6; lock++) {
      state = failFrom(state, minute, 5);
      lengths.push(Math.round((state.lockedUntil!.getTime() - state.lastFailureAt!.getTime()) / 60_000));
      minute += lengths[lengths.length - 1] + 1;
    }
    expect(lengths).toEqual([1, 5, 15, 30, 30, 30]);
  });

  it('should not grow a lock by failures made while it lasts', () => {
    const locked = failFrom(emptyThrottle(), 0, 5);
    expect(afterFailure(locked, 'phone', at(0.5))).toBe(locked);
  });

  it('should start a run again after 15 quiet minutes, and forget locks after a quiet day', () => {
    expect(failFrom(failFrom(emptyThrottle(), 0, 4), 16, 1).failures).toBe(1);
    const twiceLocked = failFrom(failFrom(emptyThrottle(), 0, 5), 2, 5);
    expect(twiceLocked.locks).toBe(2);
    expect(minutesLocked(failFrom(twiceLocked, 25 * 60, 5))).toBe(1);
  });
});
