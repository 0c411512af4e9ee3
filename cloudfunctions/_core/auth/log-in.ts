import type { ActionContext } from '../runtime/action';
import { authErrors } from './auth.errors';
import { authRepository } from './auth.repository';
import type { LoginInput } from './auth.schemas';
import { loadProfile } from './load-profile';
import { verifyPassword } from './password';
import { issueSessionToken } from './session-token';

/** Phone and password → a session token (H5 and the local gateway). */
export async function logIn(ctx: ActionContext, input: LoginInput) {
  const user = await authRepository.findCredentialsByPhone(ctx.tx, input.phone);
  // Verify even for an unknown phone, so that timing does not tell which phones exist.
  const valid = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid) throw authErrors.error('AUTH_BAD_CREDENTIALS');
  return openSession(ctx, user.id);
}

/** Inside WeChat the openid is the identity; it must have been bound to an account once. */
export async function logInWithWechat(ctx: ActionContext) {
  if (!ctx.wxOpenId) throw authErrors.error('AUTH_WECHAT_UNAVAILABLE');
  const userId = await authRepository.findOpenidOwner(ctx.tx, ctx.wxOpenId);
  if (!userId) throw authErrors.error('AUTH_WECHAT_NOT_BOUND');
  return openSession(ctx, userId);
}

/** Binds the calling WeChat identity to the account that phone and password prove. */
export async function bindWechat(ctx: ActionContext, input: LoginInput) {
  if (!ctx.wxOpenId) throw authErrors.error('AUTH_WECHAT_UNAVAILABLE');
  const user = await authRepository.findCredentialsByPhone(ctx.tx, input.phone);
  if (!user || !(await verifyPassword(input.password, user.password_hash))) throw authErrors.error('AUTH_BAD_CREDENTIALS');
  const owner = await authRepository.findOpenidOwner(ctx.tx, ctx.wxOpenId);
  if (owner && owner !== user.id) throw authErrors.error('AUTH_WECHAT_BOUND_ELSEWHERE');
  await authRepository.bindWechat(ctx.tx, user.id, ctx.wxOpenId);
  return openSession(ctx, user.id);
}

/** A session token with the user's profile, as login answers it. */
export async function openSession(ctx: ActionContext, userId: string) {
  const ttl = ctx.config.SESSION_TTL_HOURS;
  return {
    token: issueSessionToken(userId, ctx.config.SESSION_SECRET, ctx.clock.now(), ttl),
    expiresInHours: ttl,
    profile: await loadProfile(ctx.tx, userId),
  };
}

const DUMMY_HASH = 'scrypt$1024$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
