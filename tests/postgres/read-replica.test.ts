import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { main as reports } from '../../cloudfunctions/reports/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { useDatabase, useReadDatabase } from '../../cloudfunctions/_core/db/database-context';
import { openDatabase } from '../../cloudfunctions/_core/db/open-database';
import { call, ok } from '../support/call';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { addMember } from '../support/reports-fixtures';
import { SERVER_TEMPLATE_DB, serverUrlFor } from '../support/template';

/**
 * The replica is a copy of the primary taken after the fixtures, read-only like a hot standby; what the primary
 * gains afterwards is a replication delay that never ends, so each answer shows which database it came from.
 */
describe('the reports read on DATABASE_READ_URL, and write on the primary', () => {
  const serverUrl = process.env.DATABASE_URL!;
  const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
  const primaryName = `dyg_test_${suffix}`;
  const replicaName = `dyg_test_${suffix}_replica`;
  let admin: pg.Client;
  let primary: Database;
  let replica: Database;
  let community: TestCommunity;

  const open = (name: string) => openDatabase({ kind: 'postgres', url: serverUrlFor(serverUrl, name), poolSize: 4 });
  const register = () => ok<{ total: number }>(call(reports, 'communityRegister', { memberType: 'all' }, community.secretary));
  const accessLogRows = async (db: Database) => Number((await db.query<{ n: string }>('select count(*) as n from access_log'))[0].n);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${primaryName} template ${SERVER_TEMPLATE_DB}`);
    const seeding = await open(primaryName);
    community = await buildCommunity(seeding, 'RR', { members: 2, residents: 0 });
    await seeding.close();
    await admin.query(`create database ${replicaName} template ${primaryName}`);
    await admin.query(`alter database ${replicaName} set default_transaction_read_only = on`);
    primary = await open(primaryName);
    replica = await open(replicaName);
    useDatabase(primary);
    useReadDatabase(replica);
    await addMember(primary, '新党员', { communityId: community.communityId, gridId: community.gridIds[0], unitId: null, memberType: 'community', createdAt: new Date() });
  });

  afterAll(async () => {
    useReadDatabase(null);
    await primary?.close();
    await replica?.close();
    for (const name of [primaryName, replicaName]) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('should answer the register from the replica, without the member the primary gained since', async () => {
    expect((await register()).total).toBe(2);
    const [{ n }] = await primary.query<{ n: string }>('select count(*) as n from members where community_id = $1', [community.communityId]);
    expect(Number(n)).toBe(3);
  });

  it('should export with contacts on the primary, where its access-log rows are written', async () => {
    await ok(call(reports, 'exportCommunityRegister', { memberType: 'all', includeContacts: true }, community.secretary));
    expect(await accessLogRows(primary)).toBe(3);
    expect(await accessLogRows(replica)).toBe(0);
  });

  it('should read the primary when no replica is configured', async () => {
    useReadDatabase(null);
    try {
      expect((await register()).total).toBe(3);
    } finally {
      useReadDatabase(replica);
    }
  });
});
