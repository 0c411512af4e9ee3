/** Scans count from 30 min before the start to 2 h after the end. */
export const WINDOW_OPENS_BEFORE_START_MINUTES = 30;
export const WINDOW_CLOSES_AFTER_END_MINUTES = 120;
/** A second automatic scan this soon after check-in is taken for a double scan, not a check-out. */
export const MIN_MINUTES_BEFORE_AUTO_CHECKOUT = 10;
/** A phone may queue scans offline for this long. */
export const MAX_QUEUED_SCAN_AGE_DAYS = 7;
/** How far a scanning phone's clock may run ahead of the server's. */
export const SCANNER_CLOCK_TOLERANCE_SECONDS = 120;

export type ScanKind = 'in' | 'out';
export type CodeAge = 'fresh' | 'expired' | 'from_future';

/** The code of the scan's own step or the one just before it (read as it turned) is fresh. */
export function codeAge(codeStep: number, scanStep: number): CodeAge {
  if (codeStep < scanStep - 1) return 'expired';
  if (codeStep > scanStep + 1) return 'from_future';
  return 'fresh';
}

export function isWithinScanWindow(scannedAt: Date, startsAt: Date, endsAt: Date): boolean {
  const opens = startsAt.getTime() - WINDOW_OPENS_BEFORE_START_MINUTES * 60_000;
  const closes = endsAt.getTime() + WINDOW_CLOSES_AFTER_END_MINUTES * 60_000;
  return scannedAt.getTime() >= opens && scannedAt.getTime() <= closes;
}

export type ScanDecision =
  | { kind: ScanKind }
  | { refusal: 'CHECKIN_ALREADY_IN' | 'CHECKIN_ALREADY_OUT' | 'CHECKIN_NOT_CHECKED_IN' | 'CHECKIN_JUST_CHECKED_IN' };

/**
 * First scan on an order checks in, the second checks out; an explicit intent is held to.
 * An automatic second scan within minutes of the first is refused rather than read as a check-out
 * for no time: the verifier chooses 签退 if the member really is leaving.
 */
export function decideScanKind(
  intent: 'auto' | 'in' | 'out',
  attendance: { checkedOut: boolean; minutesSinceCheckIn: number } | undefined,
): ScanDecision {
  if (attendance?.checkedOut) return { refusal: 'CHECKIN_ALREADY_OUT' };
  if (intent === 'in') return attendance ? { refusal: 'CHECKIN_ALREADY_IN' } : { kind: 'in' };
  if (intent === 'out') return attendance ? { kind: 'out' } : { refusal: 'CHECKIN_NOT_CHECKED_IN' };
  if (!attendance) return { kind: 'in' };
  return attendance.minutesSinceCheckIn < MIN_MINUTES_BEFORE_AUTO_CHECKOUT ? { refusal: 'CHECKIN_JUST_CHECKED_IN' } : { kind: 'out' };
}
