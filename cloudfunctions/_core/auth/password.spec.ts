import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  const COST = 1024;

  it('should store the scheme, the cost, a salt and the hash', async () => {
    const stored = await hashPassword('正确的密码-1', COST);
    const [scheme, cost, salt, hash] = stored.split('$');
    expect([scheme, cost]).toEqual(['scrypt', '1024']);
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash, 'base64')).toHaveLength(32);
  });

  it('should verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('correct horse', COST);
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse ', stored)).resolves.toBe(false);
    await expect(verifyPassword('Correct horse', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('should salt every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same', COST), hashPassword('same', COST)]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same', a)).resolves.toBe(true);
    await expect(verifyPassword('same', b)).resolves.toBe(true);
  });

  it('should verify with the cost stored in the hash, not a current setting', async () => {
    const stored = await hashPassword('raised later', 2048);
    expect(stored.split('$')[1]).toBe('2048');
    await expect(verifyPassword('raised later', stored)).resolves.toBe(true);
  });

  it.each([
    ['no hash at all', null],
    ['an empty hash', ''],
    ['another scheme', 'bcrypt$10$abc$def'],
    ['a hash with a part missing', 'scrypt$1024$AAAAAAAAAAAAAAAAAAAAAA=='],
    ['a truncated hash', 'scrypt$1024$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
  ])('should refuse %s', async (_case, stored) => {
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
  });
});
