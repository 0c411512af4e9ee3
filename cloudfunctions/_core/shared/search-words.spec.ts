import { containsPattern, searchWords } from './search-words';

describe('searchWords', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['  买药  ', ['买药']],
    ['买药 3号楼', ['买药', '3号楼']],
    ['王\u3000阿姨', ['王', '阿姨']],
  ])('should split %p into %p', (query, words) => {
    expect(searchWords(query)).toEqual(words);
  });
});

describe('containsPattern', () => {
  it('should match the word anywhere', () => {
    expect(containsPattern('买药')).toBe('%买药%');
  });

  it('should take %, _ and backslash literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
