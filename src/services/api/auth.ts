import { callFunction } from '../api-client'
import type { z } from 'zod'
import type { ProveWechatPhoneInput, ProvenPhoneView, ResetPasswordInput, SendPhoneCodeInput, SendPhoneCodeView, SignUpInput } from '@core/auth/phone-code.schemas'
import type { LiftedLoginLockView, LoginLockView } from '@core/auth/login-lock.schemas'
import type { ChangePasswordData, LoginData, SessionData, UserProfile } from './types'

export type SendPhoneCodeData = z.input<typeof SendPhoneCodeInput>
export type PhoneCodeSent = z.output<typeof SendPhoneCodeView>
export type ProveWechatPhoneData = z.input<typeof ProveWechatPhoneInput>
export type ProvenPhone = z.output<typeof ProvenPhoneView>
export type SignUpData = z.input<typeof SignUpInput>
export type ResetPasswordData = z.input<typeof ResetPasswordInput>
export type LoginLock = z.output<typeof LoginLockView>

export const authApi = {
  login: (data: LoginData) => callFunction<SessionData>('auth', 'login', data),
  wxLogin: () => callFunction<SessionData>('auth', 'wxLogin', {}),
  bindWechat: (data: LoginData) => callFunction<SessionData>('auth', 'bindWechat', data),
  me: () => callFunction<UserProfile>('auth', 'me', {}),
  /** Every session of the account ends; the answer is this phone's new one. */
  changePassword: (data: ChangePasswordData) => callFunction<SessionData>('auth', 'changePassword', data),
  logout: () => callFunction<{ loggedOut: true }>('auth', 'logout', {}),
  /** Accounts in the caller's care locked by failed logins (secretary: her community; district admin: the district). */
  loginLocks: () => callFunction<LoginLock[]>('auth', 'loginLocks', {}),
  unlockLogin: (userId: string) => callFunction<z.output<typeof LiftedLoginLockView>>('auth', 'unlockLogin', { userId }),
  sendPhoneCode: (data: SendPhoneCodeData) => callFunction<PhoneCodeSent>('auth', 'sendPhoneCode', data),
  proveWechatPhone: (data: ProveWechatPhoneData) => callFunction<ProvenPhone>('auth', 'proveWechatPhone', data),
  signUp: (data: SignUpData) => callFunction<SessionData>('auth', 'signUp', data),
  resetPassword: (data: ResetPasswordData) => callFunction<{ reset: true; sessionsEnded: number }>('auth', 'resetPassword', data),
}
