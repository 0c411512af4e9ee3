import type { Executor } from '../../cloudfunctions/_core/db/database';

/** The tables a use case may write to; a refused call must leave every count as it was. */
export const WRITTEN_TABLES = [
  'demands',
  'orders',
  'assignments',
  'member_devices',
  'scans',
  'checkin_code_uses',
  'attendance',
  'service_records',
  'record_audit',
  'evaluations',
  'suggestions',
  'commitments',
  'trainings',
  'training_participants',
  'training_audit',
  'awards',
  'award_audit',
] as const;

export type TableName = (typeof WRITTEN_TABLES)[number];

/** Row counts of the given tables, read straight from the database. */
export async function countRows(db: Executor, tables: readonly TableName[] = WRITTEN_TABLES): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const table of tables) {
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = row.n;
  }
  return counts;
}

/** One column of one row, or undefined. */
export async function valueOf<T = unknown>(db: Executor, sql: string, params: unknown[] = []): Promise<T | undefined> {
  const [row] = await db.query(sql, params);
  return row ? (Object.values(row)[0] as T) : undefined;
}
