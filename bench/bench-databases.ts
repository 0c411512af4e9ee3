import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openMigratedDatabase } from '../cloudfunctions/_core/db/database-context';
import type { Database } from '../cloudfunctions/_core/db/database';
import { startThrowawayPostgres, type Throwaway } from '../scripts/throwaway-postgres';

/** A migrated PGlite in a temporary directory for one bench section, removed afterwards. */
export async function onTemporaryPglite<T>(prefix: string, work: (db: Database) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = await openMigratedDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A bench section's server part on the PostgreSQL of DATABASE_URL, else on a throwaway one (Debian's package) removed
 * afterwards; when neither can be had it says so under the section's `label` and skips.
 */
export async function onPostgresServer(label: string, work: (serverUrl: string) => Promise<void>): Promise<void> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  let server: Throwaway;
  try {
    server = await startThrowawayPostgres(['shared_buffers=256MB']);
  } catch (error) {
    console.log(`${label}：未设置 DATABASE_URL，也无法临时启动 PostgreSQL（${error instanceof Error ? error.message : error}），跳过服务器`);
    return;
  }
  try {
    await work(server.url);
  } finally {
    await server.stop();
  }
}

export interface ServerDatabase {
  db: Database;
  url: string;
  /** False when `reuse` found the database from an earlier run. */
  created: boolean;
}

/**
 * A migrated database of its own on a PostgreSQL server for one bench section, so that a run neither sees nor
 * leaves data; with `reuse` it keeps its name across runs and is left for the next one (a generated district).
 */
export async function onServerDatabase<T>(
  serverUrl: string,
  options: { name: string; poolSize: number; reuse?: boolean },
  work: (database: ServerDatabase) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [options.name])).rowCount! > 0;
    if (exists && !options.reuse) await admin.query(`drop database ${options.name} with (force)`);
    if (!exists || !options.reuse) await admin.query(`create database ${options.name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${options.name}`;
    const db = await openMigratedDatabase({ kind: 'postgres', url: url.toString(), poolSize: options.poolSize });
    try {
      return await work({ db, url: url.toString(), created: !exists || !options.reuse });
    } finally {
      await db.close();
      if (!options.reuse) await admin.query(`drop database if exists ${options.name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
