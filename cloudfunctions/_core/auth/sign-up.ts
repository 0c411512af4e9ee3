import { orgRepository } from '../org/org.repository';
import { registrationErrors } from '../registration/registration.errors';
import { registrationRepository } from '../registration/registration.repository';
import type { ActionContext } from '../runtime/action';
import { authRepository } from './auth.repository';
import { openSession } from './log-in';
import { phoneCodeErrors } from './phone-code.errors';
import type { SignUpInput } from './phone-code.schemas';
import { provePhone } from './prove-phone';

/**
 * 居民注册: a resident who proved the phone with a code gets an account in the chosen community and is logged in.
 * Only after the proof does the answer say that the phone already has an account.
 */
export async function signUp(ctx: ActionContext, input: SignUpInput, prepared: { passwordHash: string }) {
  const community = await registrationRepository.findCommunity(ctx.tx, input.communityId);
  if (!community) throw registrationErrors.error('REG_COMMUNITY_NOT_FOUND', undefined, { communityId: '找不到该社区' });
  if (input.gridId && !(await registrationRepository.gridBelongsTo(ctx.tx, input.gridId, community.id))) {
    throw registrationErrors.error('REG_GRID_NOT_IN_COMMUNITY', undefined, { gridId: '所选网格不属于该社区' });
  }
  await provePhone(ctx, { phone: input.phone, purpose: 'sign_up', code: input.phoneCode });
  if (await authRepository.findCredentialsByPhone(ctx.tx, input.phone)) {
    throw phoneCodeErrors.error('AUTH_PHONE_HAS_ACCOUNT', undefined, { phone: '该手机号码已有账号，请直接登录或重设密码' });
  }
  const userId = ctx.newId();
  await orgRepository.createUser(ctx.tx, { id: userId, name: input.name, phone: input.phone, passwordHash: prepared.passwordHash });
  await orgRepository.grantRole(ctx.tx, { id: ctx.newId(), userId, role: 'resident', orgId: community.id });
  await orgRepository.registerResident(ctx.tx, { userId, communityId: community.id, gridId: input.gridId ?? null, address: input.address });
  if (ctx.wxOpenId && !(await authRepository.findOpenidOwner(ctx.tx, ctx.wxOpenId))) await authRepository.bindWechat(ctx.tx, userId, ctx.wxOpenId);
  return openSession(ctx, userId);
}
