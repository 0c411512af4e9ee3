import type { Role, SessionData, UserProfile } from './api/types'
import { storage } from './storage'

const SESSION_KEY = 'dyg.session'

export interface Session {
  token: string
  /** Epoch milliseconds after which the server will answer SESSION_EXPIRED. */
  expiresAt: number
  profile: UserProfile
  /** The role whose pages the user is looking at; one of profile.roles. */
  activeRole: Role | null
}

type Listener = (session: Session | null) => void

let current: Session | null | undefined
/** Why the last session ended (the server's words), for the login prompt; null after a logout or a new login. */
let endedBecause: string | null = null
const listeners = new Set<Listener>()

/** Roles in the order a first login lands on: the most specific work first. */
const ROLE_PRIORITY: Role[] = ['secretary', 'member', 'resident', 'unit_admin', 'district_admin']

export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  member: '党员义工',
  secretary: '社区书记/管理员',
  unit_admin: '单位党组织',
  district_admin: '区/街道管理员',
}

export function rolesOf(profile: UserProfile): Role[] {
  const held = new Set(profile.roles.map((grant) => grant.role))
  return ROLE_PRIORITY.filter((role) => held.has(role))
}

function emit() {
  for (const listener of Array.from(listeners)) listener(current ?? null)
}

export function getSession(): Session | null {
  if (current === undefined) {
    const stored = storage.get<Session>(SESSION_KEY)
    current = stored && typeof stored.token === 'string' && stored.profile ? stored : null
  }
  return current
}

export const getToken = (): string | null => getSession()?.token ?? null

/** Keeps a fresh login; the active role survives a re-login when the user still holds it. */
export function saveSession(data: SessionData, now = Date.now()): Session {
  const roles = rolesOf(data.profile)
  const previous = getSession()?.activeRole ?? storage.get<Role>(`${SESSION_KEY}.lastRole`)
  const activeRole = previous && roles.includes(previous) ? previous : (roles[0] ?? null)
  endedBecause = null
  current = { token: data.token, expiresAt: now + data.expiresInHours * 3600_000, profile: data.profile, activeRole }
  storage.set(SESSION_KEY, current)
  emit()
  return current
}

export function updateProfile(profile: UserProfile): void {
  const session = getSession()
  if (!session) return
  const roles = rolesOf(profile)
  current = { ...session, profile, activeRole: session.activeRole && roles.includes(session.activeRole) ? session.activeRole : (roles[0] ?? null) }
  storage.set(SESSION_KEY, current)
  emit()
}

export function setActiveRole(role: Role): void {
  const session = getSession()
  if (!session || !rolesOf(session.profile).includes(role)) return
  current = { ...session, activeRole: role }
  storage.set(SESSION_KEY, current)
  storage.set(`${SESSION_KEY}.lastRole`, role)
  emit()
}

export const getSessionEndReason = (): string | null => endedBecause

/** The server refused a call until the initial password is changed: the shell takes the user to 修改密码. */
export function requirePasswordChange(): void {
  const session = getSession()
  if (!session || session.profile.mustChangePassword) return
  updateProfile({ ...session.profile, mustChangePassword: true })
}

/** Forgets the session; `reason` is shown on the login prompt when the server ended it. */
export function clearSession(reason: string | null = null): void {
  const hadSession = getSession() !== null
  endedBecause = reason
  current = null
  storage.remove(SESSION_KEY)
  if (hadSession) emit()
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** For tests: forget the in-memory copy so the next read goes to storage. */
export function resetSessionCache(): void {
  current = undefined
}
