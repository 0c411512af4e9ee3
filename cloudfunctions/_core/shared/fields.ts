import * as z from 'zod';
import { DomainError, commonErrors } from './domain-error';

/** NUL (which PostgreSQL cannot store) or half of a UTF-16 surrogate pair (which is no character at all). */
const UNREADABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text holds only characters a person can type and the database can keep. */
export const isReadable = (value: string) => !UNREADABLE.test(value);

/** Spaces and characters that show nothing: zero-width space and joiners, word joiner, BOM, direction marks, soft hyphen, Hangul fillers, Braille blank. */
const BLANK = '[\\s\\p{Cf}\\u034F\\u115F\\u1160\\u2800\\u3164\\uFFA0]';
const BLANK_EDGES = new RegExp(`^${BLANK}+|${BLANK}+$`, 'gu');

/** Cuts blank characters from both ends, so that a text of nothing but blanks is empty. */
export const trimBlank = (value: string) => value.replace(BLANK_EDGES, '');

const yearOf = (value: string) => Number(value.slice(0, 4));

/** The years a date a person enters may fall in, unless the field says otherwise. */
export const DEFAULT_YEARS = { from: 2000, to: 2100 } as const;
type Years = { from?: number; to?: number };

const withinYears = <S extends z.ZodType<string>>(schema: S, label: string, { from = DEFAULT_YEARS.from, to = DEFAULT_YEARS.to }: Years) =>
  schema.refine((value) => yearOf(value) >= from && yearOf(value) <= to, `${label}须在${from}年至${to}年之间`);

/**
 * The base of every text a caller sends: refused, naming the field, when it holds a character no one can
 * type (NUL, half a surrogate pair); blank edges cut (spaces, zero-width characters), so blank-only is empty.
 */
const string = (label: string, typeError = `${label}须为文字`) =>
  z.string({ error: typeError }).refine(isReadable, { message: `${label}含有无法识别的字符`, abort: true }).overwrite(trimBlank);

/**
 * Schema builders whose every message names the field in Chinese, so that a form or
 * a caller always learns which field is wrong and why.
 */
