/**
 * The limits WeChat puts on a subscribe message's values, by the keyword's type (the prefix of `thing1`, `time2`…);
 * a value over its limit makes the whole send fail with 47003. Lengths count characters (code points).
 */
export const KEYWORD_LIMITS = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  name: 10,
  number: 32,
  letter: 32,
  symbol: 5,
  amount: 20,
  phone_number: 17,
  car_number: 8,
} as const;

export class PayloadDoesNotFit extends Error {}

const length = (value: string) => [...value].length;
const HAN = /^\p{Script=Han}+$/u;
const BEIJING_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;
const BEIJING_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const keywordType = (keyword: string) => keyword.replace(/\d+$/, '');

/**
 * One value fitted to its keyword: a `thing` too long is cut with `…` (it is free text, the inbox has the whole); a
 * `time` or `date` is written the way WeChat shows it; anything else that does not fit is refused, for cutting a
 * status, a name or a number would make it say something else.
 */
export function fitValue(keyword: string, value: string | undefined): string {
  const type = keywordType(keyword);
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  if (type === 'thing') {
    if (!text) return '—';
    return length(text) <= KEYWORD_LIMITS.thing ? text : `${[...text].slice(0, KEYWORD_LIMITS.thing - 1).join('')}…`;
  }
  if (type === 'time') {
    const match = BEIJING_TIME.exec(text);
    if (!match) throw new PayloadDoesNotFit(`${keyword} 须为北京时间 YYYY-MM-DD HH:mm：${text || '（空）'}`);
    return `${match[1]}年${match[2]}月${match[3]}日 ${match[4]}:${match[5]}`;
  }
  if (type === 'date') {
    const match = BEIJING_DATE.exec(text) ?? BEIJING_TIME.exec(text);
    if (!match) throw new PayloadDoesNotFit(`${keyword} 须为日期 YYYY-MM-DD：${text || '（空）'}`);
    return `${match[1]}年${match[2]}月${match[3]}日`;
  }
  if (!text) throw new PayloadDoesNotFit(`${keyword} 没有内容`);
  const limit = KEYWORD_LIMITS[type as keyof typeof KEYWORD_LIMITS];
  if (limit === undefined) throw new PayloadDoesNotFit(`${keyword} 的类型未知`);
  if (length(text) > limit) throw new PayloadDoesNotFit(`${keyword} 超过 ${limit} 个字：${text}`);
  if (type === 'phrase' && !HAN.test(text)) throw new PayloadDoesNotFit(`${keyword} 只能是汉字：${text}`);
  if (type === 'number' && !/^\d+(\.\d+)?$/.test(text)) throw new PayloadDoesNotFit(`${keyword} 只能是数字：${text}`);
  if (type === 'amount' && !/^[¥￥]?\d+(\.\d{1,2})?元?$/.test(text)) throw new PayloadDoesNotFit(`${keyword} 须为金额：${text}`);
  if (type === 'character_string' && !/^[\x21-\x7e]+$/.test(text)) throw new PayloadDoesNotFit(`${keyword} 只能是数字、字母或符号：${text}`);
  return text;
}

/** The `data` of a subscribe message: every keyword of the template, each fitted from the notice's named fields. */
export function fitPayload(keywords: Record<string, string>, fields: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(keywords).map(([keyword, field]) => [keyword, { value: fitValue(keyword, fields[field]) }]));
}

