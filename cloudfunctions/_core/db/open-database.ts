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
  // The engine runs a whole statement on the thread that calls it: on the main thread one slow read
  // would hold every timer and every other request of the gateway until it ends.
  const { EngineThread, EngineSocket } = await import('./pglite-thread');
  let releaseLock = async () => undefined as void;
  let engine: import('./pglite-thread').EngineThread;
  if (target.kind === 'pglite') {
    fs.mkdirSync(target.dataDir, { recursive: true });
    releaseLock = takeDataDirLock(target.dataDir);
    engine = await EngineThread.start({ kind: 'pglite', dataDir: target.dataDir }, BUSINESS_ZONE_SQL).catch(async (error) => {
      await releaseLock();
      throw error;
    });
  } else {
    engine = await EngineThread.start({ kind: 'pglite-dump', dump: await target.dump.arrayBuffer() }, BUSINESS_ZONE_SQL);
  }
  // One session: a pool of one connection that stays open, so its prepared statements do too.
  const pool = new pg.Pool({
    max: 1,
    idleTimeoutMillis: 0,
    user: 'postgres',
    database: 'postgres',
    ssl: false,
    stream: () => new EngineSocket(engine),
  });
  // As on the server: a connection lost while idle (the engine thread died) is reported, and the next query says why.
  pool.on('error', (error) => console.warn(`[database] embedded engine connection lost: ${error.message}`));
  return databaseOverPool(pool, 'pglite', async () => {
    await engine.close();
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
