import { main as registration } from '../../cloudfunctions/registration/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { insertReportSlip } from '../support/org-fixtures';
import { addProfile } from '../support/reports-fixtures';
import { countRegistrationRows, memberForm, newPhone, submitLoggedOut } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

const START = new Date('2026-11-23T01:00:00Z');

describe('报到码 as typed, the community field as labelled, and a transfer that offers only other communities', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let unitAdmin: TestUser;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'CA', { members: 1, residents: 0 });
    b = await buildCommunity(db, 'CB', { members: 0, residents: 0, districtId: a.districtId });
    unitAdmin = await createUnitAdmin(db, a.unitId);
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  describe('a code typed by hand', () => {
    it('should find a code issued before the new alphabet, typed in lower case with 0 for O, 1 for I, spaces and a dash', async () => {
      await insertReportSlip(db, { unitId: a.unitId, communityId: a.communityId, issuedBy: unitAdmin.id, phone: newPhone(), code: 'OIOK2345' });
      const options = await ok(call(registration, 'options', { slipCode: ' 0i0k-23 45 ' }));
      expect(options.slip).toMatchObject({ code: 'OIOK2345', unitId: a.unitId, communityId: a.communityId, communityName: '测试社区CA' });
    });

    it('should report with the code as typed and keep it in its stored form', async () => {
      const phone = newPhone();
      await insertReportSlip(db, { unitId: a.unitId, communityId: a.communityId, issuedBy: unitAdmin.id, phone, code: 'KOIN7788' });
      const form = memberForm(a, { phone, memberType: 'in_service', unitId: a.unitId });
      const { registration: submitted } = await submitLoggedOut(form, 'k01n 7788');
      expect(submitted).toMatchObject({ slipCode: 'KOIN7788', status: 'pending', communityId: a.communityId });
    });

    it('should refuse a code that is not one, naming the field', async () => {
      const error = await failed(call(registration, 'options', { slipCode: 'AB#D' }));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { slipCode: '报到码须为8位字母或数字' } });
      expect((await failed(call(registration, 'options', { slipCode: 'ZZZZ-9999' }))).fields).toEqual({ slipCode: '找不到该报到单，请核对报到码' });
    });

    it('should issue new codes without I, O, 1 or 0', async () => {
      for (let i = 0; i < 5; i += 1) {
        const slip = await ok(call(registration, 'issueSlip', {
          memberName: `新党员${i}`, memberPhone: newPhone(), partyStanding: '正式', communityId: a.communityId, reportBy: '2026-12-31',
        }, unitAdmin));
        expect(slip.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
        expect(slip.linkPath).toBe(`/pages/join/register/index?slip=${slip.code}`);
      }
    });
  });

  describe('no community picked', () => {
    it('should ask for 报到社区 on a slip, not call its id malformed', async () => {
      const before = await countRegistrationRows(db);
      for (const communityId of ['', undefined]) {
        const error = await failed(call(registration, 'issueSlip', {
          memberName: '没选社区', memberPhone: newPhone(), partyStanding: '正式', communityId, reportBy: '2026-12-31',
        }, unitAdmin));
        expect(error.fields).toEqual({ communityId: '请选择报到社区' });
      }
      expect(await countRegistrationRows(db)).toEqual(before);
    });

    it('should ask for 报到社区 on the registration form', async () => {
      const error = await failed(call(registration, 'submit', { form: memberForm(a, { communityId: '' }), password: 'new-password-1' }));
      expect(error.fields).toEqual({ 'form.communityId': '请选择报到社区' });
    });
  });

  describe('a transfer', () => {
    let member: TestUser;

    beforeAll(async () => {
      member = a.members[0];
      await addProfile(db, member.id, { gender: '男', birthMonth: '1980-01', joinedPartyMonth: '2005-07', education: '本科', homeAddress: '测试小区1栋101室', willingOtherServices: true });
    });

    it('should tell a member which community they are in, for the transfer not to offer it', async () => {
      const options = await ok(call(registration, 'options', {}, member));
      expect(options.memberCommunityId).toBe(a.communityId);
      const offered = options.districts.flatMap((d: any) => d.streets.flatMap((s: any) => s.communities)).map((c: any) => c.id);
      expect(offered).toEqual(expect.arrayContaining([a.communityId, b.communityId]));
    });

    it('should know no community of somebody who is not a member', async () => {
      expect((await ok(call(registration, 'options', {}))).memberCommunityId).toBeNull();
      expect((await ok(call(registration, 'options', {}, unitAdmin))).memberCommunityId).toBeNull();
    });

    it('should still refuse a transfer into the member’s own community when asked directly, and ask for one when none is picked', async () => {
      const before = await countRegistrationRows(db);
      const same = await failed(call(registration, 'requestTransfer', { communityId: a.communityId, reason: '搬家了' }, member));
      expect(same).toMatchObject({ code: 'REG_SAME_COMMUNITY', fields: { communityId: '您已在该社区' } });
      const none = await failed(call(registration, 'requestTransfer', { communityId: '', reason: '搬家了' }, member));
      expect(none.fields).toEqual({ communityId: '请选择转入社区' });
      expect(await countRegistrationRows(db)).toEqual(before);
      const moved = await ok(call(registration, 'requestTransfer', { communityId: b.communityId, reason: '搬家了' }, member));
      expect(moved).toMatchObject({ kind: 'transfer', status: 'pending', communityId: b.communityId });
    });
  });
});
