import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openMigratedDatabase } from '../../cloudfunctions/_core/db/database-context';
import { SERVER_TEMPLATE_DB, serverUrlFor } from './template';

/** Builds the migrated database once per run; each suite then starts from a copy of it. */
export default async function globalSetup(): Promise<void> {
  // The gateway-process suite runs the bundles that `npm start` runs.
  execFileSync(process.execPath, [path.join(__dirname, '../../scripts/build-functions.mjs')], { stdio: 'inherit' });
  if (process.env.DATABASE_URL) {
    await buildServerTemplate(process.env.DATABASE_URL);
    return;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const file = path.join(os.tmpdir(), `dyg-pglite-template-${process.pid}-${Date.now()}.tgz`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-template-'));
  const db = await openMigratedDatabase({ kind: 'pglite', dataDir });
  await db.close();
  const pglite = await PGlite.create(dataDir);
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.env.PGLITE_TEMPLATE = file;
  process.env.DYG_TEMPLATE_WRITTEN = file;
}

async function buildServerTemplate(databaseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const stale = await admin.query("select datname from pg_database where datname like 'dyg_test_%'");
  for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
  await admin.query(`create database ${SERVER_TEMPLATE_DB}`);
  await admin.end();
  const db = await openMigratedDatabase({ kind: 'postgres', url: serverUrlFor(databaseUrl, SERVER_TEMPLATE_DB), poolSize: 1 });
  await db.close();
}
