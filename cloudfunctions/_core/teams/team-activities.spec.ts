import { countsAsFocusedActivity, deedCountsOn } from './team-activities';

const now = new Date('2026-06-15T12:00:00+08:00');
const past = new Date('2026-06-14T12:00:00+08:00');
const future = new Date('2026-06-16T12:00:00+08:00');

describe('countsAsFocusedActivity', () => {
  it.each([
    ['a completed order', { status: 'completed', endsAt: past, attended: 3 }, true],
    ['a completed order even with no attendance recorded', { status: 'completed', endsAt: past, attended: 0 }, true],
    ['a cancelled order', { status: 'cancelled', endsAt: past, attended: 2 }, false],
    ['an order over with members checked in, not yet completed', { status: 'in_service', endsAt: past, attended: 2 }, true],
    ['an order over with nobody there', { status: 'staffed', endsAt: past, attended: 0 }, false],
    ['an order still running', { status: 'in_service', endsAt: future, attended: 2 }, false],
    ['an order to come', { status: 'published', endsAt: future, attended: 0 }, false],
  ])('should count %s: %p', (_label, activity, expected) => {
    expect(countsAsFocusedActivity(activity, now)).toBe(expected);
  });
});

describe('deedCountsOn', () => {
  it('should keep the confirmation day within the commitment’s year', () => {
    expect(deedCountsOn(new Date('2026-05-01T10:00:00+08:00'), 2026).toISOString()).toBe('2026-05-01T02:00:00.000Z');
  });

  it('should count one confirmed in January for the year before on that year’s last day (Beijing time)', () => {
    expect(deedCountsOn(new Date('2026-12-31T16:30:00Z'), 2026).toISOString()).toBe('2026-12-31T04:00:00.000Z');
    expect(deedCountsOn(new Date('2027-01-05T10:00:00+08:00'), 2026).toISOString()).toBe('2026-12-31T04:00:00.000Z');
  });
});
