import { firstInOrder } from './compliance-rows';

describe('firstInOrder: the top of a list without sorting all of it', () => {
  const byScoreThenName = (a: { score: number; name: string }, b: { score: number; name: string }) =>
    a.score - b.score || a.name.localeCompare(b.name, 'zh-CN');
  const names = ['张三', '李四', '王五', '赵六', '陈堃', '刘喆', '周燚', '吴七'];
  // Many ties on the score, as in a community where most members have the same tallies.
  const items = Array.from({ length: 2_000 }, (_, i) => ({ score: (i * 7919) % 5, name: `${names[(i * 31) % names.length]}${i}` }));
  const sorted = [...items].sort(byScoreThenName);

  it.each([
    ['the first page', 20],
    ['the third page', 60],
    ['one item', 1],
    ['more than an eighth of the list (a full sort)', 300],
    ['the whole list', 2_000],
    ['more than the list', 5_000],
  ])('should give the same items in the same order as a full sort for %s', (_, count) => {
    expect(firstInOrder(items, count, byScoreThenName)).toEqual(sorted.slice(0, count));
  });

  it('should leave the list it was given as it was', () => {
    const before = [...items];
    firstInOrder(items, 20, byScoreThenName);
    firstInOrder(items, 1_000, byScoreThenName);
    expect(items).toEqual(before);
  });
});
