import { expiredMinutes, monthsBefore } from './expiry';

const at = (day: string) => new Date(`${day}T04:00:00Z`);

describe('expiredMinutes', () => {
  const cutoff = at('2026-01-01');
  it.each([
    ['nothing old, nothing expires', [{ amount: 120, at: at('2026-03-01') }], 0],
    ['an old deposit never used expires whole', [{ amount: 120, at: at('2025-06-01') }, { amount: 60, at: at('2026-03-01') }], 120],
    ['what was spent is taken from the oldest deposit first', [{ amount: 120, at: at('2025-06-01') }, { amount: 60, at: at('2026-03-01') }, { amount: -90, at: at('2026-04-01') }], 30],
    ['spending more than the old deposits leaves nothing to expire', [{ amount: 60, at: at('2025-06-01') }, { amount: 120, at: at('2026-03-01') }, { amount: -100, at: at('2026-04-01') }], 0],
    ['an earlier expiry counts as taken out', [{ amount: 120, at: at('2025-06-01') }, { amount: -120, at: at('2026-02-01') }], 0],
  ])('should say %s', (_name, entries, expected) => {
    expect(expiredMinutes(entries, cutoff)).toBe(expected);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2026-11-23', 12, '2025-11-23'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2026-01-15', 24, '2024-01-15'],
  ])('should give %s minus %i months as %s', (from, months, expected) => {
    expect(monthsBefore(at(from), months).toISOString().slice(0, 10)).toBe(expected);
  });
});
