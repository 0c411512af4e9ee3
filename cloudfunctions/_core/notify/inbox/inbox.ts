import type { z } from 'zod';
import type { ActionContext } from '../../runtime/action';
import type { Caller } from '../../runtime/caller';
import { requireCaller } from '../../runtime';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_KEYS, type NotificationKind } from '../kinds';
import { inboxErrors } from './inbox.errors';
import { inboxRepository, type NotificationRow } from './inbox.repository';
import type { InboxInput, InboxView, MarkReadInput, MarkReadView, PreferenceView, PreferencesView, SetPreferenceInput } from './inbox.schemas';

type Audience = (typeof NOTIFICATION_KINDS)[NotificationKind]['audience'];

const AUDIENCE_OF_ROLE: Record<Caller['grants'][number]['role'], Audience> = {
  member: 'member',
  resident: 'resident',
  secretary: 'organisation',
  unit_admin: 'organisation',
  district_admin: 'organisation',
};

/** The kinds a caller may receive, by the audiences of the roles they hold. */
const kindsFor = (caller: Caller) => {
  const audiences = new Set(caller.grants.map((grant) => AUDIENCE_OF_ROLE[grant.role]));
  return NOTIFICATION_KIND_KEYS.filter((kind) => audiences.has(NOTIFICATION_KINDS[kind].audience));
};

// The cursor is the last row's keyset, `<created_at ISO>~<id>`: a notification arriving meanwhile shifts nothing.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const cursorOf = (row: NotificationRow) => `${row.created_at.toISOString()}~${row.id}`;

function parseCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const match = CURSOR.exec(cursor);
  if (!match || Number.isNaN(Date.parse(match[1]))) throw inboxErrors.error('NOTIFY_BAD_CURSOR', undefined, { cursor: '翻页位置不正确' });
  return { at: new Date(match[1]), id: match[2] };
}

const labelOf = (kind: string) => (NOTIFICATION_KINDS as Record<string, { label: string }>)[kind]?.label ?? '消息';

/** 消息: the caller's own notifications, newest first, a page at a time. */
export async function inbox({ tx, caller }: ActionContext, input: z.output<typeof InboxInput>): Promise<z.input<typeof InboxView>> {
  const me = requireCaller(caller);
  const rows = await inboxRepository.page(tx, me.userId, { before: parseCursor(input.cursor), limit: input.limit + 1, unreadOnly: input.unreadOnly });
  const shown = rows.slice(0, input.limit);
  return {
    items: shown.map((row) => ({
      id: row.id,
      kind: row.kind,
      kindLabel: labelOf(row.kind),
      title: row.title,
      body: row.body,
      page: row.page,
      createdAt: row.created_at.toISOString(),
      read: row.read_at !== null,
    })),
    nextCursor: rows.length > input.limit ? cursorOf(shown[shown.length - 1]) : null,
    unread: await inboxRepository.unreadCount(tx, me.userId),
  };
}

export async function unreadCount({ tx, caller }: ActionContext) {
  return { unread: await inboxRepository.unreadCount(tx, requireCaller(caller).userId) };
}

/** Marks the caller's own notifications read; an id of someone else's matches nothing. */
export async function markRead({ tx, caller, clock }: ActionContext, input: z.output<typeof MarkReadInput>): Promise<z.input<typeof MarkReadView>> {
  const me = requireCaller(caller);
  const marked = await inboxRepository.markRead(tx, me.userId, input.all ? 'all' : input.ids!, clock.now());
  return { marked, unread: await inboxRepository.unreadCount(tx, me.userId) };
}

export async function preferences({ tx, caller }: ActionContext): Promise<z.input<typeof PreferencesView>> {
  const me = requireCaller(caller);
  const saved = new Map((await inboxRepository.preferences(tx, me.userId)).map((row) => [row.kind, row.enabled]));
  return { items: kindsFor(me).map((kind) => preferenceView(kind, saved.get(kind))) };
}

const preferenceView = (kind: NotificationKind, saved: boolean | undefined): z.input<typeof PreferenceView> => {
  const { label, required } = NOTIFICATION_KINDS[kind];
  return { kind, label, required, enabled: required || (saved ?? true) };
};

export async function setPreference({ tx, caller, clock }: ActionContext, input: z.output<typeof SetPreferenceInput>) {
  const me = requireCaller(caller);
  if (!kindsFor(me).includes(input.kind)) throw inboxErrors.error('NOTIFY_KIND_NOT_YOURS', NOTIFICATION_KINDS[input.kind].label, { kind: '您的身份不接收这类消息' });
  if (NOTIFICATION_KINDS[input.kind].required && !input.enabled) {
    throw inboxErrors.error('NOTIFY_KIND_REQUIRED', NOTIFICATION_KINDS[input.kind].label, { kind: `「${NOTIFICATION_KINDS[input.kind].label}」按规定必须接收` });
  }
  await inboxRepository.setPreference(tx, me.userId, input.kind, input.enabled, clock.now());
  return preferenceView(input.kind, input.enabled);
}
