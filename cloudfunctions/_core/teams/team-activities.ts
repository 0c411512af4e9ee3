import { businessYear } from '../shared/business-time';

type ActivityState = { status: string; endsAt: Date; attended: number };

/**
 * Whether an order marked as a team's 集中性活动 counts toward the team's yearly 集中性活动 rule (001 §五.(二)三,
 * 「开展不少于2次的集中性义工服务活动」): it must have been held. A completed order was; so was one whose end has
 * passed with at least one member checked in, though the secretary has not completed it yet. A cancelled order never
 * counts, nor one not yet over, nor one that ended with nobody there. It counts in the year its start falls in (Beijing).
 */
export function countsAsFocusedActivity(activity: ActivityState, now: Date): boolean {
  if (activity.status === 'cancelled') return false;
  if (activity.status === 'completed') return true;
  return activity.endsAt.getTime() <= now.getTime() && activity.attended > 0;
}

/**
 * The day a team's confirmed 实事 counts on: a commitment is made for a year (its `year`), so one confirmed after that
 * year ended still counts for it, on its last day; one confirmed before the year began, on its first.
 */
export function deedCountsOn(confirmedAt: Date, year: number): Date {
  const confirmedYear = businessYear(confirmedAt);
  if (confirmedYear === year) return confirmedAt;
  return new Date(confirmedYear > year ? `${year}-12-31T12:00:00+08:00` : `${year}-01-01T12:00:00+08:00`);
}
