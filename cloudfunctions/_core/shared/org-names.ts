const NUMERALS = '一二三四五六七八九十';

/** 第二网格 before 第三网格 and 第2网格 before 第10网格: names compare with their numbers, Chinese or not, read as numbers. */
export const compareOrgNames = (a: { name: string }, b: { name: string }) => {
  const key = (name: string) =>
    name
      .replace(/[一二三四五六七八九十]/g, (numeral) => String(NUMERALS.indexOf(numeral) + 1))
      .replace(/\d+/g, (digits) => digits.padStart(4, '0'));
  return key(a.name).localeCompare(key(b.name), 'zh-CN');
};
