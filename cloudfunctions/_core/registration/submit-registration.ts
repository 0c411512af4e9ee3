import { openSession } from '../auth';
import { provePhone } from '../auth/prove-phone';
import { authRepository } from '../auth/auth.repository';
import { orgRepository } from '../org/org.repository';
import type { ActionContext } from '../runtime/action';
import { checkForm } from './check-form';
import { readUnderOrganisationLocks } from './organisation-locks';
import type { RegistrationForm } from './registration-form';
import { registrationErrors } from './registration.errors';
import { registrationRepository } from './registration.repository';
import { toRegistrationView } from './registration-view';

interface SubmitInput {
  form: RegistrationForm;
  slipCode?: string;
  password?: string;
  phoneCode?: string;
}

/** With a 报到单 the community, unit and member type are the slip's, and the phone must be the one it was issued to. */
async function applySlip(ctx: ActionContext, form: RegistrationForm, slipCode: string) {
  // its community before the slip itself, as a merge (which moves open slips) takes them
  await readUnderOrganisationLocks(ctx.tx, () => registrationRepository.findSlipByCode(ctx.tx, slipCode), (slip) => ({ communities: [slip?.community_id], grids: [] }));
  const slip = await registrationRepository.findAndLockSlipByCode(ctx.tx, slipCode);
  if (!slip) throw registrationErrors.error('REG_SLIP_NOT_FOUND', undefined, { slipCode: '找不到该报到单，请核对报到码' });
  if (slip.cancelled_at) throw registrationErrors.error('REG_SLIP_CANCELLED', undefined, { slipCode: '该报到单已作废' });
  if (slip.reg_status === 'pending' || slip.reg_status === 'confirmed') {
    throw registrationErrors.error('REG_SLIP_USED', undefined, { slipCode: '该报到单已用于报到' });
  }
  if (slip.member_phone !== form.phone) {
    throw registrationErrors.error('REG_SLIP_PHONE_MISMATCH', undefined, { 'form.phone': '须与报到单上的手机号码一致' });
  }
  const slipForm: RegistrationForm = {
    ...form,
    memberType: 'in_service',
    unitId: slip.unit_id,
    workUnit: form.workUnit || slip.unit_name,
    communityId: slip.community_id,
    gridId: form.communityId === slip.community_id ? form.gridId : undefined,
  };
  return { slipId: slip.id, form: slipForm };
}

/**
 * The caller's account, or a new one for a person who registers logged out (bound to their WeChat when there is one).
 * Logged out, the phone is proven by its code before anything is said about an account it may have.
 */
async function accountFor(ctx: ActionContext, form: RegistrationForm, input: SubmitInput, passwordHash: string | undefined) {
  if (ctx.caller) {
    const [user] = await ctx.tx.query<{ phone: string | null }>('select phone from users where id = $1', [ctx.caller.userId]);
    if (user?.phone !== form.phone) throw registrationErrors.error('REG_PHONE_NOT_YOURS', undefined, { 'form.phone': '须为您账号的手机号码' });
    if (await registrationRepository.findMember(ctx.tx, ctx.caller.userId)) throw registrationErrors.error('REG_ALREADY_MEMBER');
    if (await registrationRepository.hasPending(ctx.tx, ctx.caller.userId)) throw registrationErrors.error('REG_ALREADY_PENDING');
    return { userId: ctx.caller.userId, created: false };
  }
  if (!passwordHash) throw registrationErrors.error('REG_PASSWORD_REQUIRED', undefined, { password: '请设置登录密码（8至64个字符）' });
  await provePhone(ctx, { phone: form.phone, purpose: 'register', code: input.phoneCode });
  const [taken] = await ctx.tx.query('select 1 from users where phone = $1', [form.phone]);
  if (taken) throw registrationErrors.error('REG_PHONE_HAS_ACCOUNT', undefined, { 'form.phone': '该手机号码已有账号，请先登录' });
  const userId = ctx.newId();
  await orgRepository.createUser(ctx.tx, { id: userId, name: form.name, phone: form.phone, passwordHash });
  if (ctx.wxOpenId && !(await authRepository.findOpenidOwner(ctx.tx, ctx.wxOpenId))) await authRepository.bindWechat(ctx.tx, userId, ctx.wxOpenId);
  return { userId, created: true };
}

/**
 * 报到登记: a member submits the form to a community, which confirms (回执) or sends it back.
 * A form sent back is fixed and submitted again as a new registration; the returned one stays as history.
 */
export async function submitRegistration(ctx: ActionContext, input: SubmitInput, prepared: { passwordHash?: string }) {
  const now = ctx.clock.now();
  const applied = input.slipCode ? await applySlip(ctx, input.form, input.slipCode) : { slipId: null, form: input.form };
  const form = applied.form;
  const { unit } = await checkForm(ctx.tx, form, now);
  const account = await accountFor(ctx, form, input, prepared.passwordHash);
  const id = ctx.newId();
  const stored: RegistrationForm = unit && !form.workUnit ? { ...form, workUnit: unit.name } : form;
  await registrationRepository.insert(ctx.tx, {
    id, userId: account.userId, communityId: form.communityId, gridId: form.gridId ?? null, slipId: applied.slipId, kind: 'report', form: stored, now,
  });
  return {
    registration: toRegistrationView((await registrationRepository.findById(ctx.tx, id))!, { masked: false }),
    session: account.created ? await openSession(ctx, account.userId) : null,
  };
}
