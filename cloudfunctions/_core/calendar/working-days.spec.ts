import { UNCOVERED_NOTE, noticeOf, spokenDate } from './notice';
import { addWorkingDays, calendarCovers, holidayName, holidaysBetween, isWorkingDay, workingDaysBetween } from './working-days';

describe('isWorkingDay on the State Council notices', () => {
  // [date, working?, the notice it comes from]
  const rows: [string, boolean, string][] = [
    // 国办发明电〔2024〕12号 (2025): 春节 1月28日至2月4日放假调休，共8天；1月26日（周日）、2月8日（周六）上班
    ['2025-01-26', true, '2025 春节 make-up Sunday'],
    ['2025-01-27', true, '2025 the Monday before 春节'],
    ['2025-01-28', false, '2025 春节 first day (除夕)'],
    ['2025-01-31', false, '2025 春节, a Friday'],
    ['2025-02-04', false, '2025 春节 last day, a Tuesday'],
    ['2025-02-05', true, '2025 back to work after 春节'],
    ['2025-02-08', true, '2025 春节 make-up Saturday'],
    // 2025 国庆、中秋 10月1日至8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班
    ['2025-09-28', true, '2025 国庆 make-up Sunday'],
    ['2025-10-01', false, '2025 国庆 first day'],
    ['2025-10-08', false, '2025 国庆 last day, a Wednesday'],
    ['2025-10-09', true, '2025 back to work after 国庆'],
    ['2025-10-11', true, '2025 国庆 make-up Saturday'],
    // 国办发明电〔2025〕7号 (2026): 春节 2月15日至23日放假调休，共9天；2月14日（周六）、2月28日（周六）上班
    ['2026-02-14', true, '2026 春节 make-up Saturday'],
    ['2026-02-15', false, '2026 春节 first day, a Sunday'],
    ['2026-02-16', false, '2026 春节, a Monday'],
    ['2026-02-23', false, '2026 春节 last day, a Monday'],
    ['2026-02-24', true, '2026 back to work after 春节'],
    ['2026-02-28', true, '2026 春节 make-up Saturday'],
    // 2026 国庆 10月1日至7日放假调休，共7天；9月20日（周日）、10月10日（周六）上班
    ['2026-09-20', true, '2026 国庆 make-up Sunday'],
    ['2026-10-01', false, '2026 国庆 first day'],
    ['2026-10-07', false, '2026 国庆 last day, a Wednesday'],
    ['2026-10-08', true, '2026 back to work after 国庆'],
    ['2026-10-10', true, '2026 国庆 make-up Saturday'],
    // 元旦: 2025 one day (1月1日, a Wednesday); 2026 1月1日至3日, 1月4日（周日）上班
    ['2025-01-01', false, '2025 元旦'],
    ['2025-01-02', true, '2025 the day after 元旦'],
    ['2026-01-02', false, '2026 元旦, a Friday'],
    ['2026-01-04', true, '2026 元旦 make-up Sunday'],
    // a plain week: 2026-12-07 (Mon) to 12-13 (Sun)
    ['2026-12-07', true, 'plain Monday'],
    ['2026-12-11', true, 'plain Friday'],
    ['2026-12-12', false, 'plain Saturday'],
    ['2026-12-13', false, 'plain Sunday'],
  ];
  test.each(rows)('%s working=%s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  test('holidays carry their Chinese name; a make-up working day and a plain day have none', () => {
    expect(holidayName('2026-02-17')).toBe('春节');
    expect(holidayName('2025-10-03')).toBe('国庆节');
    expect(holidayName('2026-01-01')).toBe('元旦');
    // The data's short names are given as the notices print them.
    expect(holidayName('2025-10-06')).toBe('中秋节');
    expect(holidayName('2025-04-04')).toBe('清明节');
    expect(holidayName('2025-05-31')).toBe('端午节');
    expect(holidayName('2015-09-03')).toBe('抗战胜利纪念日');
    expect(holidayName('2026-02-14')).toBeNull();
    expect(holidayName('2026-12-09')).toBeNull();
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  test('across the 2026 春节 week: five working days after Thursday 2月12日 run to 2月26日', () => {
    // 13 (Fri), 14 (Sat, make-up), then 15–23 off, 24, 25, 26
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(workingDaysBetween('2026-02-12', '2026-02-27')).toBe(5);
  });

  test('across the 2025 国庆 week: the make-up Sunday counts, the holiday week does not', () => {
    // 9-28 (Sun, make-up), 29, 30, then 10-1..8 off, 9, 10
    expect(addWorkingDays('2025-09-27', 5)).toBe('2025-10-10');
    expect(workingDaysBetween('2025-09-27', '2025-10-09')).toBe(3); // 10月9日 itself is not counted
  });

  test('in a plain week, neither end is counted', () => {
    expect(workingDaysBetween('2026-12-07', '2026-12-11')).toBe(3);
    expect(workingDaysBetween('2026-12-07', '2026-12-07')).toBe(0);
    expect(workingDaysBetween('2026-12-11', '2026-12-07')).toBe(0);
    expect(addWorkingDays('2026-12-11', 1)).toBe('2026-12-14');
  });
});

describe('calendarCovers', () => {
  test('2026 is covered; 2027 is reckoned by weekends only and said so', () => {
    expect(calendarCovers('2026-12-31')).toBe(true);
    expect(calendarCovers('2027-01-04')).toBe(false);
    // 2027-02-08 is a Monday: by weekends alone a working day, whatever 春节 2027 will bring
    expect(isWorkingDay('2027-02-08')).toBe(true);
    expect(UNCOVERED_NOTE(2027)).toBe('2027年节假日安排尚未收录，按周末推算');
  });
});

describe('noticeOf: 提前不少于N个工作日', () => {
  test('published Wednesday 12月2日, five working days lie strictly before Thursday 12月10日', () => {
    expect(noticeOf('2026-12-02', '2026-12-10', 5)).toEqual({ workingDays: 5, required: 5, short: false, earliestDate: '2026-12-10', covered: true });
    expect(noticeOf('2026-12-02', '2026-12-09', 5)).toMatchObject({ workingDays: 4, short: true, earliestDate: '2026-12-10' });
    expect(spokenDate('2026-12-10')).toBe('12月10日（周四）');
  });

  test('published before 春节 2026, an activity just after it is short; the earliest date skips the holiday', () => {
    expect(noticeOf('2026-02-11', '2026-02-24', 5)).toMatchObject({ workingDays: 3, short: true, earliestDate: '2026-02-26' });
  });

  test('an activity in 2027 is not covered', () => {
    expect(noticeOf('2026-12-28', '2027-01-11', 5).covered).toBe(false);
  });

  test('a district asking for no notice never finds one short', () => {
    expect(noticeOf('2026-12-02', '2026-12-02', 0)).toMatchObject({ workingDays: 0, short: false, earliestDate: '2026-12-02' });
  });
});

describe('holidaysBetween', () => {
  test('names the holidays strictly between two dates, each once and in order; none on ordinary weeks', () => {
    expect(holidaysBetween('2026-02-11', '2026-02-24')).toEqual(['春节']);
    expect(holidaysBetween('2025-09-26', '2025-10-10')).toEqual(['国庆节', '中秋节']);
    expect(holidaysBetween('2026-12-02', '2026-12-09')).toEqual([]);
    // Neither end counts: published on the last day of 春节 2026, nothing lies between.
    expect(holidaysBetween('2026-02-23', '2026-02-24')).toEqual([]);
  });
});
