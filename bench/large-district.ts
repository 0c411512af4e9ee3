import { startSession } from '../cloudfunctions/_core/auth';
import type { Database } from '../cloudfunctions/_core/db/database';
import { businessDate } from '../cloudfunctions/_core/shared/business-time';
import districtTemplate from './large-district.sql';

/**
 * How a district of `records` service records is shaped (1,000,000 gives issue 12's district).
 *
 * The rule for smaller scales: a community keeps its size (the big one 5,000 members, every other one 227)
 * and its members keep serving at the same pace (two records a member a year), so a community's current year
 * looks the same at every scale. The district shrinks in breadth, to 200 communities per million records
 * (at least 3), and in depth, to the years of history the records fill: about 11 months at 10k, 5.4 years
 * at 100k, 10 years at 1M. Units keep their size too: one per hundred members (55, 93, 502). What an action scoped to one community or member reads of this year is then the
 * same at every scale; what grows with the data is the rest of the district and the past years, which such an
 * action should not read, and a member's whole history (past accepts and attendance, 1.9× from 100k to 1M).
 */
export interface DistrictShape {
  records: number;
  communities: number;
  big: number;
  typical: number;
  members: number;
  units: number;
  gridsBig: number;
  gridsTypical: number;
  residentsBig: number;
  residentsTypical: number;
  ordersBig: number;
  ordersTypical: number;
  spanDays: number;
  openOrders: number;
  openDemands: number;
}

export const BIG_COMMUNITY_MEMBERS = 5_000;
export const TYPICAL_COMMUNITY_MEMBERS = 227;
const RECORDS_PER_MEMBER_YEAR = 2;
const MEMBERS_PER_ORDER = 10;
/** A unit has about 40 在职党员 (two members in five) at every scale, so unitStatistics reads the same unit size. */
const MEMBERS_PER_UNIT = 100;

export function districtShape(records: number): DistrictShape {
  if (!Number.isInteger(records) || records < 1_000) throw new Error('records 须为不小于 1000 的整数');
  const scale = records / 1_000_000;
  const communities = Math.max(3, Math.round(200 * scale));
  const big = BIG_COMMUNITY_MEMBERS;
  const typical = TYPICAL_COMMUNITY_MEMBERS;
  const members = big + (communities - 1) * typical;
  const perMember = records / members;
  return {
    records,
    communities,
    big,
    typical,
    members,
    units: Math.max(3, Math.round(members / MEMBERS_PER_UNIT)),
    gridsBig: 20,
    gridsTypical: 4,
    residentsBig: big / 10,
    residentsTypical: Math.ceil(typical / 10),
    ordersBig: Math.ceil((big * perMember) / MEMBERS_PER_ORDER),
    ordersTypical: Math.ceil((typical * perMember) / MEMBERS_PER_ORDER),
    spanDays: Math.max(30, Math.round((365 * perMember) / RECORDS_PER_MEMBER_YEAR)),
    openOrders: 4,
    openDemands: 3,
  };
}

/** The row counts a generated district has, worked out from its shape (the generator's test checks them). */
export function expectedCounts(shape: DistrictShape) {
  const { communities: c, ordersBig, ordersTypical } = shape;
  const pastOrders = ordersBig + (c - 1) * ordersTypical;
  const each = (perCommunity: (orders: number) => number) => perCommunity(ordersBig) + (c - 1) * perCommunity(ordersTypical);
  const demandOrders = each((orders) => Math.floor(orders / 10) * 3 + Math.min(orders % 10, 3));
  const handCheckOuts = each((orders) => Math.ceil(orders / 2));
  const residents = shape.residentsBig + (c - 1) * shape.residentsTypical;
  const inService = Math.floor(shape.members / 5) * 2 + Math.min(shape.members % 5, 2);
  return {
    organisations: 1 + Math.floor((c - 1) / 20) + 1 + c + shape.gridsBig + (c - 1) * shape.gridsTypical,
    units: shape.units,
    users: 1 + c + shape.units + shape.members + residents,
    members: shape.members,
    residents,
    report_slips: inService + shape.units * 3,
    registrations: inService,
    orders: pastOrders + c * (shape.openOrders + 1),
    demands: demandOrders + c * shape.openDemands,
    evaluations: demandOrders,
    assignments: pastOrders * MEMBERS_PER_ORDER + c * 3,
    attendance: pastOrders * MEMBERS_PER_ORDER,
    service_records: pastOrders * MEMBERS_PER_ORDER,
    scans: pastOrders * MEMBERS_PER_ORDER * 2 - handCheckOuts,
  };
}

