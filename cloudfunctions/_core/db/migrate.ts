import type { Database } from './database';
import { migrations } from './migrations';

/** Applies every migration not yet applied, each in its own transaction, in order. */
export async function migrate(db: Database): Promise<string[]> {
  await db.query(
    'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      // Serialises concurrent starters against one server; harmless on PGlite.
      await tx.query('select pg_advisory_xact_lock(727001)');
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
