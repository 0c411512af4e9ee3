import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime/access';
import { authRepository } from './auth.repository';
import { revokeSession } from './sessions';

/**
 * 退出登录: the session this call came with ends. A WeChat caller known by its openid has no session:
 * the binding is what signs it in, so it is undone, and the next login on that WeChat asks for the password.
 */
export async function logOut(ctx: ActionContext) {
  const { sessionId, userId } = requireCaller(ctx.caller);
  if (sessionId) await revokeSession(ctx.tx, sessionId, 'logout', ctx.clock.now());
  else if (ctx.wxOpenId) await authRepository.unbindWechat(ctx.tx, userId, ctx.wxOpenId);
  return { loggedOut: true as const };
}
