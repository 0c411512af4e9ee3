import type { Database } from '../cloudfunctions/_core/db/database';
import { useDatabase } from '../cloudfunctions/_core/db/database-context';
import { loadOrganisationRates } from '../cloudfunctions/_core/assessment/organisation-rates.repository';
import { businessYear } from '../cloudfunctions/_core/shared/business-time';
import { onPostgresServer, onServerDatabase, onTemporaryPglite } from './bench-databases';
import { districtSessions, districtShape, generateDistrict } from './large-district';
import { median, timed } from './measure';
import { ORGANISATION_RATES, organisationRatesParams } from './organisation-rates-raw';
import { generatedId, measureCase, type Case } from './scale';

/**
 * `BENCH_ONLY=rates npm run bench` (issue 13): assessment.organisationRates for the district admin of the generated
 * district (50,000 members and 1,000,000 records at 1M) through its cloud function entry, beside the minimal raw
 * aggregate of the same counts (bench/organisation-rates-raw.ts) on the same database in the same run, median of
 * BENCH_RATES_RUNS, at each size of BENCH_RATES_RECORDS; PGlite up to BENCH_RATES_PGLITE_MAX, the PostgreSQL server
 * (DATABASE_URL, else a throwaway one) at every size. The answers are checked equal before anything is timed.
 */
const SIZES = (process.env.BENCH_RATES_RECORDS ?? '10000,100000,1000000').split(',').map(Number);
const PGLITE_MAX = Number(process.env.BENCH_RATES_PGLITE_MAX ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RATES_RUNS ?? 7);
const RATIO_TARGET = 1.5;

const RATES_CASE: Case = {
  name: 'assessment.organisationRates 区管理员',
  scoped: false,
  runs: RUNS,
  product: (callers) => ({ fn: 'assessment', action: 'organisationRates', data: {}, token: callers.districtAdmin }),
  raw: (now) => ({ sql: ORGANISATION_RATES, params: organisationRatesParams(generatedId('district'), businessYear(now)) }),
};

type RawRow = { kind: string; id: string; registered: number; waiting: number; held: number; served: number; evaluated: number; satisfied: number };
type Row = { size: number; members: number; organisations: number; product: number; raw: number; reader: number };

/** The product's counts and the raw statement's, organisation by organisation (one with no rows at all is all zeros in the product). */
export async function sameAnswer(db: Database, year: number) {
  const product = await db.transaction((tx) => loadOrganisationRates(tx, { districtId: generatedId('district') }, year));
  const raw = new Map((await db.query<RawRow>(ORGANISATION_RATES, organisationRatesParams(generatedId('district'), year))).map((row) => [`${row.kind}:${row.id}`, row]));
  for (const organisation of product) {
    const counted = raw.get(`${organisation.kind}:${organisation.organisationId}`);
    const { registration_rate: r, participation_rate: p, satisfaction_rate: s } = organisation.rates;
    const mine = [r.numerator, r.denominator - r.numerator, p.denominator, p.numerator, s.denominator, s.numerator];
    const theirs = counted ? [counted.registered, counted.waiting, counted.held, counted.served, counted.evaluated, counted.satisfied] : [0, 0, 0, 0, 0, 0];
    if (mine.join() !== theirs.join()) throw new Error(`组织比率与原始 SQL 不一致：${organisation.name} ${mine.join('/')} ≠ ${theirs.join('/')}`);
  }
  if (raw.size > product.length) throw new Error('原始 SQL 多出了组织');
  return product;
}

async function benchSize(db: Database, records: number, engine: string, rows: Row[], generate: boolean) {
  useDatabase(db);
  if (generate) {
    const started = performance.now();
    await generateDistrict(db, { records, foreignKeys: 'trusted' });
    console.log(`  生成 ${records.toLocaleString('en')} 条记录的压测区：${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const callers = await districtSessions(db, process.env.SESSION_SECRET!);
  const year = businessYear(new Date());
  const organisations = (await sameAnswer(db, year)).length;
  const figure = await measureCase(db, callers, RATES_CASE);
  // The reader's two statements alone, without the call (session, transaction, rule sets, evaluation).
  const reader: number[] = [];
  for (let i = 0; i < RUNS; i++) reader.push(await timed(() => db.transaction((tx) => loadOrganisationRates(tx, { districtId: generatedId('district') }, year))));
  const row = { size: records, members: districtShape(records).members, organisations, product: figure.product, raw: figure.raw, reader: median(reader) };
  rows.push(row);
  console.log(`  ${engine} ${records.toLocaleString('en')}：产品 ${row.product.toFixed(1)} ms，其中读取 ${row.reader.toFixed(1)} ms，原始 SQL ${row.raw.toFixed(1)} ms（${organisations} 个组织）`);
}

const size = (records: number) => (records >= 1_000_000 ? `${records / 1_000_000}M` : `${records / 1000}k`);

function report(engine: string, rows: Row[]) {
  console.log(`\n== 组织考核比率：${engine}（${RUNS} 次中位数；比值目标 ≤ ${RATIO_TARGET}×）`);
  console.log('| 记录 | 党员 | 组织 | 产品 ms | 其中读取 ms | 原始 SQL ms | 比值 | 增长（产品） |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  rows.forEach((row, i) => {
    const ratio = row.product / row.raw;
    const growth = i === 0 ? '—' : `${(row.product / rows[i - 1].product).toFixed(2)}×`;
    console.log(
      `| ${size(row.size)} | ${row.members.toLocaleString('en')} | ${row.organisations} | ${row.product.toFixed(1)} | ${row.reader.toFixed(1)} | ${row.raw.toFixed(1)} | ${ratio.toFixed(2)}×（${ratio <= RATIO_TARGET ? '达标' : '未达标'}） | ${growth} |`,
    );
  });
}

export async function benchOrganisationRates() {
  if (process.env.BENCH_RATES_ENGINES !== 'postgres') {
    const rows: Row[] = [];
    for (const records of SIZES.filter((n) => n <= PGLITE_MAX)) {
      await onTemporaryPglite('dyg-rates-', (db) => benchSize(db, records, 'PGlite', rows, true));
    }
    if (rows.length > 0) report('PGlite（嵌入式）', rows);
  }
  if (process.env.BENCH_RATES_ENGINES === 'pglite') return;
  const onServer = async (url: string) => {
    const rows: Row[] = [];
    for (const records of SIZES) {
      await onServerDatabase(url, { name: `dyg_rates_${records}_${Date.now()}`, poolSize: 4 }, ({ db }) => benchSize(db, records, 'PostgreSQL', rows, true));
    }
    report('PostgreSQL 服务器', rows);
  };
  return onPostgresServer('组织考核比率', onServer);
}
