import type { AddressInfo } from 'node:net';
import { main as auth } from '../../cloudfunctions/auth/index';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { createGatewayServer, listen } from '../../gateway/http-server';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok, type Main } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

const START = new Date('2026-11-23T01:00:00Z');

/** A login as the gateway makes it: the client address travels in the function's context. */
const logInFrom = (address: string | undefined, phone: string, password: string) =>
  (auth as Main)({ action: 'login', data: { phone, password } }, address ? { source: 'gateway', clientAddress: address } : {});

describe('login throttling and its locks', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let districtAdmin: TestUser;
  let otherDistrictAdmin: TestUser;
  const clock = useWallClock(START);

  const failTimes = async (times: number, phone: string, address?: string) => {
    const codes: string[] = [];
    for (let i = 0; i < times; i++) codes.push((await failed(logInFrom(address, phone, `wrong-${i}`))).code);
    return codes;
  };

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'LTA', { members: 6, residents: 2 });
    b = await buildCommunity(db, 'LTB', { members: 1, residents: 0 });
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    otherDistrictAdmin = await createDistrictAdmin(db, b.districtId);
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  it('should lock a phone after 5 wrong passwords, refuse the right one until the lock ends, and leave others alone', async () => {
    const [member, other] = a.members;
    expect(await failTimes(5, member.phone)).toEqual([...Array(4).fill('AUTH_BAD_CREDENTIALS'), 'AUTH_LOCKED']);

    const refused = await failed(logInFrom(undefined, member.phone, member.password));
    expect(refused.code).toBe('AUTH_LOCKED');
    expect(refused.message).toMatch(/请 1 分钟后再试/);
    expect(JSON.stringify(refused)).not.toContain(member.phone);
    await ok(logInFrom(undefined, other.phone, other.password));

    clock.advanceMinutes(1.5);
    const session = await ok(logInFrom(undefined, member.phone, member.password));
    expect(session.profile.userId).toBe(member.id);
  });

  it('should record a refused failure, and lock longer each time: 1, then 5 minutes', async () => {
    const member = a.members[1];
    await failTimes(3, member.phone);
    const [row] = await db.query<{ failures: number }>("select failures from login_throttle where scope = 'phone' and key = $1", [member.phone]);
    expect(row.failures).toBe(3);

    await failTimes(2, member.phone);
    clock.advanceMinutes(1.5);
    expect(await failTimes(5, member.phone)).toEqual([...Array(4).fill('AUTH_BAD_CREDENTIALS'), 'AUTH_LOCKED']);
    clock.advanceMinutes(3);
    const refused = await failed(logInFrom(undefined, member.phone, member.password));
    expect(refused).toMatchObject({ code: 'AUTH_LOCKED', message: expect.stringMatching(/请 2 分钟后再试/) });
    clock.advanceMinutes(2.5);
    await ok(logInFrom(undefined, member.phone, member.password));
  });

  it('should lock an unknown phone exactly as a known one, with the same words', async () => {
    const known = a.members[2];
    const unknown = '13700009999';
    expect(await failTimes(5, unknown)).toEqual(await failTimes(5, known.phone));
    expect(await failed(logInFrom(undefined, unknown, 'whatever'))).toEqual(await failed(logInFrom(undefined, known.phone, known.password)));
  });

  it('should lock a client address that fails across many phones, for every phone, without touching other addresses', async () => {
    const attacker = '203.0.113.9';
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) codes.push((await failed(logInFrom(attacker, `1360000${String(i).padStart(4, '0')}`, 'guess'))).code);
    expect(codes.slice(0, 19).every((code) => code === 'AUTH_BAD_CREDENTIALS')).toBe(true);
    expect(codes[19]).toBe('AUTH_LOCKED');

    const [, , , member] = a.members;
    expect((await failed(logInFrom(attacker, member.phone, member.password))).code).toBe('AUTH_LOCKED');
    await ok(logInFrom('198.51.100.4', member.phone, member.password));
    // A success from the locked address's own account does not buy it new tries either.
    clock.advanceMinutes(1.5);
    await ok(logInFrom(attacker, member.phone, member.password));
    const [row] = await db.query<{ locks: number }>("select locks from login_throttle where scope = 'address' and key = $1", [attacker]);
    expect(row.locks).toBe(1);
  });

  it('should let the owner in from the address she last logged in from while strangers have locked her phone', async () => {
    const resident = a.residents[0];
    const home = '192.0.2.10';
    await ok(logInFrom(home, resident.phone, resident.password));
    for (let i = 0; i < 5; i++) await failed(logInFrom(`198.51.100.${20 + i}`, resident.phone, 'guess'));

    expect((await failed(logInFrom('198.51.100.99', resident.phone, resident.password))).code).toBe('AUTH_LOCKED');
    await ok(logInFrom(home, resident.phone, resident.password));
    // Her login did not lift the lock for the strangers.
    expect((await failed(logInFrom('198.51.100.99', resident.phone, resident.password))).code).toBe('AUTH_LOCKED');
  });

  it('should let her community’s secretary or the district admin lift a lock, and nobody else', async () => {
    const member = a.members[4];
    await failTimes(5, member.phone);

    const locks = await ok<{ userId: string; phoneMasked: string; lockedUntil: string }[]>(call(auth, 'loginLocks', {}, a.secretary));
    expect(locks).toContainEqual(expect.objectContaining({ userId: member.id, phoneMasked: expect.stringContaining('****') }));
    expect(await ok(call(auth, 'loginLocks', {}, b.secretary))).toEqual([]);

    for (const stranger of [b.secretary, otherDistrictAdmin, a.members[5], a.residents[1]]) {
      expect((await failed(call(auth, 'unlockLogin', { userId: member.id }, stranger))).code).toBe('FORBIDDEN');
    }
    expect((await failed(logInFrom(undefined, member.phone, member.password))).code).toBe('AUTH_LOCKED');

    expect(await ok(call(auth, 'unlockLogin', { userId: member.id }, a.secretary))).toEqual({ userId: member.id, lifted: true });
    const lifts = await db.query<{ lifted_by: string }>('select lifted_by from login_lock_lifts where user_id = $1', [member.id]);
    expect(lifts).toEqual([{ lifted_by: a.secretary.id }]);
    await ok(logInFrom(undefined, member.phone, member.password));
    expect(await ok(call(auth, 'unlockLogin', { userId: member.id }, a.secretary))).toEqual({ userId: member.id, lifted: false });
  });

  it('should let the district admin lift anyone’s lock in the district, the secretary’s too', async () => {
    await failTimes(5, a.secretary.phone);
    const locks = await ok<{ userId: string }[]>(call(auth, 'loginLocks', {}, districtAdmin));
    expect(locks.map((lock) => lock.userId)).toContain(a.secretary.id);
    expect(await ok(call(auth, 'unlockLogin', { userId: a.secretary.id }, districtAdmin))).toEqual({ userId: a.secretary.id, lifted: true });
    await ok(logInFrom(undefined, a.secretary.phone, a.secretary.password));
  });

  it('should count wrong old passwords of 修改密码 against the phone, so a stolen session cannot guess without limit', async () => {
    const member = a.members[5];
    const { token } = await ok(call(auth, 'login', { phone: member.phone, password: member.password }));
    const change = (oldPassword: string) =>
      (auth as Main)({ action: 'changePassword', data: { oldPassword, newPassword: 'chunfeng2026' }, token }, { source: 'gateway', clientAddress: '203.0.113.77' });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await failed(change(`guess-${i}`))).code);
    expect(codes).toEqual([...Array(4).fill('AUTH_OLD_PASSWORD_WRONG'), 'AUTH_LOCKED']);
    expect((await failed(change(member.password))).code).toBe('AUTH_LOCKED');
    expect((await failed(logInFrom('198.51.100.9', member.phone, member.password))).code).toBe('AUTH_LOCKED');
    clock.advanceMinutes(1.5);
    expect((await ok(change(member.password))).token).toEqual(expect.any(String));
  });

  it('should take the gateway caller’s address from the socket, and X-Forwarded-For only behind a trusted proxy', async () => {
    const serve = async (trustProxy: boolean) => {
      const server = createGatewayServer({ functions: cloudFunctions, staticDir: '/nonexistent', trustProxy });
      const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
      const logIn = async (phone: string, password: string, forwardedFor: string) => {
        const response = await fetch(`http://127.0.0.1:${port}/api/auth`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
          body: JSON.stringify({ action: 'login', data: { phone, password } }),
        });
        return ((await response.json()) as { ok: boolean; error?: { code: string } });
      };
      return { logIn, close: () => new Promise((resolve) => server.close(resolve)) };
    };
    const member = b.members[0];
    const direct = await serve(false);
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) codes.push((await direct.logIn(`1350000${String(i).padStart(4, '0')}`, 'guess', `10.9.0.${i}`)).error!.code);
    expect(codes[19]).toBe('AUTH_LOCKED');
    expect((await direct.logIn(member.phone, member.password, '10.9.1.1')).error?.code).toBe('AUTH_LOCKED');
    await direct.close();

    const proxied = await serve(true);
    expect((await proxied.logIn(member.phone, member.password, 'spoofed, 10.9.1.1')).ok).toBe(true);
    await proxied.close();
  });
});
