import { defineErrors } from '../shared/domain-error';

export const authErrors = defineErrors({
  AUTH_BAD_CREDENTIALS: '手机号码或密码不正确',
  AUTH_WECHAT_UNAVAILABLE: '当前不在微信环境中，请用手机号码和密码登录',
  AUTH_WECHAT_NOT_BOUND: '该微信尚未绑定账号，请先用手机号码和密码登录并绑定',
  AUTH_WECHAT_BOUND_ELSEWHERE: '该微信已绑定其他账号',
  AUTH_LOCKED: '登录失败次数过多，已暂时锁定',
  AUTH_PASSWORD_CHANGE_REQUIRED: '请先修改初始密码，再使用其他功能',
  AUTH_OLD_PASSWORD_WRONG: '原密码不正确',
  AUTH_PASSWORD_CHANGED_MEANWHILE: '密码刚刚已被修改，请重新登录后再试',
});
