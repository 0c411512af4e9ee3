import type { Executor } from '../../db/database';
import type { DueJob, JobEnvironment } from '../job-handlers';
import { fitPayload, PayloadDoesNotFit } from './fit-fields';
import { WECHAT_REFUSED, WECHAT_TRANSIENT, WechatSendError } from './sender';
import { templateForKind } from './templates';

type Status = 'sending' | 'sent' | 'no_credit' | 'refused' | 'failed' | 'no_template' | 'no_openid' | 'unknown';

const record = (tx: Executor, notificationId: string, templateId: string | null, status: Status, at: Date, errorCode: string | null = null) =>
  tx.query(
    `insert into wechat_deliveries (notification_id, template_id, status, error_code, created_at, updated_at) values ($1, $2, $3, $4, $5, $5)
     on conflict (notification_id) do update set template_id = excluded.template_id, status = excluded.status, error_code = excluded.error_code, updated_at = excluded.updated_at`,
    [notificationId, templateId, status, errorCode, at],
  );

const giveCreditBack = (tx: Executor, userId: string, templateId: string, at: Date) =>
  tx.query(`update wechat_subscription_credits set credits = credits + 1, updated_at = $3 where user_id = $1 and template_id = $2`, [userId, templateId, at]);

/**
 * The `wechat.deliver` job: one notification as a subscribe message, where the user granted a credit for its template.
 * In the job's transaction it takes the credit and marks the delivery `sending`; the send itself runs after the commit
 * (afterCommit), outside any transaction. A rerun that finds `sending` (the worker died between the send and its
 * record) marks it `unknown` and sends nothing: a user never gets one message twice. Whatever the outcome, the inbox
 * already has the notification.
 */
export async function deliverToWechat(tx: Executor, job: DueJob, env: JobEnvironment): Promise<void> {
  const notificationId = String(job.payload.notificationId ?? '');
  const fields = (job.payload.fields ?? {}) as Record<string, string>;
  const [notification] = await tx.query<{ user_id: string; kind: string; page: string | null; wx_openid: string | null }>(
    `select n.user_id, n.kind, n.page, u.wx_openid from notifications n join users u on u.id = n.user_id where n.id = $1`,
    [notificationId],
  );
  if (!notification) return;
  const [earlier] = await tx.query<{ status: Status }>(`select status from wechat_deliveries where notification_id = $1 for update`, [notificationId]);
  if (earlier?.status === 'sending') {
    await tx.query(`update wechat_deliveries set status = 'unknown', updated_at = $2 where notification_id = $1`, [notificationId, env.now]);
    return;
  }
  // `failed` is tried again only when the job itself runs again, which a transient refusal asked for by throwing.
  if (earlier && earlier.status !== 'failed') return;
  if (!notification.wx_openid) return void (await record(tx, notificationId, null, 'no_openid', env.now));
  const template = templateForKind(env.config.SUBSCRIBE_TEMPLATES, notification.kind);
  if (!template || !env.sender) return void (await record(tx, notificationId, template?.id ?? null, 'no_template', env.now));
  let data: Record<string, { value: string }>;
  try {
    data = fitPayload(template.keywords, fields);
  } catch (error) {
    if (!(error instanceof PayloadDoesNotFit)) throw error;
    console.error(`[wechat] notification ${notificationId} (${notification.kind}) does not fit template ${template.key}: ${error.message}`);
    return void (await record(tx, notificationId, template.id, 'failed', env.now, 'PAYLOAD_DOES_NOT_FIT'));
  }
  const taken = await tx.query(
    `update wechat_subscription_credits set credits = credits - 1, updated_at = $3 where user_id = $1 and template_id = $2 and credits > 0 returning credits`,
    [notification.user_id, template.id, env.now],
  );
  if (taken.length === 0) return void (await record(tx, notificationId, template.id, 'no_credit', env.now));
  await record(tx, notificationId, template.id, 'sending', env.now);
  const sender = env.sender;
  const message = { touser: notification.wx_openid, templateId: template.id, page: notification.page?.replace(/^\//, ''), data };
  env.afterCommit!(async (db) => {
    try {
      await sender(message);
    } catch (error) {
      if (!(error instanceof WechatSendError)) {
        // A timeout or a dropped connection: it may have gone out, so it is never sent again.
        await record(db, notificationId, template.id, 'unknown', env.now, 'NO_ANSWER');
        return;
      }
      await db.transaction(async (after) => {
        if (error.errCode === WECHAT_REFUSED) {
          // The user withdrew it: the credits we counted for this template are gone.
          await after.query(`update wechat_subscription_credits set credits = 0, updated_at = $3 where user_id = $1 and template_id = $2`, [notification.user_id, template.id, env.now]);
          await record(after, notificationId, template.id, 'refused', env.now, String(error.errCode));
        } else {
          await giveCreditBack(after, notification.user_id, template.id, env.now);
          await record(after, notificationId, template.id, 'failed', env.now, String(error.errCode));
        }
      });
      if (WECHAT_TRANSIENT.has(error.errCode)) throw error;
      return;
    }
    await record(db, notificationId, template.id, 'sent', env.now);
  });
}