export const field = {
  string,

  text: (label: string, { min = 1, max = 200 }: { min?: number; max?: number } = {}) =>
    string(label, `请填写${label}`)
      .min(min, min === 1 ? `${label}不能为空` : `${label}至少需要${min}个字`)
      .max(max, `${label}不能超过${max}个字`),

  optionalText: (label: string, max = 200) => string(label).max(max, `${label}不能超过${max}个字`).optional(),

  /** Text that may be left empty (a comment, a reason): blank is the empty text. */
  note: (label: string, max: number) => string(label).max(max, `${label}不能超过${max}个字`).default(''),

  /** A password as typed: never trimmed (a space may be part of it), but refused if it holds what no one can type. */
  password: (label: string, { min, max }: { min: number; max: number }, typeError = `${label}须为文字`) =>
    z
      .string({ error: typeError })
      .refine(isReadable, { message: `${label}含有无法识别的字符`, abort: true })
      .min(min, min === 1 ? `请填写${label}` : `${label}至少${min}个字符`)
      .max(max, `${label}不能超过${max}个字符`),

  phone: (label = '手机号码') => string(label, `请填写${label}`).regex(/^1[3-9]\d{9}$/, `${label}须为11位手机号码`),

  id: (label: string) => z.uuid({ error: `${label}的编号格式不正确` }),

  /** The id of what a form has the user pick (a community, a unit): none picked says 「请选择…」. */
  chosenId: (label: string) =>
    z.uuid({
      error: (issue) =>
        issue.input === undefined || (typeof issue.input === 'string' && trimBlank(issue.input) === '') ? `请选择${label}` : `${label}的编号格式不正确`,
    }),

  int: (label: string, { min, max }: { min: number; max: number }) =>
    z
      .number({ error: `${label}须为数字` })
      .int(`${label}须为整数`)
      .min(min, `${label}不能小于${min}`)
      .max(max, `${label}不能大于${max}`),

  /** An instant with an explicit offset, e.g. 2026-11-23T09:00:00+08:00, in the years a person means (2000–2100 unless given). */
  instant: (label: string, years: Years = {}) =>
    withinYears(z.iso.datetime({ offset: true, error: `${label}须为带时区的日期时间，例如 2026-11-23T09:00:00+08:00` }), label, years),

  /** A calendar day, e.g. 2026-11-23 (a 31 February is refused). */
  day: (label: string, { example = '2026-11-23', ...years }: Years & { example?: string } = {}) =>
    withinYears(z.iso.date({ error: `${label}须为日期，例如 ${example}` }), label, years),

  /** A month as YYYY-MM, e.g. 1985-06. */
  month: (label: string, years: Years = {}) =>
    withinYears(z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}须为年月，例如 1985-06`), label, years),

  oneOf: <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
    z.enum(values, { error: `${label}须为以下之一：${values.join('、')}` }),

  page: () =>
    z
      .object({
        limit: z.number({ error: '每页条数须为数字' }).int('每页条数须为整数').min(1, '每页条数至少为1').max(100, '每页条数不能超过100').default(20),
        offset: z.number({ error: '起始位置须为数字' }).int('起始位置须为整数').min(0, '起始位置不能为负数').default(0),
      })
      .default({ limit: 20, offset: 0 }),
};

const KIND_NAMES: Record<string, string> = { object: '对象', array: '列表', string: '文字', number: '数字', int: '整数', boolean: '是或否' };

/** For a check that has no Chinese message of its own (zod's defaults are English): says what was wrong, in Chinese. */
const chineseFallback = (issue: { code?: string; expected?: string; path?: PropertyKey[] }) => {
  const subject = issue.path?.length ? '此项' : '请求内容';
  if (issue.code === 'invalid_type') return `${subject}须为${KIND_NAMES[issue.expected ?? ''] ?? '正确的类型'}`;
  return `${subject}的格式不正确`;
};

/** How many unreadable texts a refusal names at most: enough to fix a form, too few to echo a flood back. */
const MOST_UNREADABLE_NAMED = 10;
const SAFE_KEY = /^([A-Za-z_][A-Za-z0-9_]{0,39}|\d{1,6})$/;
const DEEPEST_NAMED = 6;

/** A field's path as a refusal names it: up to, not including, the first key that is not a plain name (never the caller's words). */
function fieldPath(path: readonly PropertyKey[]): string {
  const safe: string[] = [];
  for (const key of path) {
    const text = String(key);
    if (typeof key === 'symbol' || !SAFE_KEY.test(text) || safe.length === DEEPEST_NAMED) break;
    safe.push(text);
  }
  return safe.join('.') || '_';
}

/**
 * Where the input holds a text no one can type (NUL, half a surrogate pair), wherever it is, keys included:
 * the schemas' builders name such a field with its label, this catches any text a schema takes without them.
 */
function unreadablePaths(input: unknown, opaque: readonly string[]): string[] {
  type Place = { key: PropertyKey; parent: Place | null } | null;
  const pathOf = (place: Place) => {
    const path: PropertyKey[] = [];
    for (let at = place; at; at = at.parent) path.unshift(at.key);
    return fieldPath(path);
  };
  const found = new Set<string>();
  const pending: { value: unknown; place: Place }[] = [{ value: input, place: null }];
  while (pending.length > 0 && found.size < MOST_UNREADABLE_NAMED) {
    const { value, place } = pending.pop()!;
    if (typeof value === 'string') {
      if (!isReadable(value)) found.add(pathOf(place));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, place: { key: index, parent: place } }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!place && opaque.includes(key)) continue;
        if (!isReadable(key)) found.add(pathOf(place));
        else pending.push({ value: item, place: { key, parent: place } });
      }
    }
  }
  return [...found];
}

/**
 * Parses untrusted input; a failure names every wrong field and writes nothing. `opaque` top-level keys are
 * left to a later parse of their own (an event's `data`, parsed by the action's schema).
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, { opaque = [] }: { opaque?: readonly string[] } = {}): z.output<S> {
  const input = data ?? {};
  const unreadable = unreadablePaths(input, opaque);
  const result = schema.safeParse(input, { error: chineseFallback });
  if (result.success && unreadable.length === 0) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) fields[fieldPath(issue.path)] ??= issue.message;
  for (const path of unreadable) fields[path] ??= '此项含有无法识别的字符';
  throw commonErrors.error('VALIDATION_FAILED', Object.values(fields).join('；'), fields) as DomainError;
}
