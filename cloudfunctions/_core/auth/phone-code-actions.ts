import * as z from 'zod';
import { defineAction, type ActionTable } from '../runtime';
import type { PrepareContext } from '../runtime/action';
import { hashChosenPassword } from './chosen-password';
import { phoneCodeErrors } from './phone-code.errors';
import { ProveWechatPhoneInput, ProvenPhoneView, ResetPasswordInput, SendPhoneCodeInput, SendPhoneCodeView, SignUpInput } from './phone-code.schemas';
import { SessionView } from './auth.schemas';
import { resetPassword } from './reset-password';
import { issueWechatProvenCode, sendPhoneCode } from './send-phone-code';
import { signUp } from './sign-up';

const CODE_CHECKS = ['PHONE_CODE_REQUIRED', 'PHONE_CODE_WRONG', 'PHONE_CODE_EXPIRED', 'PHONE_CODE_TOO_MANY_TRIES'];

/** The phone WeChat vouches for, outside the transaction: the exchange is a network call. */
async function wechatPhone(env: PrepareContext, code: string) {
  const found = await env.wxPhoneNumber?.(code);
  if (!found) throw phoneCodeErrors.error('PHONE_WECHAT_UNAVAILABLE');
  if (found.countryCode !== '86' || !/^1[3-9]\d{9}$/.test(found.phone)) {
    throw phoneCodeErrors.error('PHONE_WECHAT_UNAVAILABLE', '目前只支持中国大陆手机号码');
  }
  return { phone: found.phone };
}

/** Proof of phone before an account is made or its password reset: texted codes, WeChat's phone number, 居民注册, 忘记密码. */
export const phoneCodeActions: ActionTable = {
  sendPhoneCode: defineAction({
    summary: '向手机发送6位验证码（注册、报到、重设密码），10分钟内有效、输错5次作废；同一号码60秒内只发一次、每天至多5次；是否已有账号答复都一样；本地开发环境答复中带 devCode',
    access: 'public',
    input: SendPhoneCodeInput,
    output: SendPhoneCodeView,
    errors: ['PHONE_CODE_TOO_SOON', 'PHONE_CODE_DAILY_LIMIT', 'PHONE_CODE_ADDRESS_LIMIT', 'PHONE_CODE_NOT_SENT'],
    run: (ctx, input) => sendPhoneCode(ctx, input),
  }),
  proveWechatPhone: defineAction({
    summary: '微信内：以 getPhoneNumber 按钮的授权码换取微信绑定的手机号码，答复号码和一个可代替短信验证码的验证码',
    access: 'public',
    input: ProveWechatPhoneInput,
    output: ProvenPhoneView,
    errors: ['PHONE_WECHAT_UNAVAILABLE'],
    prepare: (env, input) => wechatPhone(env, input.wxPhoneCode),
    run: (ctx, input, proven) => issueWechatProvenCode(ctx, proven.phone, input.purpose),
  }),
  signUp: defineAction({
    summary: '居民注册：凭手机验证码在所选社区开居民账号并登录；验证码正确而号码已有账号时答复 AUTH_PHONE_HAS_ACCOUNT',
    access: 'public',
    input: SignUpInput,
    output: SessionView,
    errors: [...CODE_CHECKS, 'AUTH_PHONE_HAS_ACCOUNT', 'REG_COMMUNITY_NOT_FOUND', 'REG_GRID_NOT_IN_COMMUNITY'],
    prepare: (env, input) => hashChosenPassword(env, input.password, { phone: input.phone, field: 'password', label: '登录密码' }),
    run: signUp,
  }),
  resetPassword: defineAction({
    summary: '忘记密码：凭手机验证码设置新密码，该账号所有已登录的会话随即失效',
    access: 'public',
    input: ResetPasswordInput,
    output: z.object({ reset: z.literal(true), sessionsEnded: z.number() }),
    errors: [...CODE_CHECKS, 'AUTH_PHONE_NO_ACCOUNT'],
    prepare: (env, input) => hashChosenPassword(env, input.newPassword, { phone: input.phone, field: 'newPassword', label: '新密码' }),
    run: resetPassword,
  }),
};
