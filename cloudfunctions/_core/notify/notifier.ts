import type { Executor } from '../db/database';
import { NOTIFICATION_KINDS, type NotificationKind } from './kinds';

export interface Notice {
  kind: NotificationKind;
  /**
   * What happened, unique per recipient: the same key is one notification however often its cause runs
   * (`order-cancelled:<orderId>`, `reminder:<orderId>:evening`). A function gives each recipient a key of their own
   * (`quarter_without_service:<userId>:2026Q4`), so that many are notified in one statement.
   */
  eventKey: string | ((userId: string) => string);
  /** ≤ 40 characters, shown in bold in the inbox. */
  title: string;
  /** ≤ 500 characters: what happened and what comes next. */
  body: string;
  /** The page it opens. */
  page?: string;
  /**
   * The values a WeChat subscribe message of this kind shows, by the names the template configuration uses
   * (`activity`, `time`, `place`, `status`, `note`…); the WeChat channel fits them to the template's field limits.
   */
  fields?: Record<string, string>;
}

/** The delivery job's kind: the WeChat channel's handler sends each new notification as a subscribe message where it can. */
export const WECHAT_DELIVERY_JOB = 'wechat.deliver';

/**
 * Writes `notice` to each user's inbox, in the caller's transaction: a failed action notifies nobody. Users who turned
 * the kind off are skipped unless the kind is required; a user already notified of this event is not notified again.
 * Each new notification of a user who signs in through WeChat also gets a delivery job for the WeChat channel.
 * Answers the ids written.
 */
export async function notify(tx: Executor, at: Date, userIds: readonly string[], notice: Notice): Promise<string[]> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return [];
  const required = NOTIFICATION_KINDS[notice.kind].required;
  const { eventKey } = notice;
  const keys = recipients.map((userId) => (typeof eventKey === 'function' ? eventKey(userId) : eventKey));
  const written = await tx.query<{ id: string }>(
    `with recipients as (
       select u.id as user_id, u.wx_openid, r.event_key
         from unnest($1::uuid[], $4::text[]) as r (user_id, event_key)
         join users u on u.id = r.user_id
         left join notification_preferences p on p.user_id = u.id and p.kind = $2
        where $3 or coalesce(p.enabled, true)
     ), written as (
       insert into notifications (id, user_id, kind, event_key, title, body, page, created_at)
       select gen_random_uuid(), user_id, $2, event_key, $5, $6, $7, $8 from recipients
       on conflict (user_id, event_key) do nothing
       returning id, user_id
     ), deliveries as (
       insert into jobs (id, kind, job_key, payload, run_at, created_at)
       select gen_random_uuid(), $9, 'deliver:' || w.id, jsonb_build_object('notificationId', w.id, 'fields', $10::jsonb), $8, $8
         from written w join recipients r using (user_id)
        where r.wx_openid is not null
       on conflict (job_key) do nothing
     )
     select id from written`,
    [recipients, notice.kind, required, keys, notice.title, notice.body, notice.page ?? null, at, WECHAT_DELIVERY_JOB, JSON.stringify(notice.fields ?? {})],
  );
  return written.map((row) => row.id);
}
