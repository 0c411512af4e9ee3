import type { StarStanding } from '@/services/api/points'

/** The hours counted so far against the next star's threshold, in whole percent (100 at the top of the scale). */
export function starProgressPercent(stars: Pick<StarStanding, 'next'>): number {
  if (!stars.next) return 100
  if (stars.next.hours <= 0) return 0
  const done = stars.next.hours - stars.next.hoursLeft
  return Math.max(0, Math.min(99, Math.floor((done / stars.next.hours) * 100)))
}

/** +24 / −8, as a passbook prints a line. */
export const signedPoints = (amount: number) => (amount > 0 ? `+${amount}` : `−${Math.abs(amount)}`)
