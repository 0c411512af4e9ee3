import { z } from 'zod';
import { COMMON_ERROR_CODES, ERROR_CATALOGUE, FUNCTION_ACTIONS } from '../../cloudfunctions/_core/function-catalogue';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

/** A compact TypeScript-like rendering of a JSON schema. */
function typeOf(schema: JsonSchema, indent = ''): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((member) => typeOf(member, indent)).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (type === 'array') return `${wrap(typeOf(schema.items ?? {}, indent))}[]`;
  if (type === 'object' && schema.properties) {
    const inner = `${indent}  `;
    const required = new Set(schema.required ?? []);
    const lines = Object.entries(schema.properties).map(
      ([name, property]) => `${inner}${name}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)};`,
    );
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (type === 'string' && schema.format) return `string(${schema.format})`;
  if (type === 'integer') return 'integer';
  return type ?? 'unknown';
}

const wrap = (type: string) => (type.includes('|') ? `(${type})` : type);

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined) parts.push(`至少 ${schema.minLength} 字`);
  if (schema.maxLength !== undefined) parts.push(`至多 ${schema.maxLength} 字`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.minItems !== undefined) parts.push(`至少 ${schema.minItems} 项`);
  if (schema.maxItems !== undefined) parts.push(`至多 ${schema.maxItems} 项`);
  if (schema.pattern) parts.push(`格式 \`${schema.pattern}\``);
  if (schema.default !== undefined) parts.push(`默认 \`${JSON.stringify(schema.default)}\``);
  return parts.join('，');
}

/** One table row per input field, nested objects flattened to dotted paths. */
function inputRows(schema: JsonSchema, prefix = ''): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const pathName = `${prefix}${name}`;
    const row = `| \`${pathName}\` | \`${typeOf(property).replace(/\n\s*/g, ' ').replace(/\|/g, '\\|')}\` | ${required.has(name) ? '是' : '否'} | ${constraintsOf(property)} |`;
    const nested = property.type === 'object' && property.properties ? inputRows(property, `${pathName}.`) : [];
    return [row, ...nested];
  });
}

/** The API reference, in Markdown, from the functions' own schemas and error catalogues. */
export function renderApiDocs(): string {
  const out: string[] = [
    '# 云函数接口参考（API reference）',
    '',
    '> 本文件由 `npm run docs:api` 根据各云函数的 zod 模式自动生成，请勿手工编辑。',
    '',
    '每个云函数导出 `main(event, context)`。小程序中通过 `Taro.cloud.callFunction({ name, data: { action, data } })` 调用，',
    '调用者身份取自微信 `OPENID`；H5 与本地网关通过 `POST /api/<函数名>`，请求体为 `{ "action": …, "data": … }`，',
    '会话令牌放在 `Authorization: Bearer <token>`（由 `auth.login` 取得）。',
    '',
    '返回值统一为信封：成功 `{ "ok": true, "data": … }`；失败 `{ "ok": false, "error": { "code", "message", "fields"? } }`。',
    '`code` 稳定不变，供程序判断；`message` 为可直接展示的中文；`fields` 以字段路径为键给出每个出错字段的中文说明。',
    '',
    '## 通用错误码',
    '',
    '| code | message |',
    '| --- | --- |',
    ...COMMON_ERROR_CODES.map((code) => `| \`${code}\` | ${ERROR_CATALOGUE[code]} |`),
    '',
  ];
  for (const [fn, actions] of Object.entries(FUNCTION_ACTIONS)) {
    out.push(`## 云函数 \`${fn}\``, '');
    for (const [name, action] of Object.entries(actions)) {
      const input = toSchema(action.input, 'input');
      const rows = inputRows(input);
      out.push(`### \`${fn}.${name}\``, '', action.summary, '', `登录要求：${action.access === 'public' ? '无需登录' : '需要登录'}`, '');
      out.push('**输入 `data`**', '');
      if (rows.length === 0) out.push('无（传 `{}`）。', '');
      else out.push('| 字段 | 类型 | 必填 | 约束 |', '| --- | --- | --- | --- |', ...rows, '');
      out.push('**输出 `data`**', '', '```ts', typeOf(toSchema(action.output, 'output')), '```', '');
      if (action.errors.length > 0) {
        out.push('**可能的错误码**（另见通用错误码）', '', '| code | message |', '| --- | --- |');
        out.push(...action.errors.map((code) => `| \`${code}\` | ${ERROR_CATALOGUE[code] ?? '（未登记）'} |`), '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
