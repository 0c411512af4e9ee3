import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a token says: which session row, whose, and until when (epoch seconds). */
export interface SessionClaims {
  sessionId: string;
  userId: string;
  expiresAt: number;
}

export type TokenCheck = ({ ok: true } & Omit<SessionClaims, 'expiresAt'>) | { ok: false; reason: 'malformed' | 'expired' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The whole token and nothing else: two UUIDs, the expiry in seconds, a 43-character base64url HMAC-SHA256. */
const TOKEN_SHAPE = new RegExp(`^(${UUID})\\.(${UUID})\\.([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{43})$`);
const VERSION = 'v2';

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest('base64url');

/** A signed token naming a session row: `sessionId.userId.expiresAtSeconds.signature`. */
export function signSessionToken(claims: SessionClaims, secret: string): string {
  const payload = `${claims.sessionId}.${claims.userId}.${claims.expiresAt}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** Checks shape, signature and expiry; whether the session is still open is the database's to say. */
export function checkSessionToken(token: string, secret: string, now: Date): TokenCheck {
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, sessionId, userId, expires, signature] = match;
  const expected = Buffer.from(sign(`${sessionId}.${userId}.${expires}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'malformed' };
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, sessionId, userId };
}
