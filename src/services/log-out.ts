import { authApi } from './api/auth'
import { goToLogin } from './navigation'
import { clearSession, getSession } from './session'

/** 退出登录: the server ends this session (its token is refused from now on), then this phone forgets it. */
export async function logOut(): Promise<void> {
  // Offline or already ended, the phone forgets the session all the same.
  if (getSession()) await authApi.logout()
  clearSession()
  void goToLogin()
}
