import { main as auth } from '../../cloudfunctions/auth/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { buildCommunity, PASSWORD, type TestCommunity } from '../support/fixtures';
import { codeFor } from '../support/phone-code-fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('auth.resetPassword (忘记密码) and the password rules', () => {
  let db: Database;
  let a: TestCommunity;
  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'RP', { residents: 1 });
  });
  afterAll(async () => {
    await db.close();
  });
  const hashOf = async (phone: string) => (await db.query<{ password_hash: string }>('select password_hash from users where phone = $1', [phone]))[0].password_hash;

  it('should refuse a new password 修改密码 would refuse, under its field, leaving the password, the sessions and the code as they were', async () => {
    const resident = a.residents[0];
    const before = await hashOf(resident.phone);
    const phoneCode = await codeFor(resident.phone, 'reset_password');
    for (const [newPassword, words] of [
      ['12345678', '新密码不能是连续的数字'],
      ['11111111', '新密码不能全是同一个字符'],
      ['password', '新密码太常见，容易被别人猜到'],
      [`a${resident.phone}`, '新密码不能含本人手机号码'],
      ['short', '新密码至少8位'],
    ]) {
      const refused = await failed(call(auth, 'resetPassword', { phone: resident.phone, phoneCode, newPassword }));
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', fields: { newPassword: words } });
      expect(refused.message).toContain(words);
    }
    expect(await hashOf(resident.phone)).toBe(before);
    await ok(call(auth, 'me', {}, resident));
    await ok(call(auth, 'login', { phone: resident.phone, password: PASSWORD }));
    // The code was not spent on the refusals: the person fixes the password and goes on.
    expect(await ok(call(auth, 'resetPassword', { phone: resident.phone, phoneCode, newPassword: 'my-own-pass-7' }))).toMatchObject({ reset: true });
    await ok(call(auth, 'login', { phone: resident.phone, password: 'my-own-pass-7' }));
  });

  it('should lift the lock strangers’ guesses put on the phone, since the one resetting has proved they hold it', async () => {
    const [resident] = (await buildCommunity(db, 'RPL', { residents: 1 })).residents;
    for (let i = 0; i < 5; i++) await failed(call(auth, 'login', { phone: resident.phone, password: `guess-${i}` }));
    expect((await failed(call(auth, 'login', { phone: resident.phone, password: PASSWORD }))).code).toBe('AUTH_LOCKED');
    const phoneCode = await codeFor(resident.phone, 'reset_password');
    await ok(call(auth, 'resetPassword', { phone: resident.phone, phoneCode, newPassword: 'chunfeng2026' }));
    expect((await ok(call(auth, 'login', { phone: resident.phone, password: 'chunfeng2026' }))).token).toEqual(expect.any(String));
  });
});
