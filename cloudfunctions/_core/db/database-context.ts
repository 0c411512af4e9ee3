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

export async function openMigratedDatabase(target: DatabaseTarget): Promise<Database> {
  const db = await openDatabase(target);
  await migrate(db);
  return db;
}
