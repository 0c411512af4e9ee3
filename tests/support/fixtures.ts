import { randomUUID } from 'node:crypto';
import { hashPassword, startSession } from '../../cloudfunctions/_core/auth';
import type { Database, Executor } from '../../cloudfunctions/_core/db/database';
import { orgRepository, type MemberType } from '../../cloudfunctions/_core/org';
import type { Role } from '../../cloudfunctions/_core/runtime';

export interface TestUser {
  id: string;
  name: string;
  phone: string;
  password: string;
  token: string;
}

export interface TestCommunity {
  districtId: string;
  streetId: string;
  communityId: string;
  gridIds: string[];
  unitId: string;
  secretary: TestUser;
  members: TestUser[];
  residents: TestUser[];
}

let phoneCounter = 0;
const nextPhone = () => `1990${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(4, '0')}`;

export const PASSWORD = 'test-password-1';

/** A token of a new session row for the user, as a login at `at` would answer it. */
export async function sessionTokenFor(db: Executor, userId: string, at = new Date(), ttlHours = 24): Promise<string> {
  return (await startSession(db, { userId, secret: process.env.SESSION_SECRET!, now: at, ttlHours })).token;
}

async function createUser(db: Database, name: string, grants: { role: Role; orgId?: string; unitId?: string }[]): Promise<TestUser> {
  const id = randomUUID();
  const phone = nextPhone();
  await orgRepository.createUser(db, { id, name, phone, passwordHash: await hashPassword(PASSWORD, 1024) });
  for (const grant of grants) await orgRepository.grantRole(db, { id: randomUUID(), userId: id, ...grant });
  const token = await sessionTokenFor(db, id);
  return { id, name, phone, password: PASSWORD, token };
}

/** A district with one street and one community with two grids, a paired unit, a secretary, members and residents. */
export async function buildCommunity(
  db: Database,
  label: string,
  options: { members?: number; residents?: number; memberType?: MemberType; districtId?: string } = {},
): Promise<TestCommunity> {
  const districtId = options.districtId ?? randomUUID();
  if (!options.districtId) {
    await orgRepository.createOrganisation(db, { id: districtId, kind: 'district', parentId: null, name: `测试区${label}` });
    // 预约预告: a test's district asks for no notice, so that a test may publish an activity for the next hour; the
    // notice tests set the district's five working days themselves (calendar.test.ts).
    await db.query('insert into district_settings (district_id, notice_working_days) values ($1, 0)', [districtId]);
  }
  const streetId = randomUUID();
  const communityId = randomUUID();
  const gridIds = [randomUUID(), randomUUID()];
  await orgRepository.createOrganisation(db, { id: streetId, kind: 'street', parentId: districtId, name: `测试街道${label}` });
  await orgRepository.createOrganisation(db, { id: communityId, kind: 'community', parentId: streetId, name: `测试社区${label}` });
  for (const [i, gridId] of gridIds.entries()) {
    await orgRepository.createOrganisation(db, { id: gridId, kind: 'grid', parentId: communityId, name: `第${i + 1}网格` });
  }
  const unitId = randomUUID();
  await orgRepository.createUnit(db, { id: unitId, districtId, name: `测试单位${label}`, kind: '机关' });
  await orgRepository.pairUnitWithCommunity(db, unitId, communityId, '2026-01-01');

  const secretary = await createUser(db, `书记${label}`, [{ role: 'secretary', orgId: communityId }]);
  const members: TestUser[] = [];
  for (let i = 0; i < (options.members ?? 3); i++) {
    const member = await createUser(db, `党员${label}${i + 1}`, [{ role: 'member', orgId: communityId }]);
    await orgRepository.registerMember(db, {
      userId: member.id, communityId, gridId: gridIds[i % 2], unitId, memberType: options.memberType ?? 'in_service',
    });
    members.push(member);
  }
  const residents: TestUser[] = [];
  for (let i = 0; i < (options.residents ?? 2); i++) {
    const resident = await createUser(db, `居民${label}${i + 1}`, [{ role: 'resident', orgId: communityId }]);
    await orgRepository.registerResident(db, { userId: resident.id, communityId, gridId: gridIds[i % 2], address: `测试小区${i + 1}栋10${i + 1}室` });
    residents.push(resident);
  }
  return { districtId, streetId, communityId, gridIds, unitId, secretary, members, residents };
}

/** New session tokens for everyone in the communities, for a suite whose clock runs on past a token's 24 hours. */
export async function renewTokens(db: Executor, ...communities: TestCommunity[]): Promise<void> {
  for (const community of communities) {
    for (const user of [community.secretary, ...community.members, ...community.residents]) {
      user.token = await sessionTokenFor(db, user.id);
    }
  }
}

export async function createDistrictAdmin(db: Database, districtId: string): Promise<TestUser> {
  return createUser(db, '区管理员', [{ role: 'district_admin', orgId: districtId }]);
}

export async function createUnitAdmin(db: Database, unitId: string): Promise<TestUser> {
  return createUser(db, '单位管理员', [{ role: 'unit_admin', unitId }]);
}

type CommunityOptions = Parameters<typeof buildCommunity>[2];

/** The ground of an access test: communities `a` and `b` of one district, `other` of another, both districts' admins and `a`'s unit admin. */
export async function buildTwoDistricts(
  db: Database,
  labels: [a: string, b: string, other: string],
  options: { a?: CommunityOptions; b?: CommunityOptions; other?: CommunityOptions } = {},
): Promise<{ a: TestCommunity; b: TestCommunity; other: TestCommunity; districtAdmin: TestUser; otherDistrictAdmin: TestUser; unitAdmin: TestUser }> {
  const a = await buildCommunity(db, labels[0], options.a);
  const b = await buildCommunity(db, labels[1], { ...options.b, districtId: a.districtId });
  const other = await buildCommunity(db, labels[2], options.other);
  const districtAdmin = await createDistrictAdmin(db, a.districtId);
  const otherDistrictAdmin = await createDistrictAdmin(db, other.districtId);
  const unitAdmin = await createUnitAdmin(db, a.unitId);
  return { a, b, other, districtAdmin, otherDistrictAdmin, unitAdmin };
}
