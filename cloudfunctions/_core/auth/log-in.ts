import type { ActionContext, PrepareContext } from '../runtime/action';
import { authErrors } from './auth.errors';
import { authRepository } from './auth.repository';
import type { LoginInput } from './auth.schemas';
import { loadProfile } from './load-profile';
import { admitPassword, checkPassword, type CheckedPassword } from './password-check';
import { startSession } from './sessions';

/** Before the transaction: the password hash, which holds no database session (see password-check.ts). */
export const prepareLogIn = (env: PrepareContext, input: LoginInput) => checkPassword(env, input.phone, input.password);

/** Phone and password → a session token (H5 and the local gateway), through the login throttle. */
export async function logIn(ctx: ActionContext, input: LoginInput, checked: CheckedPassword) {
  return openSession(ctx, await admitPassword(ctx, input.phone, checked));
}

/** Inside WeChat the openid is the identity; it must have been bound to an account once. */
export async function logInWithWechat(ctx: ActionContext) {
  if (!ctx.wxOpenId) throw authErrors.error('AUTH_WECHAT_UNAVAILABLE');
  const userId = await authRepository.findOpenidOwner(ctx.tx, ctx.wxOpenId);
  if (!userId) throw authErrors.error('AUTH_WECHAT_NOT_BOUND');
  return openSession(ctx, userId);
}

/** Binds the calling WeChat identity to the account that phone and password prove. */
export async function bindWechat(ctx: ActionContext, input: LoginInput, checked: CheckedPassword) {
  if (!ctx.wxOpenId) throw authErrors.error('AUTH_WECHAT_UNAVAILABLE');
  const userId = await admitPassword(ctx, input.phone, checked);
  const owner = await authRepository.findOpenidOwner(ctx.tx, ctx.wxOpenId);
  if (owner && owner !== userId) throw authErrors.error('AUTH_WECHAT_BOUND_ELSEWHERE');
  await authRepository.bindWechat(ctx.tx, userId, ctx.wxOpenId);
  return openSession(ctx, userId);
}

/** A new server-side session with its token and the user's profile, as login answers it. */
export async function openSession(ctx: Pick<ActionContext, 'tx' | 'clock' | 'config' | 'newId'>, userId: string) {
  const ttl = ctx.config.SESSION_TTL_HOURS;
  const { token } = await startSession(ctx.tx, {
    userId, secret: ctx.config.SESSION_SECRET, now: ctx.clock.now(), ttlHours: ttl, sessionId: ctx.newId(),
  });
  return { token, expiresInHours: ttl, profile: await loadProfile(ctx.tx, userId) };
}
