import { main as auth } from '../../cloudfunctions/auth/index';
import { main as org } from '../../cloudfunctions/org/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { countOrgRows } from '../support/org-fixtures';
import { openSuiteDatabase } from '../support/test-database';

const MASKED = /^1\d{2}\*{4}\d{4}$/;

describe('组织管理: the district admin manages streets, communities, grids, units, pairings, appointments and settings', () => {
  let db: Database;
  let a: TestCommunity;
  let a2: TestCommunity;
  let b: TestCommunity;
  let adminA: TestUser;
  let adminB: TestUser;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'OA', { members: 3, residents: 2 });
    a2 = await buildCommunity(db, 'OA2', { members: 1, residents: 1, districtId: a.districtId });
    b = await buildCommunity(db, 'OB', { members: 1, residents: 1 });
    adminA = await createDistrictAdmin(db, a.districtId);
    adminB = await createDistrictAdmin(db, b.districtId);
  });
  afterAll(async () => {
    await db.close();
  });

  describe('tree', () => {
    it('should show the district with its streets, communities, grids, counts, masked secretaries and units', async () => {
      const unitAdmin = await createUnitAdmin(db, a.unitId);
      const tree = await ok(call(org, 'tree', {}, adminA));
      expect(tree.district).toEqual({ id: a.districtId, name: '测试区OA', members: 4, residents: 3 });
      expect(tree.streets.map((street: { name: string }) => street.name)).toEqual(['测试街道OA', '测试街道OA2']);
      const [street] = tree.streets;
      expect(street).toMatchObject({ id: a.streetId, members: 3, residents: 2 });
      const [community] = street.communities;
      expect(community).toMatchObject({ id: a.communityId, name: '测试社区OA', members: 3, residents: 2 });
      // buildCommunity puts members 1 and 3 and resident 1 in the first grid
      expect(community.grids).toEqual([
        { id: a.gridIds[0], name: '第1网格', members: 2, residents: 1 },
        { id: a.gridIds[1], name: '第2网格', members: 1, residents: 1 },
      ]);
      expect(community.secretaries).toEqual([
        { grantId: expect.any(String), userId: a.secretary.id, name: a.secretary.name, phone: `${a.secretary.phone.slice(0, 3)}****${a.secretary.phone.slice(7)}` },
      ]);
      const unit = tree.units.find((candidate: { id: string }) => candidate.id === a.unitId);
      expect(unit).toMatchObject({ name: '测试单位OA', kind: '机关', inService: 3, reported: 3, pairings: [{ communityId: a.communityId, communityName: '测试社区OA', pairedOn: '2026-01-01' }] });
      expect(unit.admins).toEqual([{ grantId: expect.any(String), userId: unitAdmin.id, name: '单位管理员', phone: expect.stringMatching(MASKED) }]);
      expect(JSON.stringify(tree)).not.toContain(a.secretary.phone);
      expect(JSON.stringify(tree)).not.toContain(b.communityId);
    });

    it('should leave out archived organisations and people who left', async () => {
      const grid = await ok(call(org, 'createOrganisation', { kind: 'grid', parentId: a2.communityId, name: '临时网格' }, adminA));
      await ok(call(org, 'merge', { fromId: grid.id, intoId: a2.gridIds[0] }, adminA));
      await db.query(`update users set left_at = now(), phone = null where id = $1`, [a2.residents[0].id]);
      const tree = await ok(call(org, 'tree', {}, adminA));
      const community = tree.streets[1].communities[0];
      expect(community.grids.map((g: { name: string }) => g.name)).toEqual(['第1网格', '第2网格']);
      expect(community.residents).toBe(0);
    });

    it('should show another district admin only their own district', async () => {
      const tree = await ok(call(org, 'tree', {}, adminB));
      expect(tree.district.id).toBe(b.districtId);
      expect(JSON.stringify(tree)).not.toContain(a.communityId);
    });
  });

  describe('every action is the district admin’s, within their district', () => {
    const targets = () => ({
      createOrganisation: { kind: 'grid', parentId: a.communityId, name: '越权网格' },
      rename: { orgId: a.gridIds[0], name: '越权改名' },
      merge: { fromId: a.gridIds[1], intoId: a.gridIds[0] },
      renameUnit: { unitId: a.unitId, name: '越权单位' },
      pair: { unitId: a.unitId, communityId: a2.communityId },
      unpair: { unitId: a.unitId, communityId: a.communityId },
      appoint: { role: 'secretary', orgId: a.communityId, name: '越权书记', phone: '13700000001' },
      revoke: { grantId: '00000000-0000-4000-8000-000000000000' },
      tree: {},
      settings: {},
      createUnit: { name: '越权单位', kind: '企业' },
      updateSettings: { collectIdNumbers: true },
    });

    it.each(['secretary', 'member', 'resident'] as const)('should refuse a %s every action, writing nothing', async (who) => {
      const user = who === 'secretary' ? a.secretary : who === 'member' ? a.members[0] : a.residents[1];
      const before = await countOrgRows(db);
      for (const [action, data] of Object.entries(targets())) {
        expect([action, (await failed(call(org, action, data, user))).code]).toEqual([action, 'FORBIDDEN']);
      }
      expect(await countOrgRows(db)).toEqual(before);
    });

    it('should refuse a unit admin and a caller who is not logged in', async () => {
      const unitAdmin = await createUnitAdmin(db, a.unitId);
      const before = await countOrgRows(db);
      for (const [action, data] of Object.entries(targets())) {
        expect((await failed(call(org, action, data, unitAdmin))).code).toBe('FORBIDDEN');
        expect((await failed(call(org, action, data))).code).toBe('UNAUTHENTICATED');
      }
      expect(await countOrgRows(db)).toEqual(before);
    });

    it('should refuse another district’s admin everything of this district, writing nothing', async () => {
      const [grant] = await db.query<{ id: string }>(`select id from user_roles where user_id = $1`, [a.secretary.id]);
      const before = await countOrgRows(db);
      const aimed = { ...targets(), revoke: { grantId: grant.id } };
      for (const action of ['createOrganisation', 'rename', 'merge', 'renameUnit', 'pair', 'unpair', 'appoint', 'revoke'] as const) {
        expect([action, (await failed(call(org, action, aimed[action], adminB))).code]).toEqual([action, 'ORG_NOT_IN_DISTRICT']);
      }
      // pairing B's own unit with a community of A is refused too
      expect((await failed(call(org, 'pair', { unitId: b.unitId, communityId: a.communityId }, adminB))).code).toBe('ORG_NOT_IN_DISTRICT');
      expect(await countOrgRows(db)).toEqual(before);
    });

    it('should keep units and settings made by another district’s admin in that district', async () => {
      const unit = await ok(call(org, 'createUnit', { name: 'B区企业', kind: '企业' }, adminB));
      await ok(call(org, 'updateSettings', { collectIdNumbers: true }, adminB));
      expect(await db.query('select district_id from units where id = $1', [unit.id])).toEqual([{ district_id: b.districtId }]);
      expect((await ok(call(org, 'settings', {}, adminA))).collectIdNumbers).toBe(false);
      expect((await ok(call(org, 'tree', {}, adminA))).units.map((u: { name: string }) => u.name)).not.toContain('B区企业');
      await ok(call(org, 'updateSettings', { collectIdNumbers: false }, adminB));
    });
  });

  describe('createOrganisation and rename', () => {
    it('should create a street, a community under it and a grid under that', async () => {
      const street = await ok(call(org, 'createOrganisation', { kind: 'street', parentId: a.districtId, name: '新街道' }, adminA));
      expect(street).toEqual({ id: expect.any(String), kind: 'street', parentId: a.districtId, name: '新街道' });
      const community = await ok(call(org, 'createOrganisation', { kind: 'community', parentId: street.id, name: '新社区' }, adminA));
      const grid = await ok(call(org, 'createOrganisation', { kind: 'grid', parentId: community.id, name: '新网格' }, adminA));
      const tree = await ok(call(org, 'tree', {}, adminA));
      const added = tree.streets.find((s: { id: string }) => s.id === street.id);
      expect(added).toEqual({ id: street.id, name: '新街道', members: 0, residents: 0, communities: [
        { id: community.id, name: '新社区', members: 0, residents: 0, secretaries: [], grids: [{ id: grid.id, name: '新网格', members: 0, residents: 0 }] },
      ] });
    });

    it('should refuse a parent of the wrong kind, naming parentId', async () => {
      const before = await countOrgRows(db, ['organisations']);
      const cases = [
        [{ kind: 'street', parentId: a.streetId }, '街道须建在区下'],
        [{ kind: 'community', parentId: a.districtId }, '社区须建在街道下'],
        [{ kind: 'grid', parentId: a.gridIds[0] }, '网格须建在社区下'],
      ] as const;
      for (const [input, message] of cases) {
        const error = await failed(call(org, 'createOrganisation', { ...input, name: '放错位置' }, adminA));
        expect(error).toMatchObject({ code: 'ORG_WRONG_PARENT', fields: { parentId: message } });
      }
      expect((await failed(call(org, 'createOrganisation', { kind: 'grid', parentId: '00000000-0000-4000-8000-000000000001', name: '无上级' }, adminA))).code).toBe('ORG_NOT_FOUND');
      expect(await countOrgRows(db, ['organisations'])).toEqual(before);
    });

    it('should refuse a name already used under the same parent, naming 名称', async () => {
      const before = await countOrgRows(db, ['organisations']);
      const error = await failed(call(org, 'createOrganisation', { kind: 'grid', parentId: a.communityId, name: '第1网格' }, adminA));
      expect(error).toEqual({ code: 'ORG_NAME_TAKEN', message: '同一上级组织下已有同名组织', fields: { name: '同一上级组织下已有同名组织' } });
      expect((await failed(call(org, 'rename', { orgId: a.gridIds[1], name: '第1网格' }, adminA))).fields).toEqual({ name: '同一上级组织下已有同名组织' });
      // the same name under another parent is fine
      await ok(call(org, 'createOrganisation', { kind: 'grid', parentId: a2.communityId, name: '第3网格' }, adminA));
      expect(await countOrgRows(db, ['organisations'])).toEqual({ organisations: before.organisations + 1 });
    });

    it('should refuse an empty or too long name in Chinese, naming name', async () => {
      expect((await failed(call(org, 'createOrganisation', { kind: 'grid', parentId: a.communityId, name: '  ' }, adminA))).fields).toEqual({ name: '名称不能为空' });
      expect((await failed(call(org, 'rename', { orgId: a.communityId, name: '长'.repeat(61) }, adminA))).fields).toEqual({ name: '名称不能超过60个字' });
    });

    it('should rename an organisation, keep its own name allowed, and refuse an archived one', async () => {
      expect(await ok(call(org, 'rename', { orgId: a2.communityId, name: '幸福里社区' }, adminA))).toMatchObject({ id: a2.communityId, name: '幸福里社区' });
      await ok(call(org, 'rename', { orgId: a2.communityId, name: '幸福里社区' }, adminA));
      expect(await db.query('select name from organisations where id = $1', [a2.communityId])).toEqual([{ name: '幸福里社区' }]);
      const grid = await ok(call(org, 'createOrganisation', { kind: 'grid', parentId: a2.communityId, name: '将被合并' }, adminA));
      await ok(call(org, 'merge', { fromId: grid.id, intoId: a2.gridIds[1] }, adminA));
      expect((await failed(call(org, 'rename', { orgId: grid.id, name: '复活' }, adminA))).code).toBe('ORG_ARCHIVED');
      expect((await failed(call(org, 'createOrganisation', { kind: 'grid', parentId: grid.id, name: '子网格' }, adminA))).code).toBe('ORG_ARCHIVED');
    });
  });

  describe('units and 结对共建', () => {
    it('should create and rename a unit, refusing a name the district already has', async () => {
      const unit = await ok(call(org, 'createUnit', { name: '区教育局', kind: '机关' }, adminA));
      expect(unit).toEqual({ id: expect.any(String), name: '区教育局', kind: '机关' });
      const error = await failed(call(org, 'createUnit', { name: '区教育局', kind: '事业' }, adminA));
      expect(error).toEqual({ code: 'ORG_UNIT_NAME_TAKEN', message: '本区已有同名单位', fields: { name: '本区已有同名单位' } });
      expect(await ok(call(org, 'renameUnit', { unitId: unit.id, name: '区教育和体育局' }, adminA))).toMatchObject({ name: '区教育和体育局' });
      expect((await failed(call(org, 'renameUnit', { unitId: unit.id, name: '测试单位OA' }, adminA))).code).toBe('ORG_UNIT_NAME_TAKEN');
      expect((await failed(call(org, 'createUnit', { name: '某公司', kind: '外企' }, adminA))).fields).toEqual({ kind: '单位类别须为以下之一：机关、事业、企业、高校、其他' });
    });

    it('should pair a unit with a community (today unless dated), refuse pairing twice, and unpair', async () => {
      const unit = await ok(call(org, 'createUnit', { name: '区人民医院', kind: '事业' }, adminA));
      const dated = await ok(call(org, 'pair', { unitId: unit.id, communityId: a.communityId, pairedOn: '2026-03-01' }, adminA));
      expect(dated).toEqual({ unitId: unit.id, communityId: a.communityId, communityName: '测试社区OA', pairedOn: '2026-03-01' });
      const today = await ok(call(org, 'pair', { unitId: unit.id, communityId: a2.communityId }, adminA));
      expect(today.pairedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const before = await countOrgRows(db, ['unit_community_pairings']);
      expect((await failed(call(org, 'pair', { unitId: unit.id, communityId: a.communityId }, adminA))).code).toBe('ORG_ALREADY_PAIRED');
      expect((await failed(call(org, 'pair', { unitId: unit.id, communityId: a.streetId }, adminA))).fields).toEqual({ communityId: '找不到该社区' });
      expect((await failed(call(org, 'pair', { unitId: unit.id, communityId: a.communityId, pairedOn: '2026-02-30' }, adminA))).fields).toEqual({ pairedOn: '结对日期须为日期，例如 2026-11-23' });
      expect(await countOrgRows(db, ['unit_community_pairings'])).toEqual(before);
      const tree = await ok(call(org, 'tree', {}, adminA));
      expect(tree.units.find((u: { id: string }) => u.id === unit.id).pairings.map((p: { communityId: string }) => p.communityId)).toEqual([a.communityId, a2.communityId]);
      await ok(call(org, 'unpair', { unitId: unit.id, communityId: a.communityId }, adminA));
      expect((await failed(call(org, 'unpair', { unitId: unit.id, communityId: a.communityId }, adminA))).code).toBe('ORG_NOT_PAIRED');
      expect(await countOrgRows(db, ['unit_community_pairings'])).toEqual({ unit_community_pairings: before.unit_community_pairings - 1 });
    });
  });

  describe('appoint and revoke', () => {
    it('should create an account for a new phone, whose returned password logs in with the secretary role', async () => {
      const appointed = await ok(call(org, 'appoint', { role: 'secretary', orgId: a2.communityId, name: '王书记', phone: '13912345678' }, adminA));
      expect(appointed).toEqual({
        grantId: expect.any(String), userId: expect.any(String), role: 'secretary', name: '王书记', phone: '139****5678', newAccount: true, initialPassword: expect.stringMatching(/^\d{8}$/),
      });
      const [stored] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [appointed.userId]);
      expect(stored.password_hash).toMatch(/^scrypt\$1024\$/);
      expect(stored.password_hash).not.toContain(appointed.initialPassword);
      const session = await ok(call(auth, 'login', { phone: '13912345678', password: appointed.initialPassword }));
      expect(session.profile.roles).toEqual([expect.objectContaining({ role: 'secretary', orgId: a2.communityId, orgName: '幸福里社区' })]);
      const tree = await ok(call(org, 'tree', {}, adminA));
      expect(tree.streets[1].communities[0].secretaries.map((s: { name: string }) => s.name)).toContain('王书记');
    });

    it('should grant the role to an existing user without changing their name or password, and refuse it twice', async () => {
      const member = a.members[1];
      const appointed = await ok(call(org, 'appoint', { role: 'unit_admin', unitId: a.unitId, name: '别的名字', phone: member.phone }, adminA));
      expect(appointed).toMatchObject({ userId: member.id, role: 'unit_admin', name: member.name, newAccount: false, initialPassword: null });
      const session = await ok(call(auth, 'login', { phone: member.phone, password: member.password }));
      expect(session.profile.roles.map((r: { role: string }) => r.role).sort()).toEqual(['member', 'unit_admin']);
      const before = await countOrgRows(db, ['users', 'user_roles']);
      const error = await failed(call(org, 'appoint', { role: 'unit_admin', unitId: a.unitId, name: member.name, phone: member.phone }, adminA));
      expect(error).toMatchObject({ code: 'ORG_ALREADY_GRANTED', fields: { phone: expect.any(String) } });
      expect(await countOrgRows(db, ['users', 'user_roles'])).toEqual(before);
    });

    it('should name the organisation a role needs, and refuse a bad phone, in Chinese', async () => {
      const before = await countOrgRows(db, ['users', 'user_roles']);
      expect((await failed(call(org, 'appoint', { role: 'secretary', name: '缺社区', phone: '13900000009' }, adminA))).fields).toEqual({ orgId: '任命社区书记须选择社区' });
      expect((await failed(call(org, 'appoint', { role: 'unit_admin', orgId: a.communityId, name: '缺单位', phone: '13900000009' }, adminA))).fields).toEqual({ unitId: '任命单位管理员须选择单位' });
      expect((await failed(call(org, 'appoint', { role: 'secretary', orgId: a.communityId, name: '短号', phone: '1390000' }, adminA))).fields).toEqual({ phone: '手机号码须为11位手机号码' });
      expect((await failed(call(org, 'appoint', { role: 'secretary', orgId: a.gridIds[0], name: '网格', phone: '13900000009' }, adminA))).fields).toEqual({ orgId: '找不到该社区' });
      expect(await countOrgRows(db, ['users', 'user_roles'])).toEqual(before);
    });

    it('should revoke a secretary, who then can no longer act for the community', async () => {
      const appointed = await ok(call(org, 'appoint', { role: 'secretary', orgId: a.communityId, name: '临时书记', phone: '13912340000' }, adminA));
      const revoked = await ok(call(org, 'revoke', { grantId: appointed.grantId }, adminA));
      expect(revoked).toEqual({ grantId: appointed.grantId, role: 'secretary', userId: appointed.userId });
      expect(await db.query('select 1 from user_roles where id = $1', [appointed.grantId])).toEqual([]);
      const session = await ok(call(auth, 'login', { phone: '13912340000', password: appointed.initialPassword }));
      expect(session.profile.roles).toEqual([]);
      expect((await failed(call(org, 'revoke', { grantId: appointed.grantId }, adminA))).code).toBe('ORG_GRANT_NOT_FOUND');
    });

    it('should refuse revoking the caller’s own district admin grant and a member’s role', async () => {
      const [own] = await db.query<{ id: string }>(`select id from user_roles where user_id = $1`, [adminA.id]);
      const [memberGrant] = await db.query<{ id: string }>(`select id from user_roles where user_id = $1 and role = 'member'`, [a.members[0].id]);
      const before = await countOrgRows(db, ['user_roles']);
      expect((await failed(call(org, 'revoke', { grantId: own.id }, adminA))).code).toBe('ORG_CANNOT_REVOKE_SELF');
      expect((await failed(call(org, 'revoke', { grantId: memberGrant.id }, adminA))).code).toBe('ORG_GRANT_NOT_FOUND');
      expect(await countOrgRows(db, ['user_roles'])).toEqual(before);
    });
  });

  describe('settings', () => {
    it('should not collect ID numbers by default, and say so', async () => {
      const settings = await ok(call(org, 'settings', {}, adminA));
      expect(settings).toEqual({ collectIdNumbers: false, explanation: expect.stringContaining('不采集身份证号'), updatedAt: null, updatedBy: null });
    });

    it('should switch collecting ID numbers on and off, explaining what on means and who changed it', async () => {
      const on = await ok(call(org, 'updateSettings', { collectIdNumbers: true }, adminA));
      expect(on).toEqual({ collectIdNumbers: true, explanation: expect.stringContaining('访问日志'), updatedAt: expect.any(String), updatedBy: '区管理员' });
      expect(await db.query('select collect_id_numbers from district_settings where district_id = $1', [a.districtId])).toEqual([{ collect_id_numbers: true }]);
      expect((await ok(call(org, 'settings', {}, adminA))).collectIdNumbers).toBe(true);
      expect((await ok(call(org, 'updateSettings', { collectIdNumbers: false }, adminA))).collectIdNumbers).toBe(false);
      expect((await failed(call(org, 'updateSettings', { collectIdNumbers: '是' }, adminA))).fields).toEqual({ collectIdNumbers: '是否采集身份证号须为是或否' });
    });
  });
});
