import type { Database, Executor } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';

/**
 * Makes every cloud function in this process use `db` through a wrapper that counts the statements sent
 * (transactions' BEGIN and COMMIT not included), and gives back how many `work` sent.
 */
export async function countStatements(db: Database, work: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  const counted = (executor: Executor): Executor => ({
    query: (sql, params) => {
      statements += 1;
      return executor.query(sql, params);
    },
  });
  useDatabase({
    ...db,
    query: (sql, params) => counted(db).query(sql, params),
    transaction: (run) => db.transaction((tx) => run(counted(tx))),
  } as Database);
  try {
    await work();
  } finally {
    useDatabase(db);
  }
  return statements;
}
