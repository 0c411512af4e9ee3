import { checkSessionToken, issueSessionToken } from './session-token';

describe('session tokens', () => {
  const secret = 'unit-test-secret-0123456789abcdef0123456789';
  const userId = '8f14e45f-ceea-4e7a-a5a4-4a1e2b7c9d01';
  const now = new Date('2026-11-23T01:00:00Z');
  const hoursLater = (hours: number, ms = 0) => new Date(now.getTime() + hours * 3_600_000 + ms);
  const token = issueSessionToken(userId, secret, now, 24);

  it('should carry the user, the expiry in seconds and a signature', () => {
    const [id, expires, signature] = token.split('.');
    expect(id).toBe(userId);
    expect(Number(expires)).toBe(now.getTime() / 1000 + 24 * 3600);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('should accept its own token before the expiry', () => {
    expect(checkSessionToken(token, secret, now)).toEqual({ ok: true, userId });
    expect(checkSessionToken(token, secret, hoursLater(24, -1))).toEqual({ ok: true, userId });
  });

  it.each([
    ['exactly at the expiry', hoursLater(24)],
    ['a second after the expiry', hoursLater(24, 1000)],
    ['a month later', hoursLater(24 * 30)],
  ])('should call the token expired %s', (_case, at) => {
    expect(checkSessionToken(token, secret, at)).toEqual({ ok: false, reason: 'expired' });
  });

  it('should call a token issued in the past expired', () => {
    const old = issueSessionToken(userId, secret, hoursLater(-48), 24);
    expect(checkSessionToken(old, secret, now)).toEqual({ ok: false, reason: 'expired' });
  });

  const [id, expires, signature] = token.split('.');
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  it.each([
    ['an empty token', ''],
    ['a token with two parts', `${id}.${expires}`],
    ['a tampered signature', `${id}.${expires}.${flip(signature, 5)}`],
    ['a truncated signature', `${id}.${expires}.${signature.slice(0, -1)}`],
    ['a longer expiry', `${id}.${Number(expires) + 3600}.${signature}`],
    ['another user', `${userId.replace('8f14', '9f14')}.${expires}.${signature}`],
    ['a signature in hex', `${id}.${expires}.${Buffer.from(signature, 'base64url').toString('hex')}`],
    ['non-ASCII text', `${id}.${expires}.签名`],
  ])('should refuse %s as malformed', (_case, forged) => {
    expect(checkSessionToken(forged, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('should refuse a token signed with another secret, even an expired one', () => {
    const foreign = issueSessionToken(userId, 'another-secret-0123456789abcdef0123456789', now, 24);
    expect(checkSessionToken(foreign, secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSessionToken(foreign, secret, hoursLater(48))).toEqual({ ok: false, reason: 'malformed' });
  });
});
