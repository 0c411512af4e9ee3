import type { Database } from './database';
import { openDatabase, type DatabaseTarget } from './open-database';
import { migrate } from './migrate';

let current: Promise<Database> | undefined;

/** The database every function in this process uses; opened once, on first need. */
export function getDatabase(target: () => DatabaseTarget): Promise<Database> {
  current ??= openDatabase(target());
  return current;
}

/** Lets the gateway or a test hand in the database it opened itself. */
export function useDatabase(db: Database): void {
  current = Promise.resolve(db);
}

let reader: Promise<Database> | undefined;

/** The read replica read-only actions use, when one is configured (`target` is null otherwise); opened once. */
export function getReadDatabase(target: () => DatabaseTarget | null): Promise<Database> | null {
  if (reader) return reader;
  const chosen = target();
  if (!chosen) return null;
  reader = openDatabase(chosen);
  return reader;
}

/** Lets a test hand in a read replica of its own, or take it away again (null). */
export function useReadDatabase(db: Database | null): void {
  reader = db ? Promise.resolve(db) : undefined;
}

export async function openMigratedDatabase(target: DatabaseTarget): Promise<Database> {
  const db = await openDatabase(target);
  await migrate(db);
  return db;
}
