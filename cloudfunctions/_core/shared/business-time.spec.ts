import { BUSINESS_ZONE, businessDate, businessYear, formatBusinessTime, inBusinessZone } from './business-time';

const zoneDatabase = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short',
});

/** The zone database's own reading of an instant in Beijing, by Intl: the reference the fixed offset must match. */
function zoneDatabaseParts(instant: Date) {
  const parts = zoneDatabase.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}`, weekday: part('weekday'), year: Number(part('year')) };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Instants every ~13 hours from 2000 to 2100, and the edges of a Beijing day. */
const instants = (() => {
  const found: Date[] = [];
  for (let ms = Date.UTC(2000, 0, 1); ms < Date.UTC(2101, 0, 1); ms += 13 * 3_600_000 + 59_999) found.push(new Date(ms));
  found.push(new Date('2026-12-31T15:59:59.999Z'), new Date('2026-12-31T16:00:00.000Z'), new Date('2024-02-28T16:00:00Z'));
  return found;
})();

describe('business time', () => {
  it('reads every instant of 2000–2100 as the zone database reads it in Beijing: date, time, weekday and year', () => {
    const wrong = instants.filter((instant) => {
      const expected = zoneDatabaseParts(instant);
      return (
        businessDate(instant) !== expected.date ||
        formatBusinessTime(instant) !== `${expected.date} ${expected.time}` ||
        businessYear(instant) !== expected.year ||
        WEEKDAYS[inBusinessZone(instant).day()] !== expected.weekday
      );
    });
    expect(wrong).toEqual([]);
  });

  it('turns an instant into a business date without asking Intl for the zone on every call', () => {
    const formatToParts = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const toLocaleString = jest.spyOn(Date.prototype, 'toLocaleString');
    try {
      for (const instant of instants.slice(0, 1000)) {
        businessDate(instant);
        inBusinessZone(instant).hour();
      }
      expect(formatToParts.mock.calls.length + toLocaleString.mock.calls.length).toBe(0);
    } finally {
      formatToParts.mockRestore();
      toLocaleString.mockRestore();
    }
  });
});
