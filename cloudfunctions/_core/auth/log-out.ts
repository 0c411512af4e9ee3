import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime/access';
import { revokeSession } from './sessions';

/** 退出登录: the session this call came with ends; a WeChat caller known by openid has none to end. */
export async function logOut(ctx: ActionContext) {
  const { sessionId } = requireCaller(ctx.caller);
  if (sessionId) await revokeSession(ctx.tx, sessionId, 'logout', ctx.clock.now());
  return { loggedOut: true as const };
}
