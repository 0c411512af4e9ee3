import type { Database, Executor } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';

/**
 * Makes every cloud function in this process use `db` through a wrapper that counts what `work` sends:
 * statements, and transactions (each one more round trip to open and one to end).
 */
export async function countRoundTrips(db: Database, work: () => Promise<unknown>) {
  let statements = 0;
  let transactions = 0;
  const counted = (executor: Executor): Executor => ({
    query: (sql, params) => {
      statements += 1;
      return executor.query(sql, params);
    },
  });
  useDatabase({
    ...db,
    query: (sql, params) => counted(db).query(sql, params),
    transaction: (run) => {
      transactions += 1;
      return db.transaction((tx) => run(counted(tx)));
    },
  } as Database);
  try {
    await work();
  } finally {
    useDatabase(db);
  }
  return { statements, transactions, roundTrips: statements + 2 * transactions };
}

export interface HeldTransaction<T> {
  /** Resolves once a transaction is held, with what `probe` found inside it. */
  reached: Promise<T>;
  release: () => void;
  /** Puts `db` back as it was. */
  restore: () => void;
}

/**
 * Makes every cloud function use `db` through a wrapper that holds the first transaction to reach a point —
 * just before a statement `before` matches, or with no `before` just before its COMMIT — until `release`.
 * `probe` runs inside that transaction when it is held. Later transactions pass straight through.
 */
export function holdTransaction<T = undefined>(
  db: Database,
  options: { before?: (sql: string) => boolean; probe?: (tx: Executor) => Promise<T> } = {},
): HeldTransaction<T> {
  let armed = true;
  let reached!: (value: T) => void;
  let release!: () => void;
  const reachedPromise = new Promise<T>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const hold = async (tx: Executor) => {
    armed = false;
    reached((options.probe ? await options.probe(tx) : undefined) as T);
    await released;
  };
  useDatabase({
    ...db,
    transaction: (run) =>
      db.transaction(async (tx) => {
        const value = await run({
          query: async (sql, params) => {
            if (armed && options.before?.(sql)) await hold(tx);
            return tx.query(sql, params);
          },
        });
        if (armed && !options.before) await hold(tx);
        return value;
      }),
  } as Database);
  return { reached: reachedPromise, release, restore: () => useDatabase(db) };
}
