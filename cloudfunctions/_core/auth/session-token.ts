import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenCheck = { ok: true; userId: string } | { ok: false; reason: 'malformed' | 'expired' };

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A stateless session token for callers outside WeChat: `userId.expiresAtSeconds.signature`. */
export function issueSessionToken(userId: string, secret: string, now: Date, ttlHours: number): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlHours * 3600;
  const payload = `${userId}.${expires}`;
  return `${payload}.${sign(payload, secret)}`;
}

export function checkSessionToken(token: string, secret: string, now: Date): TokenCheck {
  const [userId, expires, signature] = token.split('.');
  if (!userId || !expires || !signature) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(`${userId}.${expires}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'malformed' };
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId };
}
