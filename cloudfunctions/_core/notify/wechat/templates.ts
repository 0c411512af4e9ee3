import * as z from 'zod';
import type { NotificationKind } from '../kinds';

/** The names a notice's `fields` use (notifier.ts); each template maps its keywords onto them. */
export const FIELD_NAMES = ['activity', 'time', 'place', 'status', 'note', 'person', 'amount'] as const;

/** The mini-program's subscribe-message templates, by our key. */
export const TEMPLATE_KEYS = ['service_reminder', 'order_status', 'review_result', 'appeal_result'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_LABELS: Record<TemplateKey, string> = {
  service_reminder: '服务提醒',
  order_status: '订单状态通知',
  review_result: '审核结果通知',
  appeal_result: '申诉结果通知',
};

/** Which template carries which kind, unless SUBSCRIBE_TEMPLATES lists `kinds` for a template. */
export const DEFAULT_TEMPLATE_KINDS: Record<TemplateKey, NotificationKind[]> = {
  service_reminder: ['order_invited', 'order_reminder', 'quarter_without_service', 'quarterly_report_due', 'brief_due', 'pickup_waiting', 'broadcast'],
  order_status: ['order_accepted', 'order_cancelled', 'order_changed', 'need_accepted', 'need_cancelled', 'need_changed', 'please_rate'],
  review_result: ['need_rejected', 'registration_result'],
  appeal_result: ['record_corrected', 'dispute_decided'],
};

/** Which templates to ask for at each tap (≤ 3, all one-time): what the following messages will need. */
export const MOMENT_TEMPLATES = {
  accept_order: ['service_reminder', 'order_status', 'appeal_result'],
  post_need: ['order_status', 'review_result', 'service_reminder'],
  submit_registration: ['review_result', 'service_reminder', 'appeal_result'],
} as const satisfies Record<string, readonly TemplateKey[]>;
export type SubscribeMoment = keyof typeof MOMENT_TEMPLATES;

const KEYWORD = /^(thing|phrase|character_string|name|number|amount|time|date|letter|symbol|phone_number|car_number)\d{1,2}$/;

const TemplateSchema = z.object({
  id: z.string().min(1, 'SUBSCRIBE_TEMPLATES 的模板 id 不能为空').max(100),
  keywords: z
    .record(z.string().regex(KEYWORD, 'SUBSCRIBE_TEMPLATES 的关键词须为 thing1、time2、phrase3 这样的微信模板字段名'), z.enum(FIELD_NAMES, { error: `SUBSCRIBE_TEMPLATES 的关键词须对应 ${FIELD_NAMES.join('、')} 之一` }))
    .refine((keywords) => Object.keys(keywords).length > 0, 'SUBSCRIBE_TEMPLATES 的模板至少要有一个关键词'),
  kinds: z.array(z.string()).optional(),
});

/**
 * SUBSCRIBE_TEMPLATES: JSON, for each template key its WeChat template id and keywords, e.g.
 * `{"service_reminder":{"id":"AbC…","keywords":{"thing1":"activity","time2":"time","thing3":"place"}}}`.
 * Unset: no WeChat sending (the inbox only), as in H5 and local runs.
 */
export const SubscribeTemplatesSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'SUBSCRIBE_TEMPLATES 须为 JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(TEMPLATE_KEYS, { error: `SUBSCRIBE_TEMPLATES 的模板须为 ${TEMPLATE_KEYS.join('、')} 之一` }), TemplateSchema));
export type SubscribeTemplates = z.output<typeof SubscribeTemplatesSchema>;

export interface Template {
  key: TemplateKey;
  id: string;
  keywords: Record<string, (typeof FIELD_NAMES)[number]>;
}

/** The template that carries `kind`, or undefined: then the kind reaches the user in the inbox only. */
export function templateForKind(templates: SubscribeTemplates | undefined, kind: string): Template | undefined {
  if (!templates) return undefined;
  for (const key of TEMPLATE_KEYS) {
    const template = templates[key];
    if (!template) continue;
    const kinds: readonly string[] = template.kinds ?? DEFAULT_TEMPLATE_KINDS[key];
    if (kinds.includes(kind)) return { key, id: template.id, keywords: template.keywords };
  }
  return undefined;
}

/** The configured templates by WeChat id. */
export const templatesById = (templates: SubscribeTemplates | undefined): Map<string, TemplateKey> =>
  new Map(TEMPLATE_KEYS.filter((key) => templates?.[key]).map((key) => [templates![key]!.id, key]));
