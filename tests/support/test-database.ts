import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';
import { openDatabase } from '../../cloudfunctions/_core/db/open-database';
import { SERVER_TEMPLATE_DB, pgliteTemplatePath, serverUrlFor } from './template';

/** A fresh migrated database for one suite, made the one every cloud function in this process uses. */
export async function openSuiteDatabase(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  let db: Database;
  if (databaseUrl) {
    const name = `dyg_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${SERVER_TEMPLATE_DB}`);
    await admin.end();
    const server = await openDatabase({ kind: 'postgres', url: serverUrlFor(databaseUrl, name), poolSize: 20 });
    db = {
      ...server,
      async close() {
        await server.close();
        const cleaner = new pg.Client({ connectionString: databaseUrl });
        await cleaner.connect();
        await cleaner.query(`drop database if exists ${name} with (force)`);
        await cleaner.end();
      },
    };
  } else {
    const dump = new Blob([fs.readFileSync(pgliteTemplatePath())]);
    db = await openDatabase({ kind: 'pglite-dump', dump });
  }
  useDatabase(db);
  return db;
}
