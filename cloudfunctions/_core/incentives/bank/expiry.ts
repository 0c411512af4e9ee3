/** The day N months before `now` (the same day of the month, or the month's last day when it has fewer). */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(now);
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/**
 * What has expired, first in first out: every minute taken out (spent, given, held, reversed, expired before) is taken
 * from the oldest deposit still there, so what is left of the deposits made on or before `cutoff` is what expires now.
 */
export function expiredMinutes(entries: { amount: number; at: Date }[], cutoff: Date): number {
  let oldIn = 0;
  let out = 0;
  for (const entry of entries) {
    if (entry.amount < 0) out -= entry.amount;
    else if (entry.at.getTime() <= cutoff.getTime()) oldIn += entry.amount;
  }
  return Math.max(0, oldIn - out);
}
