import { z } from 'zod';
import { defineAction, requireCaller, type ActionTable } from '../runtime';
import { authErrors } from './auth.errors';
import { LoginInput, ProfileView, SessionView } from './auth.schemas';
import { loadProfile } from './load-profile';
import { phoneCodeActions } from './phone-code-actions';
import { LiftedLoginLockView, LiftLoginLockInput, LoginLockView } from './login-lock.schemas';
import { liftLoginLock, listLoginLocks } from './login-locks';
import { bindWechat, logIn, logInWithWechat, prepareLogIn } from './log-in';

export { hashPassword, verifyPassword } from './password';
export { issueSessionToken } from './session-token';
export { openSession } from './log-in';
export { authErrors };

const codes = Object.keys(authErrors.catalogue);

export const authActions: ActionTable = {
  ...phoneCodeActions,
  login: defineAction({
    summary: '手机号码加密码登录，返回会话令牌（H5 与本地网关）',
    access: 'public',
    input: LoginInput,
    output: SessionView,
    errors: ['AUTH_BAD_CREDENTIALS', 'AUTH_LOCKED'],
    prepare: prepareLogIn,
    run: logIn,
  }),
  wxLogin: defineAction({
    summary: '微信内登录：以云函数取得的 OPENID 识别已绑定的账号',
    access: 'public',
    input: z.object({}),
    output: SessionView,
    errors: ['AUTH_WECHAT_UNAVAILABLE', 'AUTH_WECHAT_NOT_BOUND'],
    run: (ctx) => logInWithWechat(ctx),
  }),
  bindWechat: defineAction({
    summary: '把当前微信身份绑定到手机号码对应的账号',
    access: 'public',
    input: LoginInput,
    output: SessionView,
    errors: codes.filter((code) => code !== 'AUTH_WECHAT_NOT_BOUND'),
    prepare: prepareLogIn,
    run: bindWechat,
  }),
  loginLocks: defineAction({
    summary: '登录被锁定的账号（书记：本社区党员与居民；区管理员：本区所有人），附锁定到期时间',
    access: 'user',
    input: z.object({}),
    output: z.array(LoginLockView),
    errors: [],
    run: (ctx) => listLoginLocks(ctx),
  }),
  unlockLogin: defineAction({
    summary: '解除一个账号的登录锁定（书记：本社区党员与居民；区管理员：本区所有人），留有记录',
    access: 'user',
    input: LiftLoginLockInput,
    output: LiftedLoginLockView,
    errors: [],
    run: liftLoginLock,
  }),
  me: defineAction({
    summary: '当前用户的资料与全部角色（可切换）',
    access: 'user',
    input: z.object({}),
    output: ProfileView,
    errors: [],
    run: (ctx) => loadProfile(ctx.tx, requireCaller(ctx.caller).userId),
  }),
};
