import { callFunction } from '../api-client'
import type { z } from 'zod'
import type { ProveWechatPhoneInput, ProvenPhoneView, ResetPasswordInput, SendPhoneCodeInput, SendPhoneCodeView, SignUpInput } from '@core/auth/phone-code.schemas'
import type { ChangePasswordData, LoginData, SessionData, UserProfile } from './types'

export type SendPhoneCodeData = z.input<typeof SendPhoneCodeInput>
export type PhoneCodeSent = z.output<typeof SendPhoneCodeView>
export type ProveWechatPhoneData = z.input<typeof ProveWechatPhoneInput>
export type ProvenPhone = z.output<typeof ProvenPhoneView>
export type SignUpData = z.input<typeof SignUpInput>
export type ResetPasswordData = z.input<typeof ResetPasswordInput>

export const authApi = {
  login: (data: LoginData) => callFunction<SessionData>('auth', 'login', data),
  wxLogin: () => callFunction<SessionData>('auth', 'wxLogin', {}),
  bindWechat: (data: LoginData) => callFunction<SessionData>('auth', 'bindWechat', data),
  me: () => callFunction<UserProfile>('auth', 'me', {}),
  /** Every session of the account ends; the answer is this phone's new one. */
  changePassword: (data: ChangePasswordData) => callFunction<SessionData>('auth', 'changePassword', data),
  logout: () => callFunction<{ loggedOut: true }>('auth', 'logout', {}),
  sendPhoneCode: (data: SendPhoneCodeData) => callFunction<PhoneCodeSent>('auth', 'sendPhoneCode', data),
  proveWechatPhone: (data: ProveWechatPhoneData) => callFunction<ProvenPhone>('auth', 'proveWechatPhone', data),
  signUp: (data: SignUpData) => callFunction<SessionData>('auth', 'signUp', data),
  resetPassword: (data: ResetPasswordData) => callFunction<{ reset: true; sessionsEnded: number }>('auth', 'resetPassword', data),
}
