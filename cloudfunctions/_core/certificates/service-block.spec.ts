import { certificateHours, serviceBlock } from './service-block';

const record = (id: string, minutes: number, verified: boolean, content = '清洁家园') => ({
  id, communityId: 'c', communityName: '幸福社区', date: '2026-03-0' + id, place: '社区广场', content, minutes, verified,
});

describe('a certificate service block', () => {
  it('should count verified records only and number the hand-entered ones apart', () => {
    const block = serviceBlock('幸福社区', { from: '2026-01-01', to: '2026-06-30' }, [
      record('1', 90, true), record('2', 45, false), record('3', 30, true, '政策宣传'), record('4', 120, false),
    ]);
    expect(block.minutes).toBe(120);
    expect(block.serviceCount).toBe(2);
    expect(block.contents).toEqual(['清洁家园', '政策宣传']);
    expect(block.lines.map((line) => line.minutes)).toEqual([90, 30]);
    expect(block.excluded).toEqual({ count: 2, minutes: 165 });
  });

  it('should print hours to the tenth without rounding up', () => {
    expect(certificateHours(120)).toBe(2);
    expect(certificateHours(125)).toBe(2);
    expect(certificateHours(129)).toBe(2.1);
    expect(certificateHours(0)).toBe(0);
  });
});
