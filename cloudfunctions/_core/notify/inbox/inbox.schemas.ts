import * as z from 'zod';
import { field } from '../../shared/fields';
import { NOTIFICATION_KIND_KEYS, type NotificationKind } from '../kinds';

const KINDS = NOTIFICATION_KIND_KEYS as [NotificationKind, ...NotificationKind[]];

export const InboxInput = z.object({
  /** The `nextCursor` of the page before; none for the newest. */
  cursor: field.optionalText('翻页位置', 100),
  limit: field.int('每页条数', { min: 1, max: 50 }).default(20),
  unreadOnly: z.boolean({ error: '是否只看未读须为是或否' }).default(false),
});

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string().describe('消息类别，如「订单取消」'),
  title: z.string(),
  body: z.string(),
  page: z.string().nullable().describe('点开后打开的页面'),
  createdAt: z.string(),
  read: z.boolean(),
});

export const InboxView = z.object({
  items: z.array(NotificationView),
  /** Pass back as `cursor` for the next (older) page; null when there is none. */
  nextCursor: z.string().nullable(),
  unread: z.number().int().describe('本人未读消息数'),
});

export const UnreadCountView = z.object({ unread: z.number().int() });

export const MarkReadInput = z
  .object({
    ids: z.array(field.id('消息'), { error: '消息须为列表' }).max(100, '一次最多标记100条消息').optional(),
    all: z.boolean({ error: '全部已读须为是或否' }).default(false),
  })
  .refine((input) => input.all || (input.ids?.length ?? 0) > 0, { message: '请选择要标为已读的消息', path: ['ids'] });

export const MarkReadView = z.object({ marked: z.number().int().describe('本次标为已读的条数'), unread: z.number().int() });

export const PreferenceView = z.object({
  kind: z.string(),
  label: z.string(),
  enabled: z.boolean(),
  /** Sent whatever the user says: shown on and locked. */
  required: z.boolean(),
});

export const PreferencesView = z.object({ items: z.array(PreferenceView) });

export const SetPreferenceInput = z.object({
  kind: field.oneOf('消息类别', KINDS),
  enabled: z.boolean({ error: '是否接收须为是或否' }),
});

const text = field.text('通知内容', { max: 200 });
const requestId = field.id('请求编号');

/** To an order's accepted members or to a team's members: exactly one of `orderId` and `teamId`. */
export const BroadcastInput = z
  .object({ orderId: field.id('订单').optional(), teamId: field.id('服务队').optional(), text, requestId })
  .refine((input) => (input.orderId === undefined) !== (input.teamId === undefined), { message: '请选择订单或服务队（二选一）', path: ['orderId'] });

export const BroadcastView = z.object({ reached: z.number().int().describe('收到通知的人数') });
