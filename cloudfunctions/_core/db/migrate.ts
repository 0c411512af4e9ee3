import type { Database } from './database';
import { migrations } from './migrations';

const MIGRATION_LOCK = 727001;

/** Applies every migration not yet applied, each in its own transaction, in order. */
export async function migrate(db: Database): Promise<string[]> {
  // `create table if not exists` is not safe against itself: two servers starting on a new database at once
  // collide on the catalogue's unique keys, so the lock the migrations take covers it too.
  await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query('create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())');
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      // Serialises concurrent starters against one server; harmless on PGlite.
      await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const rows = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.query(migration.sql);
      await tx.query('insert into schema_migrations (version) values ($1)', [migration.version]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
