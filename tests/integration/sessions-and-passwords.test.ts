import { createHmac, randomUUID } from 'node:crypto';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as privacy } from '../../cloudfunctions/privacy/index';
import { signSessionToken } from '../../cloudfunctions/_core/auth';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { buildCommunity, createDistrictAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const CHINESE = /[\u4e00-\u9fa5]/;

describe('sessions and passwords: strict tokens, logout, password change, sessions that end with the role', () => {
  let db: Database;
  let a: TestCommunity;
  let admin: TestUser;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'S', { members: 4, residents: 2 });
    admin = await createDistrictAdmin(db, a.districtId);
  });
  afterAll(async () => {
    await db.close();
  });

  const me = (token: string) => auth({ action: 'me', data: {}, token });
  const logIn = async (who: { phone: string }, password: string) => (await ok(call(auth, 'login', { phone: who.phone, password }))).token as string;
  const as = (who: TestUser, token: string): TestUser => ({ ...who, token });
  const passwordHashOf = async (userId: string) =>
    (await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [userId]))[0].password_hash;
  const openSessionsOf = async (userId: string) =>
    (await db.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1 and revoked_at is null', [userId]))[0].n;

  describe('token parsing', () => {
    it('should refuse a valid token with junk appended as UNAUTHENTICATED', async () => {
      const token = a.residents[0].token;
      expect((await ok(me(token))).userId).toBe(a.residents[0].id);
      for (const junk of [`${token}.extra`, `${token}.${token}`, `${token}..`, `${token} `, `${token}x`]) {
        const error = await failed(me(junk));
        expect(error.code).toBe('UNAUTHENTICATED');
        expect(error.message).toMatch(CHINESE);
        expect(JSON.stringify(error)).not.toContain(token);
      }
    });

    it('should refuse a correctly signed token whose user id is not a UUID as UNAUTHENTICATED, never INTERNAL', async () => {
      const secret = process.env.SESSION_SECRET!;
      const expires = Math.floor(Date.now() / 1000) + 3600;
      const hmac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
      const oldShape = (userId: string) => `${userId}.${expires}.${hmac(`${userId}.${expires}`)}`;
      const forged = [
        oldShape('not-a-uuid'),
        oldShape("1' or '1'='1"),
        signSessionToken({ sessionId: randomUUID(), userId: 'not-a-uuid', expiresAt: expires }, secret),
        signSessionToken({ sessionId: 'not-a-uuid', userId: a.residents[0].id, expiresAt: expires }, secret),
      ];
      for (const token of forged) {
        expect((await failed(me(token))).code).toBe('UNAUTHENTICATED');
        expect((await failed(call(demands, 'listMine', {}, as(a.residents[0], token)))).code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('退出登录', () => {
    it('should end the session it was called with, and only that one', async () => {
      const member = a.members[0];
      const phoneToken = await logIn(member, member.password);
      const computerToken = await logIn(member, member.password);
      expect(await ok(call(auth, 'logout', {}, as(member, phoneToken)))).toEqual({ loggedOut: true });
      const error = await failed(me(phoneToken));
      expect(error.code).toBe('SESSION_EXPIRED');
      expect(error.message).toMatch(CHINESE);
      expect((await failed(call(orders, 'listOpen', {}, as(member, phoneToken)))).code).toBe('SESSION_EXPIRED');
      expect((await ok(me(computerToken))).userId).toBe(member.id);
      const [row] = await db.query<{ revoke_reason: string }>('select revoke_reason from sessions where revoked_at is not null and user_id = $1', [member.id]);
      expect(row.revoke_reason).toBe('logout');
    });

    it('should sweep a user’s sessions that ended more than 90 days ago when they log in, keeping recent ones', async () => {
      const member = a.members[3];
      const insert = (endedDaysAgo: number) =>
        db.query(
          `insert into sessions (id, user_id, created_at, expires_at, revoked_at, revoke_reason)
           values ($1, $2, now() - interval '200 days', now() + interval '1 day', now() - make_interval(days => $3), 'logout')`,
          [randomUUID(), member.id, endedDaysAgo],
        );
      await insert(120);
      await insert(30);
      await logIn(member, member.password);
      const ended = await db.query<{ days: number }>(
        "select extract(day from now() - revoked_at)::int as days from sessions where user_id = $1 and revoked_at is not null", [member.id],
      );
      expect(ended.map((row) => row.days)).toEqual([30]);
    });

    it('should refuse a logout without a session', async () => {
      expect((await failed(auth({ action: 'logout', data: {} }))).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('修改密码', () => {
    it('should end every session of the account, answer a fresh one, and make the new password the only one that logs in', async () => {
      const member = a.members[1];
      const first = await logIn(member, member.password);
      const second = await logIn(member, member.password);
      const changed = await ok(call(auth, 'changePassword', { oldPassword: member.password, newPassword: 'chunfeng2026' }, as(member, first)));
      expect(changed).toMatchObject({ token: expect.any(String), expiresInHours: expect.any(Number), profile: { userId: member.id, mustChangePassword: false } });
      for (const old of [first, second, member.token]) expect((await failed(me(old))).code).toBe('SESSION_EXPIRED');
      expect((await ok(me(changed.token))).userId).toBe(member.id);
      expect(await openSessionsOf(member.id)).toBe(1);
      expect((await failed(call(auth, 'login', { phone: member.phone, password: member.password }))).code).toBe('AUTH_BAD_CREDENTIALS');
      expect((await ok(me(await logIn(member, 'chunfeng2026')))).userId).toBe(member.id);
    });

    it('should refuse a wrong old password, naming the field, and change nothing', async () => {
      const member = a.members[2];
      const hash = await passwordHashOf(member.id);
      const sessions = await openSessionsOf(member.id);
      const error = await failed(call(auth, 'changePassword', { oldPassword: 'not-my-password', newPassword: 'chunfeng2026' }, member));
      expect(error).toMatchObject({ code: 'AUTH_OLD_PASSWORD_WRONG', fields: { oldPassword: '原密码不正确' } });
      expect(await passwordHashOf(member.id)).toBe(hash);
      expect(await openSessionsOf(member.id)).toBe(sessions);
      expect((await ok(me(member.token))).userId).toBe(member.id);
    });

    it.each([
      ['too short', 'ab12cd3', '新密码至少8位'],
      ['one digit eight times', '66666666', '新密码不能全是同一个字符'],
      ['digits counting up', '12345678', '新密码不能是连续的数字'],
      ['the old password', 'test-password-1', '新密码不能与原密码相同'],
    ])('should refuse a new password that is %s, naming the field', async (_case, newPassword, message) => {
      const member = a.members[2];
      const hash = await passwordHashOf(member.id);
      const error = await failed(call(auth, 'changePassword', { oldPassword: member.password, newPassword }, member));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { newPassword: message } });
      expect(JSON.stringify(error)).not.toContain(newPassword);
      expect(await passwordHashOf(member.id)).toBe(hash);
      expect((await ok(me(member.token))).userId).toBe(member.id);
    });

    it('should refuse the person’s own phone number as the new password', async () => {
      const member = a.members[2];
      const error = await failed(call(auth, 'changePassword', { oldPassword: member.password, newPassword: member.phone }, member));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { newPassword: '新密码不能含本人手机号码' } });
    });

    it('should let only one of two changes racing from the same session through', async () => {
      const member = a.members[3];
      const token = await logIn(member, member.password);
      const answers = await Promise.all(
        ['first-choice-1', 'second-choice-2'].map((newPassword) => call(auth, 'changePassword', { oldPassword: member.password, newPassword }, as(member, token))),
      );
      const succeeded = answers.filter((answer) => answer.ok);
      expect(succeeded).toHaveLength(1);
      expect(answers.find((answer) => !answer.ok)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(SESSION_EXPIRED|AUTH_PASSWORD_CHANGED_MEANWHILE)$/) } });
      const winner = answers[0].ok ? 'first-choice-1' : 'second-choice-2';
      const loser = winner === 'first-choice-1' ? 'second-choice-2' : 'first-choice-1';
      expect((await ok(me(await logIn(member, winner)))).userId).toBe(member.id);
      expect((await failed(call(auth, 'login', { phone: member.phone, password: loser }))).code).toBe('AUTH_BAD_CREDENTIALS');
    });
  });

  describe('an account appointed with an initial password', () => {
    it('should be refused every action but 修改密码 until its own password is chosen', async () => {
      const appointed = await ok(call(org, 'appoint', { role: 'secretary', orgId: a.communityId, name: '新书记', phone: '13911112222' }, admin));
      const session = await ok(call(auth, 'login', { phone: '13911112222', password: appointed.initialPassword }));
      expect(session.profile).toMatchObject({ userId: appointed.userId, mustChangePassword: true });
      const secretary: TestUser = { id: appointed.userId, name: '新书记', phone: '13911112222', password: appointed.initialPassword, token: session.token };

      const inCommunity = { communityId: a.communityId };
      for (const [main, action, data] of [[demands, 'listForCommunity', inCommunity], [orders, 'listForCommunity', inCommunity], [privacy, 'myData', {}]] as const) {
        const error = await failed(call(main, action, data, secretary));
        expect(error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
        expect(error.message).toMatch(CHINESE);
      }
      expect(await ok(call(auth, 'me', {}, secretary))).toMatchObject({ mustChangePassword: true });

      const changed = await ok(call(auth, 'changePassword', { oldPassword: appointed.initialPassword, newPassword: 'xingfuli-2026' }, secretary));
      expect(changed.profile.mustChangePassword).toBe(false);
      expect((await failed(me(session.token))).code).toBe('SESSION_EXPIRED');
      const now = as(secretary, changed.token);
      expect(await ok(call(demands, 'listForCommunity', { communityId: a.communityId }, now))).toMatchObject({ items: expect.any(Array) });
      expect((await ok(call(auth, 'login', { phone: '13911112222', password: 'xingfuli-2026' }))).profile.mustChangePassword).toBe(false);
    });

    it('should leave an existing user given a role without a forced change', async () => {
      const resident = a.residents[1];
      await ok(call(org, 'appoint', { role: 'unit_admin', unitId: a.unitId, name: resident.name, phone: resident.phone }, admin));
      const session = await ok(call(auth, 'login', { phone: resident.phone, password: resident.password }));
      expect(session.profile.mustChangePassword).toBe(false);
    });
  });

  describe('sessions that end with the role', () => {
    it('should end every session of a secretary whose appointment is revoked', async () => {
      const appointed = await ok(call(org, 'appoint', { role: 'secretary', orgId: a.communityId, name: '撤任书记', phone: '13911113333' }, admin));
      const first = await ok(call(auth, 'login', { phone: '13911113333', password: appointed.initialPassword }));
      const changed = await ok(call(auth, 'changePassword', { oldPassword: appointed.initialPassword, newPassword: 'chetren-2026' }, { id: appointed.userId, name: '', phone: '', password: '', token: first.token }));
      const secretary: TestUser = { id: appointed.userId, name: '撤任书记', phone: '13911113333', password: 'chetren-2026', token: changed.token };
      await ok(call(demands, 'listForCommunity', { communityId: a.communityId }, secretary));

      await ok(call(org, 'revoke', { grantId: appointed.grantId }, admin));
      expect((await failed(call(demands, 'listForCommunity', { communityId: a.communityId }, secretary))).code).toBe('SESSION_EXPIRED');
      expect(await openSessionsOf(appointed.userId)).toBe(0);
      // They may log in again, and then hold no role.
      expect((await ok(call(auth, 'login', { phone: '13911113333', password: 'chetren-2026' }))).profile.roles).toEqual([]);
    });

    it('should end every session of a member who leaves (注销)', async () => {
      const resident = a.residents[0];
      const other = await logIn(resident, resident.password);
      await ok(call(privacy, 'leave', { confirmPhrase: '确认注销', reason: '搬家' }, resident));
      expect(await openSessionsOf(resident.id)).toBe(0);
      expect((await failed(me(other))).code).toMatch(/^(UNAUTHENTICATED|SESSION_EXPIRED)$/);
    });
  });
});
