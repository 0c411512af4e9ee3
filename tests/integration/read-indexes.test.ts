import type { Database } from '../../cloudfunctions/_core/db/database';
import { nodesOf, planOf } from '../support/statement-plans';
import { openSuiteDatabase } from '../support/test-database';

const SOME_ID = "'00000000-0000-0000-0000-000000000001'::uuid";

const INDEX_NODES = ['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'];

/** The indexes a statement's plan reads, found with sequential scans priced out, so table size does not matter. */
async function indexesReadBy(db: Database, sql: string): Promise<string[]> {
  const plan = await planOf(db, { sql, params: [] });
  return nodesOf(plan).flatMap((node) => (INDEX_NODES.includes(node['Node Type']) && node['Index Name'] ? [node['Index Name']] : []));
}

/** The reads issue 12 measured growing with the district, each with the index its plan should use (one of, where two fit). */
const SHAPES: { read: string; index: string; sql: string; or?: string }[] = [
  {
    read: "recommend: a candidate's past attendance",
    index: 'attendance_member',
    sql: `select count(*) from attendance t join orders o on o.id = t.order_id where t.member_id = ${SOME_ID} and o.ends_at < now()`,
  },
  {
    read: "recommend: a candidate's accepted orders",
    index: 'assignments_member',
    sql: `select count(*) from assignments a where a.member_id = ${SOME_ID} and a.status = 'accepted'`,
  },
  {
    read: "recommend: a candidate's credited minutes this year",
    index: 'service_records_member_date',
    sql: `select sum(r.minutes_credited) from service_records r
           where r.member_id = ${SOME_ID} and r.status = 'credited' and r.service_date >= '2026-01-01'::date`,
  },
  {
    read: "org.tree and unitStatistics: the units' members",
    index: 'members_unit',
    sql: `select m.user_id from members m where m.unit_id = any(array[${SOME_ID}]) and m.member_type in ('in_service', 'probationary')`,
  },
  {
    read: 'unitStatistics: the latest registration on a 报到单',
    index: 'registrations_slip',
    sql: `select status, submitted_at from registrations where slip_id = ${SOME_ID} order by submitted_at desc limit 1`,
  },
  {
    read: "unitStatistics: a 报到单 used by one of the unit's members",
    index: 'registrations_slip',
    sql: `select 1 from registrations used where used.slip_id = ${SOME_ID} and used.user_id = ${SOME_ID}`,
  },
  {
    read: "unitStatistics: the units' open 报到单",
    index: 'report_slips_unit',
    or: 'report_slips_one_open_per_phone',
    sql: `select s.id from report_slips s where s.unit_id = any(array[${SOME_ID}]) and s.cancelled_at is null`,
  },
];

describe('the reads that grew with the district are served by an index (issue 12)', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openSuiteDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(SHAPES)('$read uses $index', async ({ sql, index, or }) => {
    const read = await indexesReadBy(db, sql);
    expect(read.filter((name) => name === index || name === or)).not.toEqual([]);
  });
});
