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

/** How long an ended session's row stays, for a question about who was signed in when. */
const SESSION_ROWS_KEPT_DAYS = 90;

/** Opens a session row and answers the signed token that names it. */
export async function startSession(tx: Executor, start: SessionStart): Promise<{ sessionId: string; token: string }> {
  const sessionId = start.sessionId ?? randomUUID();
  const expiresAt = Math.floor(start.now.getTime() / 1000) + start.ttlHours * 3600;
  // Each login sweeps the user's own sessions that ended long ago, so the table stays the size of its live rows.
  await tx.query(
    `delete from sessions where user_id = $1 and coalesce(revoked_at, expires_at) < $2::timestamptz - interval '${SESSION_ROWS_KEPT_DAYS} days'`,
    [start.userId, start.now],
  );
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
