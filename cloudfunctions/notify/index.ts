import { randomUUID } from 'node:crypto';
import { notifyActions } from '../_core/notify';
import { tick } from '../_core/notify/worker/tick';
import { loadConfig } from '../_core/config/config';
import { getDatabase } from '../_core/db/database-context';
import { createHandler, databaseTarget } from '../_core/runtime';
import { wxOpenId } from '../_wechat/wx-identity';
import { wxSubscribeSender } from '../_wechat/wx-subscribe';

const handleCall = createHandler(notifyActions, { wxOpenId });

const isTimer = (event: unknown): boolean => typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';

/**
 * Calls as every function answers them; the timer trigger of config.json (`{ Type: 'Timer', TriggerName, Time }`,
 * every 5 minutes) drains the job queue: the planners, then the due jobs, within the function's 20 s.
 */
export async function main(event: unknown, context?: unknown) {
  if (!isTimer(event)) return handleCall(event, context);
  const config = loadConfig();
  const db = await getDatabase(() => databaseTarget(config));
  const counts = await tick(db, new Date(), { workerId: `timer:${randomUUID()}`, config, sender: wxSubscribeSender(config.SUBSCRIBE_MINIPROGRAM_STATE) });
  return { ok: true as const, data: counts };
}
