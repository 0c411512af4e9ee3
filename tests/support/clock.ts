/** Fakes only Date, so that a test can move the wall clock while timers and I/O run for real. */
export function useWallClock(start: Date) {
  jest.useFakeTimers({
    now: start,
    doNotFake: [
      'nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
      'queueMicrotask', 'hrtime', 'performance',
    ],
  });
  return {
    set: (at: Date) => jest.setSystemTime(at),
    advanceMinutes: (minutes: number) => jest.setSystemTime(new Date(Date.now() + minutes * 60_000)),
    restore: () => jest.useRealTimers(),
  };
}
