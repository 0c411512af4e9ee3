import type { Database } from '../cloudfunctions/_core/db/database';
import { useDatabase } from '../cloudfunctions/_core/db/database-context';
import { factsReadsOf, loadMemberFacts } from '../cloudfunctions/_core/assessment/member-facts.repository';
import { DEFAULT_PRESET } from '../cloudfunctions/_core/assessment/rule-set.repository';
import { PRESETS } from '../cloudfunctions/_core/assessment/presets';
import { businessYear } from '../cloudfunctions/_core/shared/business-time';
import type { Envelope } from '../cloudfunctions/_core/shared/envelope';
import { cloudFunctions, type CloudFunction } from '../gateway/cloud-functions';
import { onPostgresServer, onServerDatabase, onTemporaryPglite } from './bench-databases';
import { districtSessions, districtShape, generateDistrict, BIG_COMMUNITY_MEMBERS } from './large-district';
import { median, timed } from './measure';
import { generatedId } from './scale';

/**
 * `BENCH_ONLY=compliance npm run bench` (issue 13): assessment.complianceList for the big community (5,000 members) of
 * the generated district, through its cloud function entry (session, transaction, rule set, the facts reader, every
 * member's standing, sort and the first page), beside the minimal raw aggregate of what the list shows (each member's
 * name, type, grid, exemption and credited services and minutes per quarter) on the same database in the same run, median of
 * BENCH_COMPLIANCE_RUNS, at each size of BENCH_COMPLIANCE_RECORDS; PGlite up to BENCH_COMPLIANCE_PGLITE_MAX, the
 * PostgreSQL server (DATABASE_URL, else a throwaway one) at every size. The generator has no suggestions,
 * commitments, exemptions or activists: the setup adds some to the big community. The default rule set counts
 * services, the cultivation period, the exemption and the day a member joined: the reader leaves the suggestions
 * and good deeds unread, as it does for any rule set that counts neither.
 */
const SIZES = (process.env.BENCH_COMPLIANCE_RECORDS ?? '10000,100000,1000000').split(',').map(Number);
const PGLITE_MAX = Number(process.env.BENCH_COMPLIANCE_PGLITE_MAX ?? 1_000_000);
const RUNS = Number(process.env.BENCH_COMPLIANCE_RUNS ?? 7);
const WARM_UP_RUNS = 6;
const RATIO_TARGET = 1.5;

/**
 * The minimal raw statement for what the list shows under the default rule set: every member of the community with
 * name, type and grid, a live exemption, and their credited services and minutes in each quarter of the year.
 */
export const MEMBER_QUARTER_MINUTES = `
  select m.user_id, u.name, m.volunteer_no, m.member_type, g.name as grid_name, e.id is not null as exempt,
         ${[1, 2, 3, 4].map((q) => `count(r.id) filter (where r.service_date >= $${q + 1}::date and r.service_date < $${q + 2}::date) as q${q},
         coalesce(sum(r.minutes_credited) filter (where r.service_date >= $${q + 1}::date and r.service_date < $${q + 2}::date), 0) as q${q}_minutes`).join(',\n         ')}
    from members m
    join users u on u.id = m.user_id and u.left_at is null
    left join organisations g on g.id = m.grid_id
    left join assessment_exemptions e on e.member_id = m.user_id and e.year = $7 and e.revoked_at is null
    left join service_records r on r.member_id = m.user_id and r.status = 'credited' and r.service_date >= $2::date and r.service_date < $6::date
   where m.community_id = $1
   group by m.user_id, u.name, m.volunteer_no, m.member_type, g.name, e.id`;

