import { useEffect, useState } from 'react'
import { getSession, subscribeSession, type Session } from '@/services/session'

/** The current session, re-rendering when it changes (login, role switch, logout, expiry). */
export function useSession(): Session | null {
  const [session, setSession] = useState(getSession)
  useEffect(() => {
    setSession(getSession())
    return subscribeSession(setSession)
  }, [])
  return session
}
