import { dueOf, figuresThrough, quarterBegun, quarterDueOn, quarterLabel, quarterOf } from './quarterly-report-period';

describe('quarterly report periods', () => {
  it.each([
    ['2026-01-01', 1], ['2026-03-31', 1], ['2026-04-01', 2], ['2026-09-30', 3], ['2026-10-01', 4], ['2026-12-31', 4],
  ])('should put %s in quarter %i', (day, quarter) => {
    expect(quarterOf(day)).toEqual({ year: 2026, quarter });
  });

  it('should make each quarter due on the 28th of its last month (003 §三.2)', () => {
    expect([1, 2, 3, 4].map((quarter) => quarterDueOn({ year: 2026, quarter }))).toEqual(['2026-03-28', '2026-06-28', '2026-09-28', '2026-12-28']);
  });

  it('should count the days left and be overdue only after the due day', () => {
    const q4 = { year: 2026, quarter: 4 };
    expect(dueOf(q4, '2026-11-23')).toEqual({ dueOn: '2026-12-28', daysLeft: 35, overdue: false });
    expect(dueOf(q4, '2026-12-28')).toEqual({ dueOn: '2026-12-28', daysLeft: 0, overdue: false });
    expect(dueOf(q4, '2026-12-29')).toEqual({ dueOn: '2026-12-28', daysLeft: -1, overdue: true });
  });

  it('should say whether a quarter has begun and read its figures up to today while it runs', () => {
    expect(quarterBegun({ year: 2027, quarter: 1 }, '2026-12-31')).toBe(false);
    expect(quarterBegun({ year: 2026, quarter: 4 }, '2026-10-01')).toBe(true);
    expect(figuresThrough({ year: 2026, quarter: 4 }, '2026-11-23')).toBe('2026-11-23');
    expect(figuresThrough({ year: 2026, quarter: 3 }, '2026-11-23')).toBe('2026-09-30');
  });

  it('should name the quarter as the form writes it', () => {
    expect(quarterLabel({ year: 2026, quarter: 4 })).toBe('2026年第四季度');
  });
});