/** The people the bench calls actions as, found by these phones (ids are md5 of their names, as in the SQL). */
export const DISTRICT_PHONES = {
  member: (m: number) => String(13_000_000_000 + m),
  resident: (r: number) => String(15_000_000_000 + r),
  secretary: (c: number) => String(18_000_000_000 + c),
  unitAdmin: (u: number) => String(18_100_000_000 + u),
  districtAdmin: '18200000000',
};

function fill(sql: string, values: Record<string, number | string>): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`large-district.sql: 未知占位符 ${name}`);
    return String(values[name]);
  });
}

/** The generator's SQL for `records`, ready for any client (psql included); `now` is where the history ends. */
export function districtSql(records: number, now: Date): string {
  const shape = districtShape(records);
  return fill(districtTemplate, {
    big: shape.big,
    typical: shape.typical,
    communities: shape.communities,
    communities_minus_1: shape.communities - 1,
    members: shape.members,
    units: shape.units,
    grids_big: shape.gridsBig,
    grids_typical: shape.gridsTypical,
    residents_big: shape.residentsBig,
    residents_typical: shape.residentsTypical,
    orders_big: shape.ordersBig,
    orders_typical: shape.ordersTypical,
    span_days: shape.spanDays,
    open_orders: shape.openOrders,
    open_demands: shape.openDemands,
    member_phone_base: 13_000_000_000,
    resident_phone_base: 15_000_000_000,
    secretary_phone_base: 18_000_000_000,
    unit_admin_phone_base: 18_100_000_000,
    waiting_phone_base: 16_000_000_000,
    district_admin_phone: DISTRICT_PHONES.districtAdmin,
    today: businessDate(now),
    now: now.toISOString(),
  });
}

/**
 * Writes the district into a freshly migrated database, then vacuums and analyzes it. `foreignKeys: 'trusted'` skips the
 * foreign-key triggers (session_replication_role = replica, a superuser's setting) and halves the time at 1M
 * rows: the same SQL is run with every key checked by the generator's test, and the ids are formulas of the scale.
 */
export async function generateDistrict(
  db: Database,
  options: { records: number; now?: Date; foreignKeys?: 'checked' | 'trusted' },
): Promise<DistrictShape> {
  const sql = districtSql(options.records, options.now ?? new Date());
  await db.transaction(async (tx) => {
    if (options.foreignKeys === 'trusted') await tx.query('set local session_replication_role = replica');
    await tx.query(sql);
  });
  // What autovacuum does soon after a bulk insert in production: the visibility map lets the history counts
  // (recommend's accepted orders and attendance per member) be read from their indexes alone.
  await db.query('vacuum (analyze)');
  return districtShape(options.records);
}

export interface DistrictCallers {
  districtAdmin: string;
  bigSecretary: string;
  typicalSecretary: string;
  bigMember: string;
  unitAdmin: string;
}

/** Sessions for the callers the scale bench needs, found by their known phones. */
export async function districtSessions(db: Database, secret: string, now = new Date()): Promise<DistrictCallers> {
  const phones = {
    districtAdmin: DISTRICT_PHONES.districtAdmin,
    bigSecretary: DISTRICT_PHONES.secretary(0),
    typicalSecretary: DISTRICT_PHONES.secretary(1),
    bigMember: DISTRICT_PHONES.member(0),
    unitAdmin: DISTRICT_PHONES.unitAdmin(0),
  };
  return db.transaction(async (tx) => {
    const tokens = {} as DistrictCallers;
    for (const [who, phone] of Object.entries(phones) as [keyof DistrictCallers, string][]) {
      const [user] = await tx.query<{ id: string }>('select id from users where phone = $1', [phone]);
      if (!user) throw new Error(`压测数据中没有 ${phone}：先用 generateDistrict 生成`);
      tokens[who] = (await startSession(tx, { userId: user.id, secret, now, ttlHours: 24 })).token;
    }
    return tokens;
  });
}
