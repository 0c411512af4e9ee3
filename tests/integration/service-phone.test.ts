import { main as auth } from '../../cloudfunctions/auth/index';
import { main as demands } from '../../cloudfunctions/demands/index';
import { main as org } from '../../cloudfunctions/org/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { buildCommunity, createDistrictAdmin, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('the community’s 服务电话, set by its secretary or district admin', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;

  const storedPhone = async (communityId: string) =>
    (await db.query<{ service_phone: string | null }>('select service_phone from organisations where id = $1', [communityId]))[0].service_phone;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'SPA', { members: 1, residents: 1 });
    b = await buildCommunity(db, 'SPB', { members: 1, residents: 1 });
  });
  afterAll(async () => {
    await db.close();
  });

  it('should let the secretary set it, show it on the resident’s need and in the secretary’s own profile', async () => {
    const set = await ok(call(org, 'setServicePhone', { orgId: a.communityId, phone: '0571-88886666' }, a.secretary));
    expect(set).toEqual({ id: a.communityId, kind: 'community', parentId: a.streetId, name: '测试社区SPA', servicePhone: '0571-88886666' });

    const [resident] = a.residents;
    const need = await ok(call(demands, 'post', { kind: 'repair', address: '测试小区1栋101室', contactPhone: '13800001111' }, resident));
    const seen = await ok(call(demands, 'get', { demandId: need.id }, resident));
    expect(seen.community).toEqual({ name: '测试社区SPA', servicePhone: '0571-88886666' });

    const me = await ok(call(auth, 'me', {}, a.secretary));
    expect(me.roles).toEqual([expect.objectContaining({ role: 'secretary', orgId: a.communityId, servicePhone: '0571-88886666' })]);
  });

  it('should take a mobile, a landline without its dash, and ignore spaces', async () => {
    expect((await ok(call(org, 'setServicePhone', { orgId: a.communityId, phone: '13800138000' }, a.secretary))).servicePhone).toBe('13800138000');
    expect((await ok(call(org, 'setServicePhone', { orgId: a.communityId, phone: '057188886666' }, a.secretary))).servicePhone).toBe('057188886666');
    expect((await ok(call(org, 'setServicePhone', { orgId: a.communityId, phone: ' 0571 8888 6666 ' }, a.secretary))).servicePhone).toBe('057188886666');
  });

  it('should refuse another community’s secretary and write nothing', async () => {
    await ok(call(org, 'setServicePhone', { orgId: a.communityId, phone: '0571-88886666' }, a.secretary));
    const refused = await failed(call(org, 'setServicePhone', { orgId: a.communityId, phone: '13900001111' }, b.secretary));
    expect(refused.code).toBe('FORBIDDEN');
    const resident = await failed(call(org, 'setServicePhone', { orgId: a.communityId, phone: '13900001111' }, a.residents[0]));
    expect(resident.code).toBe('FORBIDDEN');
    expect(await storedPhone(a.communityId)).toBe('0571-88886666');
  });

  it('should refuse a bad number naming 服务电话, and write nothing', async () => {
    for (const phone of ['12345', '0571-888', '23800138000', '电话']) {
      const error = await failed(call(org, 'setServicePhone', { orgId: a.communityId, phone }, a.secretary));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(error.fields ?? {})).toEqual(['phone']);
      expect(error.fields!.phone).toContain('服务电话');
    }
    expect(await storedPhone(a.communityId)).toBe('0571-88886666');
  });

  it('should clear it with an empty number, so residents see none', async () => {
    const cleared = await ok(call(org, 'setServicePhone', { orgId: a.communityId, phone: '' }, a.secretary));
    expect(cleared.servicePhone).toBeNull();
    expect(await storedPhone(a.communityId)).toBeNull();
    const defaults = await ok(call(demands, 'formDefaults', {}, a.residents[0]));
    expect(defaults.community).toEqual({ name: '测试社区SPA', servicePhone: null });
  });

  it('should let a district admin set it for a community of their district only, and only for a community', async () => {
    const admin = await createDistrictAdmin(db, a.districtId);
    expect((await ok(call(org, 'setServicePhone', { orgId: a.communityId, phone: '0571-12345678' }, admin))).servicePhone).toBe('0571-12345678');

    const elsewhere = await failed(call(org, 'setServicePhone', { orgId: b.communityId, phone: '0571-12345678' }, admin));
    expect(elsewhere.code).toBe('ORG_NOT_IN_DISTRICT');
    expect(await storedPhone(b.communityId)).toBeNull();

    const street = await failed(call(org, 'setServicePhone', { orgId: a.streetId, phone: '0571-12345678' }, admin));
    expect(street).toMatchObject({ code: 'ORG_NOT_COMMUNITY', fields: { orgId: '只有社区可以设置服务电话' } });
  });
});
