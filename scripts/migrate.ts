import { loadConfig } from '../cloudfunctions/_core/config/config';
import { openDatabase } from '../cloudfunctions/_core/db/open-database';
import { migrate } from '../cloudfunctions/_core/db/migrate';
import { databaseTarget } from '../cloudfunctions/_core/runtime';

/** `npm run migrate`: applies the migrations to DATABASE_URL (production) or the local PGlite directory. */
async function run() {
  process.env.SESSION_SECRET ??= 'x'.repeat(32);
  process.env.CHECKIN_KEY ??= 'x'.repeat(32);
  process.env.CERTIFICATE_KEY ??= 'x'.repeat(32);
  const db = await openDatabase(databaseTarget(loadConfig()));
  const applied = await migrate(db);
  await db.close();
  console.log(applied.length > 0 ? `已应用迁移：${applied.join('，')}` : '数据库已是最新');
}

run().catch((error) => {
  console.error(`迁移失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
