import {
  DAILY_APPROVAL_THRESHOLD_MINUTES,
  OVERRUN_TOLERANCE_MINUTES,
  creditedMinutes,
  minutesBetween,
  needsDailyApproval,
} from './hours-rules';

describe('creditedMinutes', () => {
  it.each([
    ['shorter than scheduled', 45, 60, 45],
    ['exactly the scheduled length', 60, 60, 60],
    ['within the 30-minute tolerance', 85, 60, 85],
    ['exactly at the tolerance', 90, 60, 90],
    ['one minute beyond the tolerance', 91, 60, 90],
    ['three hours on a one-hour order', 180, 60, 90],
    ['nothing measured', 0, 60, 0],
    ['a whole day on an eight-hour order', 1440, 480, 510],
  ])('should credit %s', (_case, measured, scheduled, credited) => {
    expect(creditedMinutes(measured, scheduled)).toBe(credited);
  });

  it('should use a 30-minute tolerance', () => {
    expect(OVERRUN_TOLERANCE_MINUTES).toBe(30);
  });
});

describe('needsDailyApproval', () => {
  it.each([
    [0, 479, false],
    [0, 480, false],
    [0, 481, true],
    [240, 240, false],
    [240, 241, true],
    [480, 0, false],
    [480, 1, true],
    [479, 1, false],
    [0, 600, true],
  ])('should decide with %i already credited and %i more', (already, adding, needed) => {
    expect(needsDailyApproval(already, adding)).toBe(needed);
  });

  it('should put the threshold at 8 hours', () => {
    expect(DAILY_APPROVAL_THRESHOLD_MINUTES).toBe(480);
  });
});

describe('minutesBetween', () => {
  const at = (time: string) => new Date(`2026-11-23T${time}+08:00`);
  it.each([
    ['09:00:00', '10:00:00', 60],
    ['09:00:00', '09:00:59', 0],
    ['09:00:00', '09:01:00', 1],
    ['09:00:30', '10:00:29', 59],
    ['10:00:00', '09:00:00', 0],
  ])('should count whole minutes from %s to %s', (from, to, minutes) => {
    expect(minutesBetween(at(from), at(to))).toBe(minutes);
  });
});
