import type { ActionContext } from '../runtime/action';
import { authRepository } from './auth.repository';
import { loginThrottleRepository } from './login-throttle.repository';
import { phoneCodeErrors } from './phone-code.errors';
import type { ResetPasswordInput } from './phone-code.schemas';
import { provePhone } from './prove-phone';
import { revokeSessionsOf, unbindOtherWechat } from './sessions';

/** 忘记密码: whoever proves the phone with a code sets a new password; every session of the account ends. */
export async function resetPassword(ctx: ActionContext, input: ResetPasswordInput, prepared: { passwordHash: string }) {
  await provePhone(ctx, { phone: input.phone, purpose: 'reset_password', code: input.phoneCode });
  const user = await authRepository.findCredentialsByPhone(ctx.tx, input.phone);
  if (!user) throw phoneCodeErrors.error('AUTH_PHONE_NO_ACCOUNT', undefined, { phone: '该手机号码还没有账号，请先注册' });
  await ctx.tx.query('update users set password_hash = $2, must_change_password = false where id = $1', [user.id, prepared.passwordHash]);
  const ended = await revokeSessionsOf(ctx.tx, user.id, 'password_reset', ctx.clock.now());
  // Whoever just proved the phone is its owner: strangers' failed guesses no longer keep them out.
  await loginThrottleRepository.clearPhone(ctx.tx, input.phone);
  await unbindOtherWechat(ctx.tx, user.id, ctx.wxOpenId);
  return { reset: true as const, sessionsEnded: ended };
}
