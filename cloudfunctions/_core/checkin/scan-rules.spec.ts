import {
  MAX_QUEUED_SCAN_AGE_DAYS,
  SCANNER_CLOCK_TOLERANCE_SECONDS,
  WINDOW_CLOSES_AFTER_END_MINUTES,
  WINDOW_OPENS_BEFORE_START_MINUTES,
  codeAge,
  decideScanKind,
  isWithinScanWindow,
  type CodeAge,
  type ScanDecision,
} from './scan-rules';

describe('codeAge', () => {
  it.each([
    [1000, 1000, 'fresh'],
    [999, 1000, 'fresh'],
    [1001, 1000, 'fresh'],
    [998, 1000, 'expired'],
    [994, 1000, 'expired'],
    [0, 1000, 'expired'],
    [1002, 1000, 'from_future'],
    [1006, 1000, 'from_future'],
  ] as [number, number, CodeAge][])('should call a code of step %i scanned at step %i %s', (codeStep, scanStep, age) => {
    expect(codeAge(codeStep, scanStep)).toBe(age);
  });
});

describe('isWithinScanWindow', () => {
  const startsAt = new Date('2026-11-23T09:00:00+08:00');
  const endsAt = new Date('2026-11-23T10:00:00+08:00');
  const minutes = (from: Date, n: number, ms = 0) => new Date(from.getTime() + n * 60_000 + ms);

  it.each([
    ['a millisecond before the window opens', minutes(startsAt, -30, -1), false],
    ['exactly 30 minutes before the start', minutes(startsAt, -30), true],
    ['at the start', startsAt, true],
    ['in the middle', minutes(startsAt, 30), true],
    ['at the end', endsAt, true],
    ['exactly 120 minutes after the end', minutes(endsAt, 120), true],
    ['a millisecond after the window closes', minutes(endsAt, 120, 1), false],
    ['three hours before the start', minutes(startsAt, -180), false],
    ['the next day', minutes(endsAt, 24 * 60), false],
  ])('should judge a scan %s', (_case, scannedAt, within) => {
    expect(isWithinScanWindow(scannedAt, startsAt, endsAt)).toBe(within);
  });

  it('should open 30 minutes before and close 2 hours after', () => {
    expect([WINDOW_OPENS_BEFORE_START_MINUTES, WINDOW_CLOSES_AFTER_END_MINUTES]).toEqual([30, 120]);
  });
});

describe('decideScanKind', () => {
  const none = undefined;
  const inside = { checkedOut: false, minutesSinceCheckIn: 45 };
  const justIn = { checkedOut: false, minutesSinceCheckIn: 2 };
  const done = { checkedOut: true, minutesSinceCheckIn: 45 };
  it.each([
    ['auto', 'no attendance', none, { kind: 'in' }],
    ['auto', 'checked in', inside, { kind: 'out' }],
    ['auto', 'checked in 2 minutes ago', justIn, { refusal: 'CHECKIN_JUST_CHECKED_IN' }],
    ['out', 'checked in 2 minutes ago', justIn, { kind: 'out' }],
    ['auto', 'checked out', done, { refusal: 'CHECKIN_ALREADY_OUT' }],
    ['in', 'no attendance', none, { kind: 'in' }],
    ['in', 'checked in', inside, { refusal: 'CHECKIN_ALREADY_IN' }],
    ['in', 'checked out', done, { refusal: 'CHECKIN_ALREADY_OUT' }],
    ['out', 'no attendance', none, { refusal: 'CHECKIN_NOT_CHECKED_IN' }],
    ['out', 'checked in', inside, { kind: 'out' }],
    ['out', 'checked out', done, { refusal: 'CHECKIN_ALREADY_OUT' }],
  ] as ['auto' | 'in' | 'out', string, { checkedOut: boolean; minutesSinceCheckIn: number } | undefined, ScanDecision][])(
    'should decide intent %s with %s',
    (intent, _state, attendance, decision) => {
      expect(decideScanKind(intent, attendance)).toEqual(decision);
    },
  );
});

describe('queued scan limits', () => {
  it('should keep offline scans 7 days and allow a scanner clock 2 minutes ahead', () => {
    expect(MAX_QUEUED_SCAN_AGE_DAYS).toBe(7);
    expect(SCANNER_CLOCK_TOLERANCE_SECONDS).toBe(120);
  });
});
