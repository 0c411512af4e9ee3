import { quarterSpans, type DaySpan } from '../assessment/assessment-periods';

export type QuarterRef = { year: number; quarter: number };

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The quarter a Beijing day falls in. */
export const quarterOf = (day: string): QuarterRef => ({ year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 });

export const quarterSpan = ({ year, quarter }: QuarterRef): DaySpan => quarterSpans(year)[quarter - 1];

/** 003 §三.2: the report is due by the 28th of the quarter's last month. */
export const quarterDueOn = ({ year, quarter }: QuarterRef) => `${year}-${String(quarter * 3).padStart(2, '0')}-28`;

/** Days left until the due date on `today` (negative once past), and whether a report not yet sent is overdue. */
export function dueOf(ref: QuarterRef, today: string) {
  const dueOn = quarterDueOn(ref);
  return { dueOn, daysLeft: daysBetween(today, dueOn), overdue: today > dueOn };
}

export const quarterBegun = (ref: QuarterRef, today: string) => quarterSpan(ref).from <= today;

/** The last day the figures of a quarter are read up to: its end, or today while it runs. */
export const figuresThrough = (ref: QuarterRef, today: string) => {
  const { to } = quarterSpan(ref);
  return to < today ? to : today;
};

/** 2026年第四季度. */
export const quarterLabel = ({ year, quarter }: QuarterRef) => `${year}年第${'一二三四'[quarter - 1]}季度`;
