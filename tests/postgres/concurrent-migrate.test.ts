import pg from 'pg';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { migrate } from '../../cloudfunctions/_core/db/migrate';
import { migrations } from '../../cloudfunctions/_core/db/migrations';
import { openDatabase } from '../../cloudfunctions/_core/db/open-database';
import { serverUrlFor } from '../support/template';

/** Several gateways or function instances starting at once on a new database each run the migrations. */
describe('migrations run by several processes starting together on one server', () => {
  const serverUrl = process.env.DATABASE_URL!;
  const STARTERS = 4;
  const ATTEMPTS = 5;

  async function withNewDatabase(work: (url: string) => Promise<void>) {
    const name = `dyg_test_migrate_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      await work(serverUrlFor(serverUrl, name));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  it(`should migrate a new database once with ${STARTERS} starters at the same moment, ${ATTEMPTS} times over`, async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      await withNewDatabase(async (url) => {
        const starters: Database[] = await Promise.all(Array.from({ length: STARTERS }, () => openDatabase({ kind: 'postgres', url, poolSize: 1 })));
        try {
          const outcomes = await Promise.allSettled(starters.map((db) => migrate(db)));
          expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'migrated'))).toEqual(Array(STARTERS).fill('migrated'));
          const applied = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
          expect(applied.sort()).toEqual(migrations.map((migration) => migration.version).sort());
        } finally {
          for (const db of starters) await db.close();
        }
      });
    }
  });
});
