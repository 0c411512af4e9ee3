import type { ActionContext, PrepareContext } from '../runtime/action';
import { requireCaller } from '../runtime/access';
import { commonErrors } from '../shared/domain-error';
import { authErrors } from './auth.errors';
import { authRepository } from './auth.repository';
import type { ChangePasswordInput } from './auth.schemas';
import { openSession } from './log-in';
import { hashPassword, verifyPassword } from './password';
import { refuseWhileLocked, refuseWrongPassword } from './password-check';
import { newPasswordProblem } from './password-rules';
import { revokeSessionsOf, unbindOtherWechat } from './sessions';

/** What the slow half found, before the transaction: whether the old password held, and the new hash. */
export type PreparedPasswordChange =
  | { userId: string; phone: string | null; oldPasswordHeld: false }
  | { userId: string; phone: string | null; oldPasswordHeld: true; problem: string | null; checkedHash: string | null; newHash: string | null }
  | null;

/** Outside the transaction: both scrypt runs, so that no database session waits on them. */
export async function preparePasswordChange(env: PrepareContext, input: ChangePasswordInput): Promise<PreparedPasswordChange> {
  const user = await authRepository.findPasswordOf(env.db, env.claimed);
  if (!user) return null;
  if (!(await verifyPassword(input.oldPassword, user.password_hash))) return { userId: user.id, phone: user.phone, oldPasswordHeld: false };
  const problem = newPasswordProblem(input.newPassword, { phone: user.phone, oldPassword: input.oldPassword });
  const newHash = problem ? null : await hashPassword(input.newPassword, env.config.PASSWORD_COST);
  return { userId: user.id, phone: user.phone, oldPasswordHeld: true, problem, checkedHash: user.password_hash, newHash };
}

/** 修改密码: the new password for this account; every session of it ends, and this device gets a fresh one. */
export async function changePassword(ctx: ActionContext, _input: ChangePasswordInput, prepared: PreparedPasswordChange) {
  const { userId } = requireCaller(ctx.caller);
  if (!prepared || prepared.userId !== userId) throw authErrors.error('AUTH_PASSWORD_CHANGED_MEANWHILE');
  // The old password is a password guess like a login's: a stolen session may not try it without limit.
  const throttle = prepared.phone ? await refuseWhileLocked(ctx, prepared.phone) : null;
  if (!prepared.oldPasswordHeld) {
    const refusal = authErrors.error('AUTH_OLD_PASSWORD_WRONG', undefined, { oldPassword: '原密码不正确' });
    if (throttle) refuseWrongPassword(ctx, prepared.phone!, throttle, refusal);
    throw refusal;
  }
  if (prepared.problem || !prepared.newHash) {
    const problem = prepared.problem ?? '请填写新密码';
    throw commonErrors.error('VALIDATION_FAILED', problem, { newPassword: problem });
  }
  // Another change (or a reset) between the check and now: the old password proven may no longer be the one.
  if ((await authRepository.lockPasswordHash(ctx.tx, userId)) !== prepared.checkedHash) throw authErrors.error('AUTH_PASSWORD_CHANGED_MEANWHILE');
  await authRepository.setPassword(ctx.tx, userId, prepared.newHash);
  await revokeSessionsOf(ctx.tx, userId, 'password_changed', ctx.clock.now());
  await unbindOtherWechat(ctx.tx, userId, ctx.wxOpenId);
  return openSession(ctx, userId);
}
