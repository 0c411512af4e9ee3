import { defineErrors } from '../shared/domain-error';

export const phoneCodeErrors = defineErrors({
  PHONE_CODE_REQUIRED: '请填写验证码',
  PHONE_CODE_WRONG: '验证码不正确',
  PHONE_CODE_EXPIRED: '验证码已失效，请重新获取',
  PHONE_CODE_TOO_MANY_TRIES: '验证码输错次数过多，请重新获取',
  PHONE_CODE_TOO_SOON: '获取验证码太频繁',
  PHONE_CODE_DAILY_LIMIT: '该手机号码今天获取验证码的次数已用完，请明天再试',
  PHONE_CODE_ADDRESS_LIMIT: '本网络获取验证码的次数太多，请稍后再试',
  PHONE_CODE_NOT_SENT: '验证码短信发送失败，请稍后再试',
  PHONE_WECHAT_UNAVAILABLE: '没能取得微信绑定的手机号码，请改用短信验证码',
  AUTH_PHONE_HAS_ACCOUNT: '该手机号码已有账号，请直接登录；忘记密码可用验证码重设',
  AUTH_PHONE_NO_ACCOUNT: '该手机号码还没有账号，请先注册',
});
