import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseOverPool, type Database } from './database';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; pooler?: 'none' | 'transaction' }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-dump'; dump: Blob };

const BUSINESS_ZONE_SQL = "SET TIME ZONE 'Asia/Shanghai'";
const BUSINESS_ZONE_IN_TRANSACTION_SQL = "SET LOCAL TIME ZONE 'Asia/Shanghai'";

/** Opens the system of record: a PostgreSQL server when a URL is given, otherwise embedded PGlite. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // Behind PgBouncer this SET still holds for statements outside a transaction: PgBouncer tracks TimeZone per
    // client and sets it on whichever server connection it lends; transactions also set it themselves.
    pool.on('connect', (client) => void client.query(BUSINESS_ZONE_SQL));
    // An idle connection the server drops (restart, failover) must not take the process down with it;
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.warn(`[database] idle connection lost: ${error.message}`));
    return databaseOverPool(pool, 'postgres', undefined, { pooler: target.pooler, transactionSetup: BUSINESS_ZONE_IN_TRANSACTION_SQL });
  }
  return openPglite(target);
}

async function openPglite(target: Exclude<DatabaseTarget, { kind: 'postgres' }>): Promise<Database> {
  // Loaded on demand: cloud functions in production talk to a server and do not ship the WASM engine.
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let releaseLock = async () => undefined as void;
  let pglite;
  if (target.kind === 'pglite') {
    fs.mkdirSync(target.dataDir, { recursive: true });
    releaseLock = takeDataDirLock(target.dataDir);
    pglite = await PGlite.create(target.dataDir);
  } else {
    pglite = await PGlite.create({ loadDataDir: target.dump });
  }
  await pglite.exec(BUSINESS_ZONE_SQL);
  const pool = new pg.Pool(createPgConfig(pglite));
  return databaseOverPool(pool, 'pglite', async () => {
    await pglite.close();
    await releaseLock();
  });
}

/**
 * Two processes on one PGlite data directory lose writes without any error,
 * so the second opener is refused with a message that says what to do.
 */
function takeDataDirLock(dataDir: string): () => Promise<void> {
  const lockFile = path.join(dataDir, 'app.lock');
  const tryCreate = () => fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  try {
    tryCreate();
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `数据目录 ${dataDir} 正被进程 ${holder} 使用。同一数据目录只能由一个进程打开，请先停止该进程，或用 DATA_DIR 指定另一个目录。`,
      );
    }
    fs.rmSync(lockFile, { force: true });
    tryCreate();
  }
  return async () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
