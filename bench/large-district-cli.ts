import { openMigratedDatabase } from '../cloudfunctions/_core/db/database-context';
import { districtShape, districtSql, expectedCounts, generateDistrict } from './large-district';

/**
 * `npm run bench:district -- --records 100000 --url postgres://…` (or `--data-dir <dir>` for PGlite): migrates
 * the database and writes the large district of bench/large-district.sql into it. The database should be empty.
 * `--trust-keys` skips the foreign-key triggers (twice as fast; superuser only). `--print` writes the filled SQL to stdout instead, for psql on a migrated database.
 */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function run() {
  const records = Number(option('records') ?? 100_000);
  if (process.argv.includes('--print')) {
    process.stdout.write(districtSql(records, new Date()));
    return;
  }
  const url = option('url') ?? process.env.DATABASE_URL;
  const dataDir = option('data-dir');
  if (!url && !dataDir) throw new Error('请给出 --url postgres://… 或 --data-dir <PGlite 数据目录>');
  const shape = districtShape(records);
  const db = await openMigratedDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: dataDir! });
  const started = performance.now();
  try {
    await generateDistrict(db, { records, foreignKeys: process.argv.includes('--trust-keys') ? 'trusted' : 'checked' });
  } finally {
    await db.close();
  }
  const counts = expectedCounts(shape);
  console.log(
    `已生成压测区（${((performance.now() - started) / 1000).toFixed(1)} s）：${shape.communities} 个社区（大社区 ${shape.big} 名党员，其余各 ${shape.typical} 名），` +
      `${shape.members} 名党员，${shape.units} 个单位，${counts.orders} 张订单，${counts.attendance} 条签到与服务记录，${counts.scans} 次扫码，` +
      `历史 ${shape.spanDays} 天`,
  );
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
