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
function toQuery(sql: string, params?: unknown[]): QueryConfig | string {
  if (!params) return sql;
  let name = statementNames.get(sql);
  if (!name) {
    name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params };
}

const clientExecutor = (client: PoolClient): Executor => ({
  async query(sql, params) {
    const result = await client.query(toQuery(sql, params));
    return result.rows;
  },
});

/**
 * One implementation for both engines: PGlite is reached through the same `pg` pool,
 * so that types come back the same way from the embedded default and the server.
 */
export function databaseOverPool(pool: Pool, engine: Database['engine'], onClose?: () => Promise<void>): Database {
  return {
    engine,
    async query(sql, params) {
      const result = await pool.query(toQuery(sql, params));
      return result.rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work(clientExecutor(client));
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
