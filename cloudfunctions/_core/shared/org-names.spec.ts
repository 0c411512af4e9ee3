import { compareOrgNames } from './org-names';

describe('compareOrgNames', () => {
  it('should order grids by their numbers, written in Chinese or in digits', () => {
    const sorted = (names: string[]) => names.map((name) => ({ name })).sort(compareOrgNames).map(({ name }) => name);
    expect(sorted(['第三网格', '第一网格', '第二网格'])).toEqual(['第一网格', '第二网格', '第三网格']);
    expect(sorted(['第10网格', '第2网格', '第1网格'])).toEqual(['第1网格', '第2网格', '第10网格']);
    expect(sorted(['幸福社区', '和平社区'])).toEqual(['和平社区', '幸福社区']);
  });
});
