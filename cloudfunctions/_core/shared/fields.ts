import { z } from 'zod';
import { DomainError, commonErrors } from './domain-error';

/**
 * Schema builders whose every message names the field in Chinese, so that a form or
 * a caller always learns which field is wrong and why.
 */
export const field = {
  text: (label: string, { min = 1, max = 200 }: { min?: number; max?: number } = {}) =>
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(min, min === 1 ? `${label}不能为空` : `${label}至少需要${min}个字`)
      .max(max, `${label}不能超过${max}个字`),

  optionalText: (label: string, max = 200) =>
    z.string({ error: `${label}须为文字` }).trim().max(max, `${label}不能超过${max}个字`).optional(),

  phone: (label = '手机号码') =>
    z.string({ error: `请填写${label}` }).trim().regex(/^1[3-9]\d{9}$/, `${label}须为11位手机号码`),

  id: (label: string) => z.uuid({ error: `${label}的编号格式不正确` }),

  /** The id of what a form has the user pick (a community, a unit): none picked says 「请选择…」. */
  chosenId: (label: string) =>
    z.uuid({ error: (issue) => (issue.input === undefined || issue.input === '' ? `请选择${label}` : `${label}的编号格式不正确`) }),

  int: (label: string, { min, max }: { min: number; max: number }) =>
    z
      .number({ error: `${label}须为数字` })
      .int(`${label}须为整数`)
      .min(min, `${label}不能小于${min}`)
      .max(max, `${label}不能大于${max}`),

  /** An instant with an explicit offset, e.g. 2026-11-23T09:00:00+08:00. */
  instant: (label: string) =>
    z.iso.datetime({ offset: true, error: `${label}须为带时区的日期时间，例如 2026-11-23T09:00:00+08:00` }),

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

/** Parses untrusted input; a failure names every wrong field and writes nothing. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data ?? {}, { error: chineseFallback });
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  throw commonErrors.error('VALIDATION_FAILED', Object.values(fields).join('；'), fields) as DomainError;
}
