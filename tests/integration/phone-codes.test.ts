import { main as auth } from '../../cloudfunctions/auth/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { authActions } from '../../cloudfunctions/_core/auth';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { createHandler } from '../../cloudfunctions/_core/runtime';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { codeFor } from '../support/phone-code-fixtures';
import { countRegistrationRows, memberForm, newPhone } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

const START = new Date('2026-11-23T01:00:00Z');
const PASSWORD = 'new-password-1';

/** Another of six digits than `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const withoutDevCode = ({ devCode, ...rest }: { devCode?: string }) => (expect(devCode).toMatch(/^\d{6}$/), rest);

describe('proof of phone: one-time codes before self-registration, 居民注册 and 忘记密码', () => {
  let db: Database;
  let a: TestCommunity;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'PC', { members: 1, residents: 4 });
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  /** A phone with an account; each test that asks for codes for one takes its own, as the clock starts over each time. */
  const registered = (which = 0) => a.residents[which].phone;
  const signUpData = (phone: string, phoneCode: string, overrides: Record<string, unknown> = {}) => ({
    name: '刘芳', phone, phoneCode, password: PASSWORD, communityId: a.communityId, address: '幸福花园2栋301室', ...overrides,
  });
  const userCount = async () => Number((await db.query<{ n: string }>('select count(*) as n from users'))[0].n);

  describe('registration.submit logged out', () => {
    it('should refuse a self-registration without a code, writing nothing, in the same words for a registered phone', async () => {
      const before = await countRegistrationRows(db);
      const fresh = await failed(call(registration, 'submit', { form: memberForm(a), password: PASSWORD }));
      expect(fresh).toEqual({ code: 'PHONE_CODE_REQUIRED', message: '请填写验证码', fields: { phoneCode: '请填写短信验证码' } });
      const taken = await failed(call(registration, 'submit', { form: memberForm(a, { phone: registered() }), password: PASSWORD }));
      expect(taken).toEqual(fresh);
      expect(await countRegistrationRows(db)).toEqual(before);
    });

    it('should refuse a code that was never sent, the same for a registered and an unregistered phone', async () => {
      const fresh = await failed(call(registration, 'submit', { form: memberForm(a), password: PASSWORD, phoneCode: '123456' }));
      expect(fresh).toEqual({ code: 'PHONE_CODE_EXPIRED', message: '验证码已失效，请重新获取', fields: { phoneCode: '验证码已失效，请重新获取' } });
      expect(await failed(call(registration, 'submit', { form: memberForm(a, { phone: registered() }), password: PASSWORD, phoneCode: '123456' }))).toEqual(fresh);
    });

    it('should count wrong codes and kill the code at the fifth, so that even the right one is refused after', async () => {
      const form = memberForm(a);
      const code = await codeFor(form.phone, 'register');
      const before = await countRegistrationRows(db);
      for (let left = 4; left >= 1; left--) {
        const error = await failed(call(registration, 'submit', { form, password: PASSWORD, phoneCode: wrong(code) }));
        expect(error).toMatchObject({ code: 'PHONE_CODE_WRONG', fields: { phoneCode: `验证码不正确，还可再试${left}次` } });
      }
      expect(await failed(call(registration, 'submit', { form, password: PASSWORD, phoneCode: wrong(code) })))
        .toMatchObject({ code: 'PHONE_CODE_TOO_MANY_TRIES', fields: { phoneCode: '输错次数过多，请重新获取验证码' } });
      expect((await failed(call(registration, 'submit', { form, password: PASSWORD, phoneCode: code }))).code).toBe('PHONE_CODE_TOO_MANY_TRIES');
      expect(await countRegistrationRows(db)).toEqual(before);

      clock.advanceMinutes(1.1);
      const again = await codeFor(form.phone, 'register');
      expect((await ok(call(registration, 'submit', { form, password: PASSWORD, phoneCode: again }))).session.profile.name).toBe(form.name);
    });

    it('should refuse a code past its ten minutes', async () => {
      const form = memberForm(a);
      const code = await codeFor(form.phone, 'register');
      clock.advanceMinutes(10.1);
      expect((await failed(call(registration, 'submit', { form, password: PASSWORD, phoneCode: code }))).code).toBe('PHONE_CODE_EXPIRED');
      clock.set(new Date(START.getTime() + 9.9 * 60_000));
      expect((await ok(call(registration, 'submit', { form, password: PASSWORD, phoneCode: code }))).registration.status).toBe('pending');
    });

    it('should take a code once, only for the purpose and the phone it was sent for, and only the newest one', async () => {
      const form = memberForm(a);
      const forSignUp = await codeFor(form.phone, 'sign_up');
      expect((await failed(call(registration, 'submit', { form, password: PASSWORD, phoneCode: forSignUp }))).code).toBe('PHONE_CODE_EXPIRED');
      clock.advanceMinutes(1.1);
      const first = await codeFor(form.phone, 'register');
      clock.advanceMinutes(1.1);
      const second = await codeFor(form.phone, 'register');
      if (first !== second) expect((await failed(call(registration, 'submit', { form, password: PASSWORD, phoneCode: first }))).code).toBe('PHONE_CODE_WRONG');
      expect((await failed(call(registration, 'submit', { form: { ...form, phone: newPhone() }, password: PASSWORD, phoneCode: second }))).code).toBe('PHONE_CODE_EXPIRED');
      const done = await ok(call(registration, 'submit', { form, password: PASSWORD, phoneCode: second }));
      await ok(call(registration, 'withdraw', { registrationId: done.registration.id }, { ...a.members[0], token: done.session.token }));
      expect((await failed(call(registration, 'submit', { form: { ...form, phone: newPhone() }, password: PASSWORD, phoneCode: second }))).code).toBe('PHONE_CODE_EXPIRED');
      expect((await failed(call(registration, 'submit', { form, password: PASSWORD, phoneCode: second }))).code).toBe('PHONE_CODE_EXPIRED');
    });

    it('should say that a phone has an account only to whoever proved they hold it', async () => {
      const code = await codeFor(registered(), 'register');
      expect(await failed(call(registration, 'submit', { form: memberForm(a, { phone: registered() }), password: PASSWORD, phoneCode: code })))
        .toMatchObject({ code: 'REG_PHONE_HAS_ACCOUNT', fields: { 'form.phone': '该手机号码已有账号，请先登录' } });
    });
  });

  describe('auth.sendPhoneCode', () => {
    it('should answer the same for a registered and an unregistered phone, the code only where it is printed to the console', async () => {
      const unregistered = newPhone();
      const fresh = await ok(call(auth, 'sendPhoneCode', { phone: unregistered, purpose: 'sign_up' }));
      const taken = await ok(call(auth, 'sendPhoneCode', { phone: registered(1), purpose: 'sign_up' }));
      expect(withoutDevCode(fresh)).toEqual({ expiresInMinutes: 10, resendInSeconds: 60 });
      expect(withoutDevCode(taken)).toEqual(withoutDevCode(fresh));
      expect(await failed(call(auth, 'sendPhoneCode', { phone: registered(1), purpose: 'sign_up' })))
        .toEqual(await failed(call(auth, 'sendPhoneCode', { phone: unregistered, purpose: 'sign_up' })));
    });

    it('should keep only a keyed hash of the code', async () => {
      const phone = newPhone();
      const code = await codeFor(phone, 'sign_up');
      const [row] = await db.query<{ code_hash: string }>('select code_hash from phone_codes where phone = $1', [phone]);
      expect(row.code_hash).not.toContain(code);
      expect(row.code_hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    });

    it('should send a phone one code a minute and five a day', async () => {
      const phone = newPhone();
      await codeFor(phone, 'sign_up');
      clock.advanceMinutes(0.5);
      expect(await failed(call(auth, 'sendPhoneCode', { phone, purpose: 'reset_password' })))
        .toEqual({ code: 'PHONE_CODE_TOO_SOON', message: '获取验证码太频繁：请30秒后再试', fields: { phone: '请30秒后再获取验证码' } });
      for (let sent = 2; sent <= 5; sent++) {
        clock.advanceMinutes(1.01);
        await codeFor(phone, 'sign_up');
      }
      clock.advanceMinutes(5);
      expect(await failed(call(auth, 'sendPhoneCode', { phone, purpose: 'sign_up' })))
        .toMatchObject({ code: 'PHONE_CODE_DAILY_LIMIT', fields: { phone: '今天获取验证码的次数已用完，请明天再试' } });
      clock.advanceMinutes(24 * 60);
      await codeFor(phone, 'sign_up');
    });

    it('should cap the codes one client address asks for, whatever the phones', async () => {
      const from = (phone: string, clientAddress: string) => auth({ action: 'sendPhoneCode', data: { phone, purpose: 'sign_up' } }, { clientAddress });
      for (let i = 0; i < 20; i++) await ok(from(newPhone(), '203.0.113.7'));
      expect((await failed(from(newPhone(), '203.0.113.7'))).code).toBe('PHONE_CODE_ADDRESS_LIMIT');
      await ok(from(newPhone(), '203.0.113.8'));
    });

    it('should name a bad phone or purpose', async () => {
      expect((await failed(call(auth, 'sendPhoneCode', { phone: '1380013800', purpose: 'sign_up' }))).fields).toEqual({ phone: '手机号码须为11位手机号码' });
      expect((await failed(call(auth, 'sendPhoneCode', { phone: newPhone(), purpose: 'other' }))).fields).toEqual({
        purpose: '验证码用途须为以下之一：sign_up、register、reset_password',
      });
    });
  });

  describe('auth.signUp (居民注册)', () => {
    it('should make a resident of the chosen community and log them in', async () => {
      const phone = newPhone();
      const session = await ok(call(auth, 'signUp', signUpData(phone, await codeFor(phone, 'sign_up'), { gridId: a.gridIds[1] })));
      expect(session.profile).toMatchObject({ name: '刘芳', roles: [expect.objectContaining({ role: 'resident', orgId: a.communityId })], member: null });
      expect(await db.query('select community_id, grid_id, address from residents where user_id = $1', [session.profile.userId]))
        .toEqual([{ community_id: a.communityId, grid_id: a.gridIds[1], address: '幸福花园2栋301室' }]);
      expect((await ok(call(auth, 'me', {}, { ...a.residents[0], token: session.token }))).userId).toBe(session.profile.userId);
      expect((await ok(call(auth, 'login', { phone, password: PASSWORD }))).profile.userId).toBe(session.profile.userId);
    });

    it('should refuse a password 修改密码 would refuse, under 登录密码, before spending the code; 报到 alike', async () => {
      const phone = newPhone();
      const before = await userCount();
      const phoneCode = await codeFor(phone, 'sign_up');
      for (const [password, words] of [['12345678', '登录密码不能是连续的数字'], [`x${phone}`, '登录密码不能含本人手机号码'], ['password', '登录密码太常见，容易被别人猜到']]) {
        expect(await failed(call(auth, 'signUp', signUpData(phone, phoneCode, { password })))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: words } });
      }
      expect(await userCount()).toBe(before);
      await ok(call(auth, 'signUp', signUpData(phone, phoneCode)));

      const form = memberForm(a);
      const refused = await failed(call(registration, 'submit', { form, password: '11111111', phoneCode: await codeFor(form.phone, 'register') }));
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: '登录密码不能全是同一个字符' } });
    });

    it('should refuse without a right code in the same words whether or not the phone has an account, and write nothing', async () => {
      const fresh = newPhone();
      const before = await userCount();
      for (const phoneCode of ['', '12345', 'abcdef']) {
        expect((await failed(call(auth, 'signUp', signUpData(fresh, phoneCode)))).fields).toEqual({ phoneCode: '验证码须为6位数字' });
      }
      const unsent = [await failed(call(auth, 'signUp', signUpData(fresh, '123456'))), await failed(call(auth, 'signUp', signUpData(registered(2), '123456')))];
      expect(unsent[1]).toEqual(unsent[0]);
      const codes = [await codeFor(fresh, 'sign_up'), await codeFor(registered(2), 'sign_up')];
      const wrongs = [await failed(call(auth, 'signUp', signUpData(fresh, wrong(codes[0])))), await failed(call(auth, 'signUp', signUpData(registered(2), wrong(codes[1]))))];
      expect(wrongs[0].code).toBe('PHONE_CODE_WRONG');
      expect(wrongs[1]).toEqual(wrongs[0]);
      expect(await userCount()).toBe(before);
    });

    it('should not open a second account for a phone that has one: it says so to whoever proved the phone', async () => {
      const before = await userCount();
      const error = await failed(call(auth, 'signUp', signUpData(registered(3), await codeFor(registered(3), 'sign_up'))));
      expect(error).toEqual({
        code: 'AUTH_PHONE_HAS_ACCOUNT', message: '该手机号码已有账号，请直接登录；忘记密码可用验证码重设', fields: { phone: '该手机号码已有账号，请直接登录或重设密码' },
      });
      expect(await userCount()).toBe(before);
    });

    it('should refuse an unknown community or a grid of another, before spending the code', async () => {
      const phone = newPhone();
      const code = await codeFor(phone, 'sign_up');
      expect(await failed(call(auth, 'signUp', signUpData(phone, code, { communityId: a.gridIds[0] })))).toMatchObject({ code: 'REG_COMMUNITY_NOT_FOUND', fields: { communityId: '找不到该社区' } });
      expect(await failed(call(auth, 'signUp', signUpData(phone, code, { communityId: undefined })))).toMatchObject({ fields: { communityId: '请选择所在社区' } });
      expect(await failed(call(auth, 'signUp', signUpData(phone, code, { address: ' ' })))).toMatchObject({ fields: { address: '家庭住址不能为空' } });
      await ok(call(auth, 'signUp', signUpData(phone, code)));
    });
  });

  describe('auth.resetPassword (忘记密码)', () => {
    it('should set a new password with a code and end every session the account had', async () => {
      const phone = newPhone();
      const first = await ok(call(auth, 'signUp', signUpData(phone, await codeFor(phone, 'sign_up'))));
      const asFirst = { ...a.residents[0], token: first.token };
      await ok(call(auth, 'me', {}, asFirst));
      clock.advanceMinutes(1.1);
      expect((await failed(call(auth, 'resetPassword', { phone, phoneCode: '000000', newPassword: 'another-pass-2' }))).code).toMatch(/^PHONE_CODE_/);
      const answer = await ok(call(auth, 'resetPassword', { phone, phoneCode: await codeFor(phone, 'reset_password'), newPassword: 'another-pass-2' }));
      expect(answer).toEqual({ reset: true, sessionsEnded: 1 });
      expect((await failed(call(auth, 'me', {}, asFirst))).code).toBe('SESSION_EXPIRED');
      expect((await failed(call(auth, 'login', { phone, password: PASSWORD }))).code).toBe('AUTH_BAD_CREDENTIALS');
      await ok(call(auth, 'login', { phone, password: 'another-pass-2' }));
    });
  });

  describe('WeChat phone number (getPhoneNumber)', () => {
    const wechat = (numbers: Record<string, { phone: string; countryCode: string }>) =>
      createHandler(authActions, { wxPhoneNumber: async (code) => numbers[code] });

    it('should exchange the button’s code for the phone WeChat vouches for, which then signs up like a texted code', async () => {
      const phone = newPhone();
      const main = wechat({ 'wx-code-1': { phone, countryCode: '86' } });
      const proven = await ok(call(main, 'proveWechatPhone', { wxPhoneCode: 'wx-code-1', purpose: 'sign_up' }));
      expect(proven).toEqual({ phone, phoneCode: expect.stringMatching(/^\d{6}$/), expiresInMinutes: 10 });
      const session = await ok(call(main, 'signUp', signUpData(phone, proven.phoneCode)));
      expect(session.profile.roles).toEqual([expect.objectContaining({ role: 'resident', orgId: a.communityId })]);
    });

    it('should refuse a code WeChat does not know, a number outside the mainland, and outside WeChat', async () => {
      const main = wechat({ 'wx-hk': { phone: '91234567', countryCode: '852' } });
      expect(await failed(call(main, 'proveWechatPhone', { wxPhoneCode: 'wx-unknown', purpose: 'sign_up' }))).toMatchObject({ code: 'PHONE_WECHAT_UNAVAILABLE' });
      expect((await failed(call(main, 'proveWechatPhone', { wxPhoneCode: 'wx-hk', purpose: 'sign_up' }))).message).toBe('没能取得微信绑定的手机号码，请改用短信验证码：目前只支持中国大陆手机号码');
      expect((await failed(call(auth, 'proveWechatPhone', { wxPhoneCode: 'wx-code-1', purpose: 'sign_up' }))).code).toBe('PHONE_WECHAT_UNAVAILABLE');
    });
  });
});
