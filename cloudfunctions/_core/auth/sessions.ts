import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/database';
import { signSessionToken } from './session-token';

/** Why a session ended early; kept on its row. */
export type SessionEndReason = 'logout' | 'password_changed' | 'password_reset' | 'role_revoked' | 'left';

export interface SessionStart {
  userId: string;
  secret: string;
  now: Date;
  ttlHours: number;
  sessionId?: string;
}

/** Opens a session row and answers the signed token that names it. */
export async function startSession(tx: Executor, start: SessionStart): Promise<{ sessionId: string; token: string }> {
  const sessionId = start.sessionId ?? randomUUID();
  const expiresAt = Math.floor(start.now.getTime() / 1000) + start.ttlHours * 3600;
  await tx.query('insert into sessions (id, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [
    sessionId, start.userId, start.now, new Date(expiresAt * 1000),
  ]);
  return { sessionId, token: signSessionToken({ sessionId, userId: start.userId, expiresAt }, start.secret) };
}

/** Ends one session (logout): its token is refused from the next call on. */
export async function revokeSession(tx: Executor, sessionId: string, reason: SessionEndReason, now = new Date()): Promise<void> {
  await tx.query('update sessions set revoked_at = $2, revoke_reason = $3 where id = $1 and revoked_at is null', [sessionId, now, reason]);
}

/** Ends every open session of a user (password changed or reset, role withdrawn, 注销); answers how many. */
export async function revokeSessionsOf(tx: Executor, userId: string, reason: SessionEndReason, now = new Date()): Promise<number> {
  const rows = await tx.query(
    'update sessions set revoked_at = $2, revoke_reason = $3 where user_id = $1 and revoked_at is null returning id',
    [userId, now, reason],
  );
  return rows.length;
}

/**
 * A bound WeChat signs in without a password, so it is a standing session too: after a password change
 * or reset only the WeChat that made the change (if any) stays bound; any other must bind again.
 */
export async function unbindOtherWechat(tx: Executor, userId: string, keepOpenId: string | undefined): Promise<void> {
  await tx.query('update users set wx_openid = null where id = $1 and wx_openid is distinct from $2', [userId, keepOpenId ?? null]);
}
