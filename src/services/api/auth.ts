import { callFunction } from '../api-client'
import type { LoginData, SessionData, UserProfile } from './types'

export const authApi = {
  login: (data: LoginData) => callFunction<SessionData>('auth', 'login', data),
  wxLogin: () => callFunction<SessionData>('auth', 'wxLogin', {}),
  bindWechat: (data: LoginData) => callFunction<SessionData>('auth', 'bindWechat', data),
  me: () => callFunction<UserProfile>('auth', 'me', {}),
}
