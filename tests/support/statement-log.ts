import type { Database, Executor } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';

export interface SentStatement {
  sql: string;
  params: unknown[];
}

/**
 * Makes every cloud function in this process use `db` through a wrapper that keeps each statement `work` sent,
 * with its parameters (transactions' BEGIN and COMMIT not included).
 */
export async function recordStatements(db: Database, work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const recorded = (executor: Executor): Executor => ({
    query: (sql, params) => {
      sent.push({ sql, params: params ?? [] });
      return executor.query(sql, params);
    },
  });
  useDatabase({
    ...db,
    query: (sql, params) => recorded(db).query(sql, params),
    transaction: (run) => db.transaction((tx) => run(recorded(tx))),
  } as Database);
  try {
    await work();
  } finally {
    useDatabase(db);
  }
  return sent;
}

/** How many statements `work` sent (BEGIN and COMMIT not included). */
export const countStatements = async (db: Database, work: () => Promise<unknown>): Promise<number> =>
  (await recordStatements(db, work)).length;
