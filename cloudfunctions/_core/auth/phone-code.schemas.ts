import * as z from 'zod';
import { field } from '../shared/fields';
import { ChangePasswordInput } from './auth.schemas';
import { PHONE_CODE_PURPOSES } from './phone-code';

/** The six digits a person types from the text message. */
export const phoneCodeField = () =>
  field.string('验证码', '请填写验证码').regex(/^\d{6}$/, '验证码须为6位数字');

export const newAccountPassword = () =>
  field.password('登录密码', { min: 8, max: 64 });

export const SendPhoneCodeInput = z.object({
  phone: field.phone('手机号码'),
  purpose: field.oneOf('验证码用途', PHONE_CODE_PURPOSES),
});

export const SendPhoneCodeView = z.object({
  expiresInMinutes: z.number(),
  resendInSeconds: z.number(),
  /** Only where codes go to the console (the local gateway): the page shows it in a 开发环境 banner. */
  devCode: z.string().optional(),
});

export const ProveWechatPhoneInput = z.object({
  wxPhoneCode: field.string('微信手机号授权码', '缺少微信手机号授权码').min(1, '缺少微信手机号授权码').max(128, '微信手机号授权码格式不正确'),
  purpose: field.oneOf('验证码用途', PHONE_CODE_PURPOSES),
});

/** The caller's own phone, as WeChat vouched for it, and a code that proves it like a texted one. */
export const ProvenPhoneView = z.object({ phone: z.string(), phoneCode: z.string(), expiresInMinutes: z.number() });

export const SignUpInput = z.object({
  name: field.text('姓名', { max: 30 }),
  phone: field.phone('手机号码'),
  phoneCode: phoneCodeField(),
  password: newAccountPassword(),
  communityId: field.chosenId('所在社区'),
  gridId: field.id('网格').optional(),
  address: field.text('家庭住址', { max: 120 }),
});

/** 忘记密码: the new password follows the same rules as 修改密码's (checked against the phone in the prepare phase). */
export const ResetPasswordInput = z.object({
  phone: field.phone('手机号码'),
  phoneCode: phoneCodeField(),
  newPassword: ChangePasswordInput.shape.newPassword,
});

export type SendPhoneCodeInput = z.output<typeof SendPhoneCodeInput>;
export type SignUpInput = z.output<typeof SignUpInput>;
export type ResetPasswordInput = z.output<typeof ResetPasswordInput>;
