/** A span of business days (Asia/Shanghai), both ends included, as YYYY-MM-DD. */
export type DaySpan = { from: string; to: string };

export const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

const QUARTER_BOUNDS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;

export const yearSpan = (year: number): DaySpan => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The year's four quarters, in order. */
export const quarterSpans = (year: number): DaySpan[] => QUARTER_BOUNDS.map(([from, to]) => ({ from: `${year}-${from}`, to: `${year}-${to}` }));

export const within = (day: string, span: DaySpan) => day >= span.from && day <= span.to;

/** Where a span stands on `today`: over, running, or not begun. */
export const phaseOf = (span: DaySpan, today: string): 'past' | 'current' | 'future' =>
  span.to < today ? 'past' : span.from > today ? 'future' : 'current';

/** 2026-09-30 → 9月30日. */
export const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** 2025-09-01 → 2025年9月1日. */
export const fullDay = (day: string) => `${day.slice(0, 4)}年${monthDay(day)}`;
