import { checkSessionToken, signSessionToken } from './session-token';

describe('session tokens', () => {
  const secret = 'unit-test-secret-0123456789abcdef0123456789';
  const sessionId = '3c9a1f0e-5b2d-4c8e-9f1a-7d6e5c4b3a21';
  const userId = '8f14e45f-ceea-4e7a-a5a4-4a1e2b7c9d01';
  const now = new Date('2026-11-23T01:00:00Z');
  const hoursLater = (hours: number, ms = 0) => new Date(now.getTime() + hours * 3_600_000 + ms);
  const expiresAt = now.getTime() / 1000 + 24 * 3600;
  const token = signSessionToken({ sessionId, userId, expiresAt }, secret);

  it('should carry the session, the user, the expiry in seconds and a signature', () => {
    const [session, user, expires, signature] = token.split('.');
    expect([session, user, Number(expires)]).toEqual([sessionId, userId, expiresAt]);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('should accept its own token before the expiry', () => {
    expect(checkSessionToken(token, secret, now)).toEqual({ ok: true, sessionId, userId });
    expect(checkSessionToken(token, secret, hoursLater(24, -1))).toEqual({ ok: true, sessionId, userId });
  });

  it.each([
    ['exactly at the expiry', hoursLater(24)],
    ['a second after the expiry', hoursLater(24, 1000)],
    ['a month later', hoursLater(24 * 30)],
  ])('should call the token expired %s', (_case, at) => {
    expect(checkSessionToken(token, secret, at)).toEqual({ ok: false, reason: 'expired' });
  });

  const [, , expires, signature] = token.split('.');
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  /** Signed with the right secret, but not of the token's shape. */
  const signedFor = (session: string, user: string) => signSessionToken({ sessionId: session, userId: user, expiresAt: Number(expires) }, secret);
  it.each([
    ['an empty token', ''],
    ['a token of the old three-part shape', `${userId}.${expires}.${signature}`],
    ['a tampered signature', `${sessionId}.${userId}.${expires}.${flip(signature, 5)}`],
    ['a truncated signature', `${sessionId}.${userId}.${expires}.${signature.slice(0, -1)}`],
    ['a longer expiry', `${sessionId}.${userId}.${Number(expires) + 3600}.${signature}`],
    ['another user', `${sessionId}.${userId.replace('8f14', '9f14')}.${expires}.${signature}`],
    ['another session', `${sessionId.replace('3c9a', '4c9a')}.${userId}.${expires}.${signature}`],
    ['a signature in hex', `${sessionId}.${userId}.${expires}.${Buffer.from(signature, 'base64url').toString('hex')}`],
    ['non-ASCII text', `${sessionId}.${userId}.${expires}.签名`],
    ['junk after the signature', `${token}x`],
    ['an extra part', `${token}.extra`],
    ['a space after it', `${token} `],
    ['a line break after it', `${token}\n`],
    ['padding on the signature', `${token}=`],
    ['upper-case ids', token.toUpperCase()],
    ['an expiry with a leading zero', `${sessionId}.${userId}.0${expires}.${signature}`],
    ['a well-signed token whose user id is not a UUID', signedFor(sessionId, 'not-a-uuid')],
    ['a well-signed token whose session id is not a UUID', signedFor("1' or '1'='1", userId)],
  ])('should refuse %s as malformed', (_case, forged) => {
    expect(checkSessionToken(forged, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('should refuse a token signed with another secret, even an expired one', () => {
    const foreign = signSessionToken({ sessionId, userId, expiresAt }, 'another-secret-0123456789abcdef0123456789');
    expect(checkSessionToken(foreign, secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSessionToken(foreign, secret, hoursLater(48))).toEqual({ ok: false, reason: 'malformed' });
  });
});
