import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';

/** What a repository needs: run one statement. Both the database and an open transaction are executors. */
export interface Executor {
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Database extends Executor {
  /** Runs `work` in one transaction: everything it wrote is kept, or nothing is. */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly engine: 'pglite' | 'postgres';
}

const statementNames = new Map<string, string>();

/**
 * A parameterised statement is sent as a named prepared statement, so that each connection parses
 * and plans it once: the embedded engine spends most of a short transaction planning otherwise.
 */
function toNamedQuery(sql: string, params?: unknown[]): QueryConfig | string {
  if (!params) return sql;
  let name = statementNames.get(sql);
  if (!name) {
    name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params };
}

/** Behind a pooler in transaction mode a statement prepared on one server connection is gone on the next. */
function toUnnamedQuery(sql: string, params?: unknown[]): QueryConfig | string {
  return params ? { text: sql, values: params } : sql;
}

export interface PoolOptions {
  /** PgBouncer in transaction mode: statements unnamed, and each transaction opens with `transactionSetup`. */
  pooler?: 'none' | 'transaction';
  /** Session settings a transaction must carry itself when its connection is shared (e.g. `SET LOCAL TIME ZONE …`). */
  transactionSetup?: string;
}

const clientExecutor = (client: PoolClient, toQuery: typeof toNamedQuery): Executor => ({
  async query(sql, params) {
    const result = await client.query(toQuery(sql, params));
    return result.rows;
  },
});

/**
 * One implementation for both engines: PGlite is reached through the same `pg` pool,
 * so that types come back the same way from the embedded default and the server.
 */
export function databaseOverPool(pool: Pool, engine: Database['engine'], onClose?: () => Promise<void>, options: PoolOptions = {}): Database {
  const shared = options.pooler === 'transaction';
  const toQuery = shared ? toUnnamedQuery : toNamedQuery;
  // One message, so the setup costs no round trip.
  const begin = shared && options.transactionSetup ? `BEGIN; ${options.transactionSetup}` : 'BEGIN';
  return {
    engine,
    async query(sql, params) {
      const result = await pool.query(toQuery(sql, params));
      return result.rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query(begin);
        const value = await work(clientExecutor(client, toQuery));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
      await onClose?.();
    },
  };
}