/** Suggestions, confirmed 好事, exemptions and activists in the big community, a share of its members each. */
async function addAssessmentInputs(db: Database, year: number) {
  const community = generatedId('community-0');
  const secretary = generatedId('secretary-0');
  const nth = (n: number) => `m.community_id = $1 and substring(m.volunteer_no from 3)::int % ${n} = 0`;
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into suggestions (id, member_id, community_id, category, body, submitted_at)
       select gen_random_uuid(), m.user_id, m.community_id, '环境卫生', '建议在小区门口增设垃圾分类指引牌', $2::timestamptz
         from members m where ${nth(7)}`,
      [community, `${year}-03-15T10:00:00+08:00`],
    );
    await tx.query(
      `insert into commitments (id, year, community_id, member_id, beneficiary, content, status, fulfilment, fulfilled_at, confirmed_by, confirmed_at, created_by, created_at)
       select gen_random_uuid(), $3, m.community_id, m.user_id, '独居老人', '每月上门陪伴一次', 'confirmed', '已上门陪伴', $2::timestamptz, $4, $2::timestamptz, $4, $2::timestamptz
         from members m where ${nth(11)}`,
      [community, `${year}-02-20T10:00:00+08:00`, year, secretary],
    );
    await tx.query(
      `insert into assessment_exemptions (id, member_id, year, reason, approved_by, recorded_by, recorded_at)
       select gen_random_uuid(), m.user_id, $2, '身体原因不宜参加服务', '压测街道党工委', $3, now() from members m where ${nth(97)}`,
      [community, year, secretary],
    );
    await tx.query(`update members m set member_type = 'activist', activist_since = $2::date where ${nth(50)} and m.member_type <> 'in_service'`, [
      community, `${year - 1}-06-01`,
    ]);
  });
  await db.query('analyze');
}

type Row = { size: number; product: number; raw: number; reader: number; members: number };

async function benchSize(db: Database, records: number, engine: string, rows: Row[]) {
  useDatabase(db);
  const started = performance.now();
  await generateDistrict(db, { records, foreignKeys: 'trusted' });
  const year = businessYear(new Date());
  await addAssessmentInputs(db, year);
  console.log(`  生成 ${records.toLocaleString('en')} 条记录的压测区：${((performance.now() - started) / 1000).toFixed(1)} s`);
  const callers = await districtSessions(db, process.env.SESSION_SECRET!);
  const community = generatedId('community-0');
  const rawParams = [community, ...['01-01', '04-01', '07-01', '10-01'].map((day) => `${year}-${day}`), `${year + 1}-01-01`, year];

  let answer: { counts: { members: number; met: number; behind: number; exempt: number; notAssessed: number } } | null = null;
  const callProduct = async () => {
    const envelope = (await (cloudFunctions.assessment as CloudFunction)({
      action: 'complianceList', data: { page: { limit: 20, offset: 0 } }, token: callers.bigSecretary,
    })) as Envelope<NonNullable<typeof answer>>;
    if (!envelope.ok) throw new Error(`complianceList: ${envelope.error.code} ${envelope.error.message}`);
    answer = envelope.data;
  };
  const callRaw = () => db.query(MEMBER_QUARTER_MINUTES, rawParams);

  await callProduct();
  const rawRows = await callRaw();
  const { counts } = answer!;
  if (counts.members !== BIG_COMMUNITY_MEMBERS || rawRows.length !== counts.members) {
    throw new Error(`考核达标名单与原始 SQL 的人数不一致：${counts.members} ≠ ${rawRows.length}`);
  }
  if (counts.met + counts.behind + counts.exempt + counts.notAssessed !== counts.members) throw new Error('考核达标各项人数之和不等于总人数');

  for (let i = 0; i < WARM_UP_RUNS; i++) {
    await callProduct();
    await callRaw();
  }
  const reads = factsReadsOf([PRESETS[DEFAULT_PRESET]]);
  const product: number[] = [];
  const raw: number[] = [];
  const reader: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const pair = [() => timed(callProduct).then((ms) => product.push(ms)), () => timed(callRaw).then((ms) => raw.push(ms))];
    for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
    reader.push(await timed(() => db.transaction((tx) => loadMemberFacts(tx, { communityId: community }, year, reads))));
  }
  const row = { size: records, product: median(product), raw: median(raw), reader: median(reader), members: counts.members };
  rows.push(row);
  console.log(
    `  ${engine} ${records.toLocaleString('en')}：产品 ${row.product.toFixed(1)} ms，其中读取 ${row.reader.toFixed(1)} ms，原始 SQL ${row.raw.toFixed(1)} ms` +
      `（达标 ${counts.met}，未达标 ${counts.behind}，免除 ${counts.exempt}，不考核 ${counts.notAssessed}）`,
  );
}

const size = (records: number) => (records >= 1_000_000 ? `${records / 1_000_000}M` : `${records / 1000}k`);

function report(engine: string, rows: Row[]) {
  console.log(`\n== 社区考核达标名单（大社区 ${BIG_COMMUNITY_MEMBERS.toLocaleString('en')} 人）：${engine}（${RUNS} 次中位数；比值目标 ≤ ${RATIO_TARGET}×）`);
  console.log('| 记录 | 区党员 | 产品 ms | 其中读取 ms | 原始 SQL ms | 比值 | 增长（产品） |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  rows.forEach((row, i) => {
    const ratio = row.product / row.raw;
    const growth = i === 0 ? '—' : `${(row.product / rows[i - 1].product).toFixed(2)}×`;
    console.log(
      `| ${size(row.size)} | ${districtShape(row.size).members.toLocaleString('en')} | ${row.product.toFixed(1)} | ${row.reader.toFixed(1)} | ${row.raw.toFixed(1)} | ${ratio.toFixed(2)}×（${ratio <= RATIO_TARGET ? '达标' : '未达标'}） | ${growth} |`,
    );
  });
}

export async function benchCompliance() {
  const engines = process.env.BENCH_COMPLIANCE_ENGINES;
  if (engines !== 'postgres') {
    const rows: Row[] = [];
    for (const records of SIZES.filter((n) => n <= PGLITE_MAX)) {
      await onTemporaryPglite('dyg-compliance-', (db) => benchSize(db, records, 'PGlite', rows));
    }
    if (rows.length > 0) report('PGlite（嵌入式）', rows);
  }
  if (engines === 'pglite') return;
  const onServer = async (url: string) => {
    const rows: Row[] = [];
    for (const records of SIZES) {
      await onServerDatabase(url, { name: `dyg_compliance_${records}_${Date.now()}`, poolSize: 4 }, ({ db }) => benchSize(db, records, 'PostgreSQL', rows));
    }
    report('PostgreSQL 服务器', rows);
  };
  return onPostgresServer('社区考核达标名单', onServer);
}
