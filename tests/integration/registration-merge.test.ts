import { main as org } from '../../cloudfunctions/org/index';
import { main as registration } from '../../cloudfunctions/registration/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { issueSlip, memberForm, newPhone, submitLoggedOut } from '../support/registration-fixtures';
import { codeFor } from '../support/phone-code-fixtures';
import { openSuiteDatabase } from '../support/test-database';

const REPORTED = new Date('2026-09-01T02:00:00Z');
const TRANSFERRED = new Date('2026-10-15T02:00:00Z');
const MERGED = new Date('2026-11-23T02:00:00Z');
/** Which of two racing calls goes first is up to the server; a few rounds try both orders. */
const RACE_ROUNDS = 4;
/** Starts both calls at once, the first one first in even rounds and second in odd ones; answers in argument order. */
const race = async <A, B>(round: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> => {
  if (round % 2 === 0) return Promise.all([first(), second()]);
  const [b, a] = await Promise.all([second(), first()]);
  return [a, b];
};

/** Rows a merge must never leave behind in an archived community or grid. */
const LEFT_IN_ARCHIVED = `
  select (select count(*)::int from members m join organisations o on o.id in (m.community_id, m.grid_id) where o.archived_at is not null) as members,
         (select count(*)::int from registrations r join organisations o on o.id in (r.community_id, r.grid_id)
           where r.status = 'pending' and o.archived_at is not null) as pending,
         (select count(*)::int from member_community_history h join organisations o on o.id in (h.community_id, h.grid_id)
           where h.left_at is null and o.archived_at is not null) as history,
         (select count(*)::int from user_roles g join organisations o on o.id = g.org_id where o.archived_at is not null) as roles`;

describe('报到 and 合并 together', () => {
  let db: Database;
  let admin: TestUser;
  let suite = 0;
  const clock = useWallClock(MERGED);

  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  async function twoCommunities(): Promise<{ from: TestCommunity; into: TestCommunity }> {
    suite += 1;
    const from = await buildCommunity(db, `并入甲${suite}`, { members: 1 });
    const into = await buildCommunity(db, `并入乙${suite}`, { members: 1, districtId: from.districtId });
    admin = await createDistrictAdmin(db, from.districtId);
    return { from, into };
  }

  it('should keep the 报到日期 of a member’s latest 回执 when the community they transferred to is merged into another', async () => {
    const { from: first, into: second } = await twoCommunities();
    const third = await buildCommunity(db, `并入丙${suite}`, { members: 1, districtId: first.districtId });
    const { registration: submitted, user } = await submitLoggedOut(memberForm(first));
    await ok(call(registration, 'confirm', { registrationId: submitted.id }, first.secretary));
    const transfer = await ok(call(registration, 'requestTransfer', { communityId: second.communityId, gridId: second.gridIds[0], homeAddress: '和平里8栋201室', reason: '搬家' }, user));
    await ok(call(registration, 'confirm', { registrationId: transfer.id }, second.secretary));
    // the report and the transfer were confirmed weeks apart, before the merge
    await db.query('update registrations set decided_at = $2 where id = $1', [submitted.id, REPORTED]);
    await db.query('update members set created_at = $2 where user_id = $1', [user.id, REPORTED]);
    await db.query('update registrations set decided_at = $2 where id = $1', [transfer.id, TRANSFERRED]);
    await ok(call(org, 'merge', { fromId: second.communityId, intoId: third.communityId }, admin));

    const register = await ok(call(reports, 'communityRegister', { memberType: 'all' }, third.secretary));
    const row = register.items.find((item: { memberId: string }) => item.memberId === user.id);
    expect(row).toMatchObject({ name: '王建国', reportedOn: '2026-10-15' });
  });

  it('should never leave a member or a pending registration in the archived community when a confirm races the merge', async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const { from, into } = await twoCommunities();
      const { registration: submitted, user } = await submitLoggedOut(memberForm(from));
      const [confirmed, merged] = await race(
        round,
        () => call(registration, 'confirm', { registrationId: submitted.id, gridId: from.gridIds[1] }, from.secretary),
        () => call(org, 'merge', { fromId: from.communityId, intoId: into.communityId }, admin),
      );
      expect(merged.ok).toBe(true);
      expect(await db.query(LEFT_IN_ARCHIVED)).toEqual([{ members: 0, pending: 0, history: 0, roles: 0 }]);
      const [state] = await db.query<{ status: string; community_id: string }>('select status, community_id from registrations where id = $1', [submitted.id]);
      const members = await db.query<{ community_id: string }>('select community_id from members where user_id = $1', [user.id]);
      if (confirmed.ok) {
        expect(state.status).toBe('confirmed');
        expect(members).toEqual([{ community_id: into.communityId }]);
      } else {
        // the merge went first: the registration waits at the merged-into community for its secretary
        expect(confirmed.error.code).toBe('FORBIDDEN');
        expect(state).toEqual({ status: 'pending', community_id: into.communityId });
        expect(members).toEqual([]);
      }
    }
  });

  it('should never leave a new registration pending in the archived community when a submit races the merge', async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const { from, into } = await twoCommunities();
      const form = memberForm(from);
      const phoneCode = await codeFor(form.phone, 'register');
      const [submitted, merged] = await race(
        round,
        () => call(registration, 'submit', { form, password: 'new-password-1', phoneCode }),
        () => call(org, 'merge', { fromId: from.communityId, intoId: into.communityId }, admin),
      );
      expect(merged.ok).toBe(true);
      expect(await db.query(LEFT_IN_ARCHIVED)).toEqual([{ members: 0, pending: 0, history: 0, roles: 0 }]);
      if (submitted.ok) {
        expect(await db.query('select community_id from registrations where id = $1', [(submitted.data as { registration: { id: string } }).registration.id]))
          .toEqual([{ community_id: into.communityId }]);
      } else {
        expect(submitted.error.code).toBe('REG_COMMUNITY_NOT_FOUND');
      }
    }
  });

  it('should move a member who transfers out of a community being merged either before or after the merge, never half way', async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const { from, into } = await twoCommunities();
      const elsewhere = await buildCommunity(db, `并入丁${suite}`, { members: 1, districtId: from.districtId });
      const { registration: submitted, user } = await submitLoggedOut(memberForm(from));
      await ok(call(registration, 'confirm', { registrationId: submitted.id }, from.secretary));
      const transfer = await ok(call(registration, 'requestTransfer', { communityId: elsewhere.communityId, gridId: elsewhere.gridIds[0], homeAddress: '和平里8栋201室', reason: '搬家' }, user));
      const [confirmed, merged] = await race(
        round,
        () => call(registration, 'confirm', { registrationId: transfer.id }, elsewhere.secretary),
        () => call(org, 'merge', { fromId: from.communityId, intoId: into.communityId }, admin),
      );
      expect([confirmed.ok, merged.ok]).toEqual([true, true]);
      expect(await db.query(LEFT_IN_ARCHIVED)).toEqual([{ members: 0, pending: 0, history: 0, roles: 0 }]);
      expect(await db.query('select community_id from members where user_id = $1', [user.id])).toEqual([{ community_id: elsewhere.communityId }]);
      expect(await db.query(`select org_id from user_roles where user_id = $1 and role = 'member'`, [user.id])).toEqual([{ org_id: elsewhere.communityId }]);
      expect(await db.query('select community_id from member_community_history where member_id = $1 and left_at is null', [user.id]))
        .toEqual([{ community_id: elsewhere.communityId }]);
    }
  });

  it('should let a member report with a 报到单 while its community is being merged, at the community the slip ends up with', async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const { from, into } = await twoCommunities();
      const unitAdmin = await createUnitAdmin(db, from.unitId);
      const phone = newPhone();
      const slip = await issueSlip(unitAdmin, from, { name: '王建国', phone });
      const phoneCode = await codeFor(phone, 'register');
      const [submitted, merged] = await race(
        round,
        () => call(registration, 'submit', { form: memberForm(from, { phone }), slipCode: slip.code, password: 'new-password-1', phoneCode }),
        () => call(org, 'merge', { fromId: from.communityId, intoId: into.communityId }, admin),
      );
      expect(merged.ok).toBe(true);
      expect(await db.query(LEFT_IN_ARCHIVED)).toEqual([{ members: 0, pending: 0, history: 0, roles: 0 }]);
      expect(submitted.ok ? 'ok' : submitted.error).toBe('ok');
      expect(await db.query('select r.community_id, s.community_id as slip_community from registrations r join report_slips s on s.id = r.slip_id where s.code = $1', [slip.code]))
        .toEqual([{ community_id: into.communityId, slip_community: into.communityId }]);
    }
  });
});
