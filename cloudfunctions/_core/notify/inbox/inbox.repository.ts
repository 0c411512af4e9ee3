import type { Executor } from '../../db/database';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  page: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** Every statement names the user: nobody reads or marks another's notifications. */
export const inboxRepository = {
  /** Newest first, after the keyset `before` (created_at, id) of the page before. */
  page: (tx: Executor, userId: string, options: { before?: { at: Date; id: string }; limit: number; unreadOnly: boolean }) =>
    tx.query<NotificationRow>(
      `select id, kind, title, body, page, created_at, read_at from notifications
        where user_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
          and (not $4 or read_at is null)
        order by created_at desc, id desc limit $5`,
      [userId, options.before?.at ?? null, options.before?.id ?? null, options.unreadOnly, options.limit],
    ),

  unreadCount: async (tx: Executor, userId: string) =>
    Number((await tx.query<{ count: string }>('select count(*) from notifications where user_id = $1 and read_at is null', [userId]))[0].count),

  markRead: async (tx: Executor, userId: string, ids: readonly string[] | 'all', at: Date) =>
    (
      await tx.query(
        `update notifications set read_at = $3 where user_id = $1 and read_at is null and ($2::uuid[] is null or id = any($2::uuid[])) returning id`,
        [userId, ids === 'all' ? null : ids, at],
      )
    ).length,

  preferences: (tx: Executor, userId: string) =>
    tx.query<{ kind: string; enabled: boolean }>('select kind, enabled from notification_preferences where user_id = $1', [userId]),

  setPreference: (tx: Executor, userId: string, kind: string, enabled: boolean, at: Date) =>
    tx.query(
      `insert into notification_preferences (user_id, kind, enabled, updated_at) values ($1, $2, $3, $4)
       on conflict (user_id, kind) do update set enabled = excluded.enabled, updated_at = excluded.updated_at`,
      [userId, kind, enabled, at],
    ),

  /** How many got the notification of one event (a broadcast sent once, answered again on a retry). */
  reachedBy: async (tx: Executor, eventKey: string) =>
    Number((await tx.query<{ count: string }>('select count(*) from notifications where event_key = $1', [eventKey]))[0].count),
};
