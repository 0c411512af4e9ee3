import { STAR_PRESETS } from './presets';
import { starStanding } from './stars';

const scale = (id: string) => STAR_PRESETS.find((preset) => preset.id === id)!.rule;
const hours = (h: number, date = '2026-03-01') => ({ date, minutes: h * 60 });

describe('starStanding', () => {
  describe('民政部 2012 / 广东: cumulative 100/300/600/1000/1500 h', () => {
    it.each([
      [99, 0, '未评星'],
      [100, 1, '一星'],
      [299, 1, '一星'],
      [300, 2, '二星'],
      [600, 3, '三星'],
      [1000, 4, '四星'],
      [1500, 5, '五星'],
      [4000, 5, '五星'],
    ])('should give %s h → %s 星 (%s)', (served, stars, label) => {
      const standing = starStanding(scale('mca-2012'), [hours(served)], '2026-12-01');
      expect({ stars: standing.stars, label: standing.label }).toEqual({ stars, label });
    });

    it('should date each star by the service that crossed its threshold', () => {
      const standing = starStanding(scale('mca-2012'), [hours(60, '2024-05-01'), hours(250, '2025-02-03'), hours(1, '2023-01-01')], '2026-01-01');
      expect(standing.reached).toEqual([
        { stars: 1, label: '一星', on: '2025-02-03' },
        { stars: 2, label: '二星', on: '2025-02-03' },
      ]);
      expect(standing.hours).toBe(311);
      expect(standing.next).toEqual({ stars: 3, label: '三星', hours: 600, hoursLeft: 289 });
    });

    it('should have no next star above the top level', () => {
      expect(starStanding(scale('mca-2012'), [hours(1600)], '2026-12-01').next).toBeNull();
    });

    it('should ignore services dated after today', () => {
      expect(starStanding(scale('mca-2012'), [hours(100, '2026-12-02')], '2026-12-01').stars).toBe(0);
    });

    it('should round hours served down and hours left up to a tenth', () => {
      const standing = starStanding(scale('mca-2012'), [{ date: '2026-01-01', minutes: 100 * 60 - 1 }], '2026-12-01');
      expect(standing).toMatchObject({ hours: 99.9, stars: 0, next: { hoursLeft: 0.1 } });
    });
  });

  describe('张家港 2014: 30/60/100/200/300 h, repeating every 300 h', () => {
    it.each([
      [29, 0, '未评星'],
      [30, 1, '一星'],
      [60, 2, '二星'],
      [100, 3, '三星'],
      [200, 4, '四星'],
      [300, 5, '五星'],
      [310, 5, '五星'],
      [330, 1, '第2轮一星'],
      [600, 5, '第2轮五星'],
      [630, 1, '第3轮一星'],
    ])('should give %s h → %s 星 (%s)', (served, stars, label) => {
      const standing = starStanding(scale('zhangjiagang-2014'), [hours(served)], '2026-12-01');
      expect({ stars: standing.stars, label: standing.label }).toEqual({ stars, label });
    });

    it('should point past the top of a round to the next round', () => {
      expect(starStanding(scale('zhangjiagang-2014'), [hours(300)], '2026-12-01').next).toEqual({ stars: 1, label: '第2轮一星', hours: 330, hoursLeft: 30 });
    });
  });

  describe('启东 2019: within one calendar year', () => {
    it('should count only the hours of this year', () => {
      const services = [hours(500, '2025-12-31'), hours(99, '2026-01-01')];
      expect(starStanding(scale('qidong-2019'), services, '2026-06-30')).toMatchObject({ basis: 'annual', hours: 99, stars: 0 });
      expect(starStanding(scale('qidong-2019'), [...services, hours(1, '2026-06-30')], '2026-06-30')).toMatchObject({ hours: 100, stars: 1, label: '一星' });
    });

    it('should start again on 1 January', () => {
      expect(starStanding(scale('qidong-2019'), [hours(1500, '2025-06-01')], '2026-01-01')).toMatchObject({ hours: 0, stars: 0, reached: [] });
    });
  });
});
