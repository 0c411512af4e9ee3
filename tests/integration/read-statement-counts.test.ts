import { main as orders } from '../../cloudfunctions/orders/index';
import { main as org } from '../../cloudfunctions/org/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, inMinutes, ok } from '../support/call';
import { buildCommunity, createDistrictAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { insertMemberProfile } from '../support/privacy-fixtures';
import { countStatements } from '../support/statement-log';
import { openSuiteDatabase } from '../support/test-database';

/** A district of `units` communities, each with its own paired unit and one member of it. */
async function districtOf(db: Database, label: string, units: number): Promise<{ admin: TestUser; communities: TestCommunity[] }> {
  const first = await buildCommunity(db, `${label}0`, { members: 1, residents: 1 });
  const communities = [first];
  for (let i = 1; i < units; i++) communities.push(await buildCommunity(db, `${label}${i}`, { members: 1, residents: 1, districtId: first.districtId }));
  return { admin: await createDistrictAdmin(db, first.districtId), communities };
}

describe('reads send as many statements whatever the size of what they read (issue 12)', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('org.tree: the same number for a district of 3 units as for one of 12, with every unit counted', async () => {
    const small = await districtOf(db, 'ST', 3);
    const large = await districtOf(db, 'LT', 12);
    let smallTree: any;
    let largeTree: any;
    const forSmall = await countStatements(db, async () => { smallTree = await ok(call(org, 'tree', {}, small.admin)); });
    const forLarge = await countStatements(db, async () => { largeTree = await ok(call(org, 'tree', {}, large.admin)); });
    expect(forLarge).toBe(forSmall);
    expect(smallTree.units).toHaveLength(3);
    expect(largeTree.units).toHaveLength(12);
    for (const unit of largeTree.units) expect(unit).toMatchObject({ inService: 1, reported: 1 });
    expect(largeTree.district).toMatchObject({ members: 12, residents: 12 });
  });

  it('orders.recommend: the same number for 3 candidates as for 30, each of them ranked', async () => {
    const draft = { startsAt: inMinutes(7 * 24 * 60), endsAt: inMinutes(7 * 24 * 60 + 120), requiredPosts: [], requiredSkills: [], limit: 50 };
    const recommendIn = async (community: TestCommunity) => {
      let items: unknown[] = [];
      const statements = await countStatements(db, async () => { ({ items } = await ok(call(orders, 'recommend', draft, community.secretary))); });
      expect(items).toHaveLength(community.members.length);
      return statements;
    };
    const forThree = await recommendIn(await buildCommunity(db, 'R3', { members: 3, residents: 0 }));
    const forThirty = await recommendIn(await buildCommunity(db, 'R30', { members: 30, residents: 0 }));
    expect(forThirty).toBe(forThree);
  });

  it('exportCommunityRegister with contacts: the same number for 3 members as for 15, with every access-log row written', async () => {
    const exportOf = async (community: TestCommunity) => {
      for (const member of community.members.filter((_, i) => i % 2 === 0)) await insertMemberProfile(db, member.id, { homeAddress: '幸福路1号' });
      const statements = await countStatements(db, () => ok(call(reports, 'exportCommunityRegister', { includeContacts: true }, community.secretary)));
      const logged = await db.query<{ subject_user_id: string; field: string }>(
        `select subject_user_id, field from access_log where community_id = $1 and purpose = '导出党员登记表'`,
        [community.communityId],
      );
      const expected = community.members.flatMap((member, i) => (i % 2 === 0 ? [[member.id, 'address'], [member.id, 'phone']] : [[member.id, 'phone']]));
      expect(logged.map((row) => [row.subject_user_id, row.field]).sort()).toEqual(expected.sort());
      return statements;
    };
    const forThree = await exportOf(await buildCommunity(db, 'E3', { members: 3 }));
    const forFifteen = await exportOf(await buildCommunity(db, 'E15', { members: 15 }));
    expect(forFifteen).toBe(forThree);
  });
});
