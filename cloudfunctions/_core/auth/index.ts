import * as z from 'zod';
import { defineAction, requireCaller, type ActionTable } from '../runtime';
import { authErrors } from './auth.errors';
import { ChangePasswordInput, LoginInput, LogoutView, ProfileView, SessionView } from './auth.schemas';
import { changePassword, preparePasswordChange } from './change-password';
import { loadProfile } from './load-profile';
import { LiftedLoginLockView, LiftLoginLockInput, LoginLockView } from './login-lock.schemas';
import { liftLoginLock, listLoginLocks } from './login-locks';
import { phoneCodeActions } from './phone-code-actions';
import { bindWechat, logIn, logInWithWechat, prepareLogIn } from './log-in';
import { logOut } from './log-out';

export { hashPassword, verifyPassword } from './password';
export { signSessionToken } from './session-token';
export { revokeSession, revokeSessionsOf, startSession, type SessionEndReason } from './sessions';
export { openSession } from './log-in';
export { authErrors };

export const authActions: ActionTable = {
  ...phoneCodeActions,
  login: defineAction({
    summary: '手机号码加密码登录，返回会话令牌（H5 与本地网关）',
    access: 'public',
    input: LoginInput,
    output: SessionView,
    errors: ['AUTH_BAD_CREDENTIALS', 'AUTH_LOCKED'],
    openBeforePasswordChange: true,
    prepare: prepareLogIn,
    run: logIn,
  }),
  wxLogin: defineAction({
    summary: '微信内登录：以云函数取得的 OPENID 识别已绑定的账号',
    access: 'public',
    input: z.object({}),
    output: SessionView,
    errors: ['AUTH_WECHAT_UNAVAILABLE', 'AUTH_WECHAT_NOT_BOUND'],
    openBeforePasswordChange: true,
    run: (ctx) => logInWithWechat(ctx),
  }),
  bindWechat: defineAction({
    summary: '把当前微信身份绑定到手机号码对应的账号',
    access: 'public',
    input: LoginInput,
    output: SessionView,
    errors: ['AUTH_BAD_CREDENTIALS', 'AUTH_LOCKED', 'AUTH_WECHAT_UNAVAILABLE', 'AUTH_WECHAT_BOUND_ELSEWHERE'],
    openBeforePasswordChange: true,
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
    openBeforePasswordChange: true,
    run: (ctx) => loadProfile(ctx.tx, requireCaller(ctx.caller).userId),
  }),
  changePassword: defineAction({
    summary: '修改密码（原密码加新密码）：本账号的全部会话结束，本机换发新的会话；初始密码登录后须先改密码',
    access: 'user',
    input: ChangePasswordInput,
    output: SessionView,
    errors: ['AUTH_OLD_PASSWORD_WRONG', 'AUTH_PASSWORD_CHANGED_MEANWHILE', 'AUTH_LOCKED'],
    openBeforePasswordChange: true,
    prepare: preparePasswordChange,
    run: changePassword,
  }),
  logout: defineAction({
    summary: '退出登录：结束本次会话，令牌随即失效',
    access: 'user',
    input: z.object({}),
    output: LogoutView,
    errors: [],
    openBeforePasswordChange: true,
    run: (ctx) => logOut(ctx),
  }),
};
