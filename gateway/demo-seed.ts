import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { hashPassword } from '../cloudfunctions/_core/auth/password';
import { MEMBER_POSTS, isSubItemOf, type ServiceCategory } from '../cloudfunctions/_core/catalogue/service-catalogue';
import type { Database, Executor } from '../cloudfunctions/_core/db/database';
import { orgRepository, type MemberType } from '../cloudfunctions/_core/org/org.repository';
import { creditedMinutes, minutesBetween } from '../cloudfunctions/_core/records/hours-rules';
import { seedIncentiveRules } from './demo-incentives-rules';
import { seedLoveShop } from './demo-incentives-shop';
import { seedPointsSettlement } from './demo-incentives-points';
import { seedTimeBank } from './demo-incentives-bank';
import { seedQuarterlyReports } from './demo-quarterly-reports';
import { seedRegistrations, type DemoMemberFacts } from './demo-registrations';
import { seedRuleSets } from './demo-rule-sets';
import { seedTeams } from './demo-teams';
import { seedTrainingsAndAwards } from './demo-trainings';
import { seedActivityBriefs } from './demo-briefs';
import { seedActivityCalendar } from './demo-calendar';
import { seedNotifications } from './demo-notifications';
import type { DemoNotifyContext } from './demo-notify-context';
import { seedSuggestionsAndCommitments } from './demo-suggestions';
import type { NeedKindKey } from '../cloudfunctions/_core/demands/need-kinds';
import { BUSINESS_ZONE, businessDate, formatBusinessTime } from '../cloudfunctions/_core/shared/business-time';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Plainly fake demo data for the local gateway: one district with two streets, four communities,
 * two paired units, ~60 members, ~15 residents, a year of served orders with their scans, records
 * and evaluations, and a few needs and orders waiting now, so that every screen has something to show.
 */

export interface DemoAccount {
  role: 'resident' | 'member' | 'secretary' | 'unit_admin' | 'district_admin';
  name: string;
  phone: string;
  password: string;
  note: string;
}

/** The one published password of every demo account. */
export const DEMO_PASSWORD = 'demo1234';

/** True when the database already holds an organisation tree (the gateway seeds only an empty one). */
export async function hasData(db: Executor): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>('select exists (select 1 from organisations) as present');
  return row.present;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: the same data every run (only the uuids differ).

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float = () => this.next();
  /** An integer in [min, max]. */
  int = (min: number, max: number) => min + Math.floor(this.next() * (max - min + 1));
  chance = (p: number) => this.next() < p;
  pick = <T>(items: readonly T[]): T => items[Math.floor(this.next() * items.length)];
  /** `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
  /** `n` distinct items, each draw proportional to its weight among those left. */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) {
      const total = pool.reduce((sum, item) => sum + weight(item), 0);
      let roll = this.next() * total;
      let index = pool.findIndex((item) => (roll -= weight(item)) < 0);
      if (index < 0) index = pool.length - 1;
      out.push(pool.splice(index, 1)[0]);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Time: business dates and daytime hours in Asia/Shanghai.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);
/** The business date `days` days before (negative: after) `now`. */
const dateBefore = (now: Date, days: number) => businessDate(new Date(now.getTime() - days * DAY));
/** `HH:mm` on a business date, as an instant. */
const at = (date: string, time: string) => dayjs.tz(`${date} ${time}`, BUSINESS_ZONE).toDate();
const earliest = (...instants: Date[]) => new Date(Math.min(...instants.map((instant) => instant.getTime())));
const latest = (...instants: Date[]) => new Date(Math.max(...instants.map((instant) => instant.getTime())));

const START_TIMES = ['08:30', '09:00', '09:00', '09:30', '10:00', '14:00', '14:30', '15:00'];
const DURATIONS = [60, 90, 120, 120, 150, 180];

// ---------------------------------------------------------------------------------------------
// The fake world.

const NUMERALS = ['一', '二', '三', '四'];
const MEMBER_SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const RESIDENT_SURNAMES = ['李', '钱', '孙', '郑'];
const GRID_NAMES = ['第一网格', '第二网格', '第三网格'];
const SKILLS = ['维修', '驾驶', '医护', '法律', '书法', '电脑', '摄影', '文艺', '心理咨询', '理发'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const SLOTS = ['morning', 'afternoon', 'evening'] as const;
/** Member types of the 15 members of a community, in order. */
const MEMBER_TYPES: MemberType[] = [
  'in_service', 'community', 'in_service', 'community', 'in_service', 'probationary', 'in_service', 'activist',
  'community', 'in_service', 'in_service', 'community', 'probationary', 'in_service', 'activist',
];
/** How eagerly each member takes orders: the spread behind "some above 25 h, many below, a few near zero". */
const ZEAL = [3, 5, 4, 2.5, 2, 2, 1.5, 1.5, 1.2, 1, 1, 0.8, 0.5, 0.1, 0.04];
const RESIDENTS_PER_COMMUNITY = [4, 4, 3, 4];

const STREETS = [
  {
    name: '红旗街道',
    communities: [
      { name: '幸福社区', short: '幸福', estate: '幸福小区', servicePhone: '0750-5550101' },
      { name: '和平社区', short: '和平', estate: '和平里小区', servicePhone: '0750-5550102' },
    ],
  },
  {
    name: '东风街道',
    communities: [
      { name: '光明社区', short: '光明', estate: '光明花园', servicePhone: '0750-5550103' },
      // 团结社区 has not given a service phone yet: its residents' pages do without one.
      { name: '团结社区', short: '团结', estate: '团结新村', servicePhone: null },
    ],
  },
];

const UNITS = [
  { name: '示例区委机关工委', kind: '机关' as const, short: '机关工委', pairedWith: [0, 2] },
  { name: '示例区人民医院', kind: '事业' as const, short: '人民医院', pairedWith: [1, 3] },
];

interface ActivityTemplate {
  title: string;
  category: ServiceCategory;
  place: (community: { name: string; estate: string }) => string;
  description: string;
  posts?: string[];
  skills?: string[];
}

const ACTIVITIES: ActivityTemplate[] = [
  { title: '主题党日·政策宣讲进小区', category: '政策法规宣讲', place: (c) => `${c.name}党群服务中心`, description: '学习宣讲最新政策，发放宣传资料，解答居民疑问', posts: ['政策法规宣传岗'] },
  { title: '统一活动日·环境整治', category: '环保绿化服务', place: (c) => `${c.estate}各楼栋`, description: '清理楼道杂物和卫生死角，整治乱堆乱放', posts: ['环境保护卫士岗'] },
  { title: '垃圾分类宣传督导', category: '环保绿化服务', place: (c) => `${c.estate}垃圾分类投放点`, description: '在投放点值守，引导居民正确分类投放' },
  { title: '义诊进社区', category: '医疗卫生服务', place: (c) => `${c.name}卫生服务站`, description: '免费测量血压血糖，提供健康咨询', skills: ['医护'] },
  { title: '反诈宣传进万家', category: '政策法规宣讲', place: (c) => `${c.estate}中心广场`, description: '讲解常见诈骗手法，帮助居民安装反诈App' },
  { title: '文明劝导·路口值守', category: '社区服务', place: (c) => `${c.estate}南门路口`, description: '劝导电动车佩戴头盔、不闯红灯', posts: ['文明创建示范岗'] },
  { title: '平安巡逻', category: '社区服务', place: (c) => `${c.name}各网格`, description: '巡查消防通道、楼道隐患，协助维护治安', posts: ['社区稳定维护岗'] },
  { title: '关爱空巢老人集中探访', category: '爱心扶助', place: (c) => `${c.name}各网格`, description: '走访空巢独居老人，了解生活困难', posts: ['困难群众帮扶岗'] },
  { title: '青少年四点半课堂', category: '社区服务', place: (c) => `${c.name}党群服务中心`, description: '辅导小学生完成作业，开展安全教育', posts: ['青少年教育服务岗'] },
  { title: '便民义剪', category: '社区服务', place: (c) => `${c.estate}中心广场`, description: '为老年居民免费理发', skills: ['理发'] },
  { title: '书法进社区·送福字', category: '文化艺术服务', place: (c) => `${c.name}党群服务中心`, description: '现场书写福字、春联赠送居民', skills: ['书法'] },
  { title: '老年人智能手机培训', category: '信息化服务', place: (c) => `${c.name}党群服务中心`, description: '教老人用手机挂号、视频通话、防范诈骗', skills: ['电脑'] },
  { title: '植绿护绿', category: '环保绿化服务', place: (c) => `${c.estate}绿化带`, description: '补种绿植、修剪花木、清理绿化带垃圾', posts: ['环境保护卫士岗'] },
  { title: '法律咨询服务日', category: '法律援助', place: (c) => `${c.name}党群服务中心`, description: '为居民解答婚姻家庭、劳动纠纷等法律问题', skills: ['法律'] },
  { title: '消防安全隐患排查', category: '抢险救灾及突发事件应急', place: (c) => `${c.estate}各楼栋`, description: '检查楼道消防设施，清理占用消防通道的杂物' },
  { title: '社区邻里节志愿服务', category: '大型活动服务', place: (c) => `${c.estate}中心广场`, description: '活动签到引导、维护秩序、会务协助' },
];

interface DemandTemplate {
  /** The plain kind a resident would pick for it (买药代购…), where its category is that kind's. */
  kind?: NeedKindKey;
  category: ServiceCategory;
  subItem: string;
  title: string;
  description: string;
  skills?: string[];
}

const HOME_SERVICES: DemandTemplate[] = [
  { kind: 'repair', category: '社区服务', subItem: '家电、水电维修', title: '上门维修厨房水龙头', description: '厨房水龙头一直滴水，自己修不好', skills: ['维修'] },
  { kind: 'repair', category: '社区服务', subItem: '家电、水电维修', title: '上门检修电路', description: '卧室电灯开关接触不良，有时跳闸', skills: ['维修'] },
  { category: '爱心扶助', subItem: '上门慰问', title: '陪伴独居老人', description: '老人独居，子女在外地，希望有人陪着聊聊天、打扫一下卫生' },
  { kind: 'groceries', category: '爱心扶助', subItem: '敬老助残', title: '协助行动不便老人购买生活用品', description: '腿脚不便下楼困难，需要帮忙买米买油' },
  { category: '医疗卫生服务', subItem: '医疗保健', title: '上门测量血压血糖', description: '患高血压多年，行动不便，希望定期上门量血压', skills: ['医护'] },
  { kind: 'hospital', category: '交通运输服务', subItem: '提供驾驶服务', title: '陪同老人到医院复诊', description: '需要到区人民医院复诊，家里没人开车', skills: ['驾驶'] },
  { kind: 'phone', category: '信息化服务', subItem: '其他', title: '教老人使用智能手机', description: '想学会用手机视频通话和扫码付款', skills: ['电脑'] },
  { kind: 'legal', category: '法律援助', subItem: '法律公证咨询', title: '遗嘱公证法律咨询', description: '想了解办理遗嘱公证需要准备哪些材料', skills: ['法律'] },
];

const PENDING_NEEDS: DemandTemplate[] = [
  { kind: 'repair', category: '社区服务', subItem: '家电、水电维修', title: '卫生间下水道堵塞', description: '卫生间下水道堵了好几天，请党员师傅帮忙疏通' },
  { kind: 'company', category: '爱心扶助', subItem: '探访谈心', title: '探望独居老人', description: '老伴去世后一个人住，心情不好，希望有人常来坐坐' },
  { category: '医疗卫生服务', subItem: '医疗保健', title: '上门测血压', description: '刚出院在家休养，需要每周量一次血压' },
  { kind: 'phone', category: '信息化服务', subItem: '其他', title: '帮忙在手机上办理社保认证', description: '每年都要做养老金资格认证，不会在手机上操作' },
  { category: '爱心扶助', subItem: '敬老助残', title: '帮忙搬运旧家具', description: '家里要换床，旧床搬不动，需要两个人帮忙' },
  { kind: 'hospital', category: '交通运输服务', subItem: '提供驾驶服务', title: '陪同去医院做检查', description: '下周要去医院做检查，需要有人陪同接送' },
];

const RESIDENT_COMMENTS = {
  satisfied: ['服务很周到，谢谢党员同志！', '来得很准时，问题解决了', '非常耐心，老人很满意', '态度好，手艺也好'],
  basic: ['问题解决了，就是比约定时间晚到了一会儿', '还可以，希望下次沟通更及时'],
  unsatisfied: ['约好的时间只来了一个人，问题没有完全解决'],
};
const ORGANISATION_COMMENTS = {
  excellent: ['组织有序，群众反映好', '党员到岗及时，服务效果好'],
  good: ['按计划完成，效果较好', '完成任务，个别党员迟到'],
  fair: ['到岗人数不足，需加强组织', '现场秩序一般，下次改进'],
};
const SELF_COMMENTS = ['按时到岗，完成了分配的任务', '和居民聊得很愉快，收获很多', '发放宣传资料，解答了居民的问题', '下次还来参加'];

// ---------------------------------------------------------------------------------------------

interface Person {
  id: string;
  name: string;
  phone: string;
}

interface SeedMember extends Person {
  communityIndex: number;
  skills: string[];
  zeal: number;
  reliability: number;
  joinedAt: Date;
}

interface SeedResident extends Person {
  address: string;
  joinedAt: Date;
}

interface SeedCommunity {
  index: number;
  id: string;
  name: string;
  short: string;
  estate: string;
  gridIds: string[];
  secretary: Person;
  members: SeedMember[];
  residents: SeedResident[];
}

type Row = unknown[];

/** Multi-row inserts in chunks: thousands of history rows in a few statements. */
async function insertRows(tx: Executor, table: string, columns: string[], rows: Row[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(4000 / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      if (row.length !== columns.length) throw new Error(`demo seed: ${table} row has ${row.length} values for ${columns.length} columns`);
      return `(${row.map((value) => `$${params.push(value)}`).join(', ')})`;
    });
    await tx.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, params);
  }
}

const ORDER_COLUMNS = [
  'id', 'community_id', 'demand_id', 'kind', 'title', 'category', 'description', 'place', 'starts_at', 'ends_at', 'capacity',
  'accepted_count', 'dispatch', 'status', 'required_posts', 'required_skills', 'created_by', 'created_at', 'completed_at',
  'resident_confirmed_at',
];
const DEMAND_COLUMNS = [
  'id', 'community_id', 'resident_id', 'requester_name', 'contact_phone', 'address', 'category', 'sub_item', 'description',
  'wanted_from', 'wanted_until', 'channel', 'status', 'reject_reason', 'created_by', 'created_at', 'updated_at', 'need_kind',
];
const ASSIGNMENT_COLUMNS = ['id', 'order_id', 'member_id', 'status', 'invited_at', 'accepted_at'];
const SCAN_COLUMNS = ['id', 'order_id', 'verifier_id', 'member_id', 'scanned_at', 'received_at', 'outcome'];
const ATTENDANCE_COLUMNS = ['order_id', 'member_id', 'checked_in_at', 'checked_out_at', 'check_in_scan_id', 'check_out_scan_id'];
const RECORD_COLUMNS = [
  'id', 'order_id', 'member_id', 'certifying_org_id', 'content', 'place', 'service_date', 'started_at', 'ended_at',
  'minutes_measured', 'minutes_credited', 'source', 'status', 'created_by', 'created_at',
];
const EVALUATION_COLUMNS = ['id', 'order_id', 'kind', 'member_id', 'rating', 'comment', 'created_by', 'created_at'];

/** How many users the demo world has, so that their password hashes can all be made before its transaction. */
const DEMO_USER_COUNT = 83;

/**
 * Each demo account gets its own salt, although they share a published password, so that one cracked hash
 * is not every account's. scrypt is slow on purpose: the hashes are made at once, before the transaction.
 */
async function demoPasswordHashes(count: number, cost: number): Promise<() => Promise<string>> {
  const ready = await Promise.all(Array.from({ length: count }, () => hashPassword(DEMO_PASSWORD, cost)));
  return async () => ready.pop() ?? hashPassword(DEMO_PASSWORD, cost);
}

/** Fills an empty database with the demo world, in one transaction; returns the accounts to try. */
export async function seedDemoData(db: Database, options: { now: Date; passwordCost: number }): Promise<DemoAccount[]> {
  return (await seedDemoWorld(db, options, false))!;
}

/**
 * What a starting gateway runs: seeds the demo world unless the database holds one. Gateways starting together
 * on one server take turns, so the first seeds and the others find it there and get null.
 */
export async function seedDemoDataIfEmpty(db: Database, options: { now: Date; passwordCost: number }): Promise<DemoAccount[] | null> {
  if (await hasData(db)) return null;
  return seedDemoWorld(db, options, true);
}

async function seedDemoWorld(db: Database, options: { now: Date; passwordCost: number }, onlyIfEmpty: boolean): Promise<DemoAccount[] | null> {
  const now = options.now;
  const dice = new Dice(20261123);
  const nextPasswordHash = await demoPasswordHashes(DEMO_USER_COUNT, options.passwordCost);

  const rows = {
    demands: [] as Row[],
    orders: [] as Row[],
    assignments: [] as Row[],
    scans: [] as Row[],
    attendance: [] as Row[],
    records: [] as Row[],
    evaluations: [] as Row[],
  };
  const createdAt: { table: 'organisations' | 'units' | 'users'; id: string; at: Date }[] = [];
  const memberSince: { id: string; at: Date }[] = [];
  const memberFacts: DemoMemberFacts[] = [];
  const foundedAt = new Date(now.getTime() - 800 * DAY);

  return db.transaction(async (tx) => {
    if (onlyIfEmpty) {
      await tx.query('select pg_advisory_xact_lock(727002)');
      if (await hasData(tx)) return null;
    }
    const createUser = async (name: string, phone: string, since: Date): Promise<Person> => {
      const id = randomUUID();
      await orgRepository.createUser(tx, { id, name, phone, passwordHash: await nextPasswordHash() });
      createdAt.push({ table: 'users', id, at: since });
      return { id, name, phone };
    };
    const grant = (userId: string, role: DemoAccount['role'], scope: { orgId?: string; unitId?: string }) =>
      orgRepository.grantRole(tx, { id: randomUUID(), userId, role, ...scope });
    const createOrg = async (kind: 'district' | 'street' | 'community' | 'grid', parentId: string | null, name: string) => {
      const id = randomUUID();
      await orgRepository.createOrganisation(tx, { id, kind, parentId, name });
      createdAt.push({ table: 'organisations', id, at: foundedAt });
      return id;
    };

    // --- the organisation tree, units and pairings --------------------------------------------
    const districtId = await createOrg('district', null, '示例区');
    const communities: SeedCommunity[] = [];
    for (const street of STREETS) {
      const streetId = await createOrg('street', districtId, street.name);
      for (const community of street.communities) {
        const id = await createOrg('community', streetId, community.name);
        if (community.servicePhone) await tx.query('update organisations set service_phone = $2 where id = $1', [id, community.servicePhone]);
        const gridIds: string[] = [];
        for (const gridName of GRID_NAMES) gridIds.push(await createOrg('grid', id, gridName));
        communities.push({
          index: communities.length, id, ...community, gridIds,
          secretary: undefined as unknown as Person, members: [], residents: [],
        });
      }
    }
    const unitIds: string[] = [];
    for (const unit of UNITS) {
      const id = randomUUID();
      await orgRepository.createUnit(tx, { id, districtId, name: unit.name, kind: unit.kind });
      createdAt.push({ table: 'units', id, at: foundedAt });
      for (const index of unit.pairedWith) await orgRepository.pairUnitWithCommunity(tx, id, communities[index].id, dateBefore(now, 700));
      unitIds.push(id);
    }
    const pairedUnitOf = (communityIndex: number) => unitIds[UNITS.findIndex((unit) => unit.pairedWith.includes(communityIndex))];

    // --- staff ---------------------------------------------------------------------------------
    let staffPhone = 0;
    const nextStaffPhone = () => `1990000${String(++staffPhone).padStart(4, '0')}`;
    for (const community of communities) {
      community.secretary = await createUser(`演示书记·${community.short}`, nextStaffPhone(), foundedAt);
      await grant(community.secretary.id, 'secretary', { orgId: community.id });
    }
    staffPhone = 9;
    const districtAdmin = await createUser('演示区管理员', nextStaffPhone(), foundedAt);
    await grant(districtAdmin.id, 'district_admin', { orgId: districtId });
    const unitAdmins: Person[] = [];
    for (const [i, unit] of UNITS.entries()) {
      const admin = await createUser(`演示单位管理员·${unit.short}`, nextStaffPhone(), foundedAt);
      await grant(admin.id, 'unit_admin', { unitId: unitIds[i] });
      unitAdmins.push(admin);
    }

    // --- members and residents -----------------------------------------------------------------
    let memberPhone = 1000;
    let residentPhone = 2000;
    for (const community of communities) {
      const zeal = community.index === 0 ? ZEAL : dice.sample(ZEAL, ZEAL.length);
      for (const [i, surname] of MEMBER_SURNAMES.entries()) {
        const joinedAt = new Date(now.getTime() - dice.int(380, 1500) * DAY);
        const person = await createUser(`党员${surname}${NUMERALS[community.index]}`, `1990000${++memberPhone}`, joinedAt);
        const memberType = MEMBER_TYPES[i];
        const unitId =
          memberType === 'in_service'
            ? dice.chance(0.8) ? pairedUnitOf(community.index) : dice.pick(unitIds)
            : memberType === 'probationary' && dice.chance(0.5) ? pairedUnitOf(community.index) : null;
        const skills = dice.sample(SKILLS, dice.int(1, 3));
        const availability = availabilityOf(dice, zeal[i]);
        const posts = dice.sample(MEMBER_POSTS, dice.int(1, 2));
        await orgRepository.registerMember(tx, {
          userId: person.id, communityId: community.id, gridId: community.gridIds[i % 3], unitId, memberType, skills, posts, availability,
        });
        memberFacts.push({
          id: person.id, name: person.name, phone: person.phone, communityId: community.id, estate: community.estate, gridId: community.gridIds[i % 3],
          unitId, memberType, skills, posts, availability, joinedAt, secretaryId: community.secretary.id,
        });
        await grant(person.id, 'member', { orgId: community.id });
        memberSince.push({ id: person.id, at: joinedAt });
        community.members.push({
          ...person, communityIndex: community.index, skills, zeal: zeal[i], joinedAt,
          reliability: zeal[i] >= 1 ? 0.95 : zeal[i] >= 0.5 ? 0.85 : 0.6,
        });
      }
      for (let i = 0; i < RESIDENTS_PER_COMMUNITY[community.index]; i++) {
        const joinedAt = new Date(now.getTime() - dice.int(380, 1500) * DAY);
        const person = await createUser(`居民${RESIDENT_SURNAMES[i]}${NUMERALS[community.index]}`, `1990000${++residentPhone}`, joinedAt);
        const address = `${community.estate}${dice.int(1, 12)}栋${dice.int(1, 18)}0${dice.int(1, 4)}室`;
        await orgRepository.registerResident(tx, { userId: person.id, communityId: community.id, gridId: community.gridIds[i % 3], address });
        await grant(person.id, 'resident', { orgId: community.id });
        community.residents.push({ ...person, address, joinedAt });
      }
    }

    // Everyone joined before the history starts (created_at defaults to the real clock, not `now`).
    for (const table of ['organisations', 'units', 'users'] as const) {
      const items = createdAt.filter((item) => item.table === table);
      await tx.query(
        `update ${table} t set created_at = v.at from unnest($1::uuid[], $2::timestamptz[]) as v(id, at) where t.id = v.id`,
        [items.map((item) => item.id), items.map((item) => item.at.toISOString())],
      );
    }
    await tx.query(
      'update members m set created_at = v.at from unnest($1::uuid[], $2::timestamptz[]) as v(id, at) where m.user_id = v.id',
      [memberSince.map((item) => item.id), memberSince.map((item) => item.at.toISOString())],
    );
    // 入党积极分子 since the day they joined (issue 13): the assessment counts their cultivation period from it.
    await tx.query(
      `update members set activist_since = (created_at at time zone 'Asia/Shanghai')::date, party_dates_set_by = $1, party_dates_set_at = $2
        where member_type = 'activist'`,
      [communities[0].secretary.id, now],
    );

    // --- 报到: profiles, confirmed registrations and the demo unit's slips ----------------------
    await seedRegistrations(tx, new Dice(20261124), {
      now, units: UNITS.map((unit, i) => ({ id: unitIds[i], name: unit.name })), members: memberFacts, unitAdminId: unitAdmins[0].id, nextPasswordHash,
      first: { id: communities[0].id, estate: communities[0].estate, gridIds: communities[0].gridIds },
    });

    // --- a year of served orders ---------------------------------------------------------------
    const demoMember = communities[0].members[0];
    const demoResident = communities[0].residents[0];
    // 一事一评 is mostly 满意; these (community, home-service ordinal) pairs were not.
    const unsatisfied = new Set(['1:2', '3:4']);

    for (const community of communities) {
      const secretary = community.secretary;
      const days = dice.sample(range(1, 364), 30).sort((a, b) => b - a); // oldest first, one order a day at most
      const homeServiceSlots = new Set(dice.sample(range(0, days.length - 1), dice.int(7, 9)));
      let homeServiceOrdinal = 0;

      for (const [i, daysAgo] of days.entries()) {
        const date = dateBefore(now, daysAgo);
        const startsAt = at(date, dice.pick(START_TIMES));
        const endsAt = addMinutes(startsAt, dice.pick(DURATIONS));
        if (endsAt >= now) continue;
        const orderId = randomUUID();
        let participants: SeedMember[];
        let demandId: string | null = null;
        let requester: SeedResident | null = null;
        let homeServiceNo = -1;
        let orderCreatedAt: Date;
        let order: { title: string; category: ServiceCategory; description: string; place: string; capacity: number; posts: string[]; skills: string[] };

        if (homeServiceSlots.has(i)) {
          homeServiceNo = homeServiceOrdinal++;
          requester = community.residents[homeServiceNo % community.residents.length];
          const need = dice.pick(HOME_SERVICES);
          demandId = randomUUID();
          const postedAt = at(dateBefore(now, daysAgo + dice.int(2, 6)), `${String(dice.int(8, 19)).padStart(2, '0')}:${dice.pick(['05', '20', '35', '50'])}`);
          // Accepting the need and placing its order are one act of the secretary.
          orderCreatedAt = addMinutes(postedAt, dice.int(60, 1440));
          const byWindow = dice.chance(0.25);
          rows.demands.push([
            demandId, community.id, requester.id, requester.name, requester.phone, requester.address, need.category,
            checkedSubItem(need), need.description, at(date, '08:00'), at(date, '18:00'), byWindow ? dice.pick(['phone', 'window', 'visit'] as const) : 'self',
            'accepted', null, byWindow ? secretary.id : requester.id, postedAt, orderCreatedAt, need.kind ?? null,
          ]);
          const capacity = dice.int(1, 2);
          order = { title: need.title, category: need.category, description: need.description, place: requester.address, capacity, posts: [], skills: need.skills ?? [] };
          participants = dice.weightedSample(community.members, (m) => m.zeal * (need.skills?.some((s) => m.skills.includes(s)) ? 3 : 1), dice.int(1, capacity));
        } else {
          const activity = dice.pick(ACTIVITIES);
          const capacity = dice.int(4, 12);
          order = {
            title: activity.title, category: activity.category, description: activity.description, place: activity.place(community),
            capacity, posts: activity.posts ?? [], skills: activity.skills ?? [],
          };
          participants = dice.weightedSample(community.members, (m) => m.zeal, dice.int(Math.max(2, Math.ceil(capacity / 2)), capacity));
          orderCreatedAt = new Date(startsAt.getTime() - dice.int(5, 10) * DAY); // announced ahead (000: ≥ 5 working days)
        }
        // The demo member's latest services are recent, so that their hours and records show at once.
        if (community.index === 0 && i >= days.length - 3 && !participants.includes(demoMember)) {
          if (participants.length >= order.capacity) participants.pop();
          participants.unshift(demoMember);
        }

        for (const member of participants) {
          rows.assignments.push([randomUUID(), orderId, member.id, 'accepted', null, addMinutes(orderCreatedAt, dice.int(5, 2000))]);
        }

        // Who came, when they were scanned in and out, and what was credited.
        const scheduled = minutesBetween(startsAt, endsAt);
        const attended = participants.filter((member, index) => (index === 0 && member === demoMember) || dice.chance(member.reliability));
        if (attended.length === 0) attended.push(participants[0]);
        let lastOut = startsAt;
        for (const member of attended) {
          const checkedInAt = addMinutes(startsAt, dice.chance(0.1) ? dice.int(8, 25) : -dice.int(0, 20));
          const roll = dice.float();
          const outOffset = roll < 0.08 ? dice.int(35, 70) : roll < 0.18 ? -dice.int(20, 45) : dice.int(-10, 15);
          const checkedOutAt = latest(addMinutes(endsAt, outOffset), addMinutes(checkedInAt, 20));
          const measured = minutesBetween(checkedInAt, checkedOutAt);
          const inScan = randomUUID();
          const outScan = randomUUID();
          rows.scans.push([inScan, orderId, secretary.id, member.id, checkedInAt, checkedInAt, 'checked_in']);
          rows.scans.push([outScan, orderId, secretary.id, member.id, checkedOutAt, checkedOutAt, 'checked_out']);
          rows.attendance.push([orderId, member.id, checkedInAt, checkedOutAt, inScan, outScan]);
          rows.records.push([
            randomUUID(), orderId, member.id, community.id, `${order.category}：${order.title}`, order.place, businessDate(checkedInAt),
            checkedInAt, checkedOutAt, measured, creditedMinutes(measured, scheduled), 'scan', 'credited', secretary.id, checkedOutAt,
          ]);
          const selfAt = addMinutes(checkedOutAt, dice.int(10, 600));
          if (dice.chance(0.25) && selfAt < now) {
            rows.evaluations.push([randomUUID(), orderId, 'self', member.id, 'good', dice.pick(SELF_COMMENTS), member.id, selfAt]);
          }
          lastOut = latest(lastOut, checkedOutAt);
        }
        // Everyone checked out completes the order; with a no-show the secretary closed it later.
        const completedAt = attended.length === participants.length ? lastOut : addMinutes(latest(lastOut, endsAt), dice.int(30, 180));

        // 一事一评.
        let residentConfirmedAt: Date | null = null;
        if (requester) {
          const ratedAt = addMinutes(completedAt, dice.int(60, 2880));
          const mustRate = requester === demoResident && homeServiceNo === 0;
          if (ratedAt < now && (mustRate || dice.chance(0.85))) {
            const rating = mustRate ? 'satisfied' : unsatisfied.has(`${community.index}:${homeServiceNo}`) ? 'unsatisfied' : dice.chance(0.8) ? 'satisfied' : 'basic';
            rows.evaluations.push([randomUUID(), orderId, 'resident', null, rating, dice.pick(RESIDENT_COMMENTS[rating]), requester.id, ratedAt]);
            residentConfirmedAt = ratedAt;
          }
        }
        const gradedAt = addMinutes(completedAt, dice.int(120, 4320));
        if (gradedAt < now && dice.chance(0.85)) {
          const turnout = attended.length / participants.length;
          const rating = turnout < 0.7 ? 'fair' : dice.chance(0.5) ? 'excellent' : dice.chance(0.8) ? 'good' : 'fair';
          rows.evaluations.push([randomUUID(), orderId, 'organisation', null, rating, dice.pick(ORGANISATION_COMMENTS[rating]), secretary.id, gradedAt]);
        }

        rows.orders.push([
          orderId, community.id, demandId, demandId ? 'demand' : 'activity', order.title, order.category, order.description, order.place,
          startsAt, endsAt, order.capacity, participants.length, 'open', 'completed', order.posts, order.skills, secretary.id,
          orderCreatedAt, completedAt, residentConfirmedAt,
        ]);
      }

      // A need the community turned down, with the reason the resident sees.
      const turnedDown = community.residents.at(-1)!;
      const turnedDownAt = at(dateBefore(now, dice.int(20, 200)), '10:15');
      rows.demands.push([
        randomUUID(), community.id, turnedDown.id, turnedDown.name, turnedDown.phone, turnedDown.address, '社区服务', '其他',
        '楼上邻居装修噪音太大，希望社区出面处理', null, null, 'self', 'rejected', '属于物业管理和邻里纠纷调解范围，已转交物业公司和网格员处理',
        turnedDown.id, turnedDownAt, addMinutes(turnedDownAt, 1440), null,
      ]);
    }

    // --- now and the days ahead ----------------------------------------------------------------
    let demoOrder: { title: string; startsAt: Date } | undefined;
    for (const community of communities) {
      const secretary = community.secretary;

      // The secretary's pool: needs submitted and waiting for review.
      const pending = dice.sample(PENDING_NEEDS, community.index === 0 ? 3 : dice.int(2, 3));
      for (const [i, need] of pending.entries()) {
        const requester = community.residents[i % community.residents.length];
        const postedAt = new Date(now.getTime() - dice.int(30, 72 * 60) * MINUTE);
        const byPhone = i === 2;
        const wantedDate = dateBefore(now, -dice.int(1, 7));
        rows.demands.push([
          randomUUID(), community.id, requester.id, requester.name, requester.phone, requester.address, need.category,
          checkedSubItem(need), need.description, i === 1 ? null : at(wantedDate, '09:00'), i === 1 ? null : at(wantedDate, '17:00'),
          byPhone ? 'phone' : 'self', 'submitted', null, byPhone ? secretary.id : requester.id, postedAt, postedAt, need.kind ?? null,
        ]);
      }

      // Open orders in the hall over the next days, some with places already taken.
      const upcomingDays = dice.sample(range(1, 10), dice.int(3, 4));
      for (const [i, daysAhead] of upcomingDays.entries()) {
        const activity = dice.pick(ACTIVITIES);
        const startsAt = at(dateBefore(now, -daysAhead), dice.pick(START_TIMES));
        const endsAt = addMinutes(startsAt, dice.pick(DURATIONS));
        const staffed = community.index === 0 && i === 0;
        const capacity = staffed ? 3 : dice.int(3, 10);
        const orderId = randomUUID();
        const orderCreatedAt = new Date(now.getTime() - dice.int(1, 4) * DAY);
        // The demo member's only upcoming task is the one starting now, so that 我的任务 is easy to read.
        const candidates = community.members.filter((m) => m !== demoMember);
        const takers = dice.weightedSample(candidates, (m) => m.zeal, staffed ? capacity : dice.int(0, Math.min(capacity - 1, 4)));
        for (const member of takers) {
          rows.assignments.push([randomUUID(), orderId, member.id, 'accepted', null, earliest(now, addMinutes(orderCreatedAt, dice.int(5, 1200)))]);
        }
        rows.orders.push([
          orderId, community.id, null, 'activity', activity.title, activity.category, activity.description, activity.place(community),
          startsAt, endsAt, capacity, takers.length, 'open', takers.length === capacity ? 'staffed' : 'published',
          activity.posts ?? [], activity.skills ?? [], secretary.id, orderCreatedAt, null, null,
        ]);
      }

      // A home service sent to two chosen members, waiting for their answer.
      {
        const requester = community.residents[1];
        const need = HOME_SERVICES[community.index % 2];
        const demandId = randomUUID();
        const orderId = randomUUID();
        const postedAt = new Date(now.getTime() - dice.int(26, 60) * HOUR);
        const orderCreatedAt = addMinutes(postedAt, dice.int(60, 600));
        const startsAt = at(dateBefore(now, -dice.int(2, 8)), '15:00');
        rows.demands.push([
          demandId, community.id, requester.id, requester.name, requester.phone, requester.address, need.category, checkedSubItem(need),
          need.description, null, null, 'self', 'accepted', null, requester.id, postedAt, orderCreatedAt, need.kind ?? null,
        ]);
        rows.orders.push([
          orderId, community.id, demandId, 'demand', need.title, need.category, need.description, requester.address, startsAt,
          addMinutes(startsAt, 90), 2, 0, 'directed', 'published', [], need.skills ?? [], secretary.id, orderCreatedAt, null, null,
        ]);
        const invitees =
          community.index === 0
            ? [community.members[0], community.members[1]]
            : dice.weightedSample(community.members, (m) => m.zeal * (need.skills?.some((s) => m.skills.includes(s)) ? 3 : 1), 2);
        for (const member of invitees) rows.assignments.push([randomUUID(), orderId, member.id, 'invited', orderCreatedAt, null]);
      }

      // In the first community an activity starts in five minutes, with the demo member on it.
      if (community.index === 0) {
        const startsAt = addMinutes(now, 5);
        const orderId = randomUUID();
        const orderCreatedAt = new Date(now.getTime() - 3 * DAY);
        const team = [demoMember, ...dice.weightedSample(community.members.filter((m) => m !== demoMember), (m) => m.zeal, 2)];
        const title = '统一活动日·楼道杂物清理';
        for (const [i, member] of team.entries()) {
          rows.assignments.push([randomUUID(), orderId, member.id, 'accepted', null, addMinutes(orderCreatedAt, 30 + i * 95)]);
        }
        rows.orders.push([
          orderId, community.id, null, 'activity', title, '环保绿化服务', '清理楼道堆放的杂物，保持消防通道畅通', `${community.estate}3栋至6栋`,
          startsAt, addMinutes(now, 120), 6, team.length, 'open', 'published', ['环境保护卫士岗'], [], secretary.id, orderCreatedAt, null, null,
        ]);
        demoOrder = { title, startsAt };
      }
    }

    // 时长管理 has something waiting in the first community: yesterday a member was checked in and never out.
    const first = communities[0];
    const forgetful = first.members[2];
    {
      const orderId = randomUUID();
      const startsAt = at(dateBefore(now, 1), '14:00');
      const scanId = randomUUID();
      const checkedInAt = addMinutes(startsAt, -5);
      rows.orders.push([
        orderId, first.id, null, 'activity', '助老服务·陪老人散步', '爱心扶助', '陪行动不便的老人在小区里散步、聊天', `${first.estate}中心花园`,
        startsAt, addMinutes(startsAt, 120), 4, 1, 'open', 'in_service', [], [], first.secretary.id, addMinutes(startsAt, -6 * DAY / MINUTE), null, null,
      ]);
      rows.assignments.push([randomUUID(), orderId, forgetful.id, 'accepted', null, addMinutes(startsAt, -3 * DAY / MINUTE)]);
      rows.scans.push([scanId, orderId, first.secretary.id, forgetful.id, checkedInAt, checkedInAt, 'checked_in']);
      rows.attendance.push([orderId, forgetful.id, checkedInAt, null, scanId, null]);
    }

    // …and two members whose yesterday passed 8 hours: the second service of each waits for approval (通过 or 核减).
    {
      const day = dateBefore(now, 1);
      const freeThatDay = first.members.filter(
        (member) => member !== demoMember && member !== forgetful && !rows.records.some((record) => record[2] === member.id && record[6] === day),
      );
      for (const member of freeThatDay.slice(0, 2)) {
        for (const [from, to, title, held] of [['08:30', '14:00', '应急值守·防汛物资清点', false], ['14:30', '18:00', '应急值守·河道巡查', true]] as const) {
          const orderId = randomUUID();
          const startsAt = at(day, from);
          const endsAt = at(day, to);
          const minutes = minutesBetween(startsAt, endsAt);
          const [inScan, outScan] = [randomUUID(), randomUUID()];
          rows.orders.push([
            orderId, first.id, null, 'activity', title, '抢险救灾及突发事件应急', '汛期值守', `${first.estate}社区服务站`,
            startsAt, endsAt, 1, 1, 'open', 'completed', [], [], first.secretary.id, addMinutes(startsAt, -2 * DAY / MINUTE), endsAt, null,
          ]);
          rows.assignments.push([randomUUID(), orderId, member.id, 'accepted', null, addMinutes(startsAt, -DAY / MINUTE)]);
          rows.scans.push([inScan, orderId, first.secretary.id, member.id, startsAt, startsAt, 'checked_in']);
          rows.scans.push([outScan, orderId, first.secretary.id, member.id, endsAt, endsAt, 'checked_out']);
          rows.attendance.push([orderId, member.id, startsAt, endsAt, inScan, outScan]);
          rows.records.push([
            randomUUID(), orderId, member.id, first.id, `抢险救灾及突发事件应急：${title}`, `${first.estate}社区服务站`, day,
            startsAt, endsAt, minutes, minutes, 'scan', held ? 'pending_approval' : 'credited', first.secretary.id, endsAt,
          ]);
        }
      }
    }

    await insertRows(tx, 'demands', DEMAND_COLUMNS, rows.demands);

    await insertRows(tx, 'orders', ORDER_COLUMNS, rows.orders);
    await insertRows(tx, 'assignments', ASSIGNMENT_COLUMNS, rows.assignments);
    await insertRows(tx, 'scans', SCAN_COLUMNS, rows.scans);
    await insertRows(tx, 'attendance', ATTENDANCE_COLUMNS, rows.attendance);
    await insertRows(tx, 'service_records', RECORD_COLUMNS, rows.records);
    await insertRows(tx, 'evaluations', EVALUATION_COLUMNS, rows.evaluations);

    // …and a member disputes the hours of their latest service there.
    const disputed = rows.records.filter((record) => record[3] === first.id && record[2] !== demoMember.id).at(-1)!;
    await tx.query(
      'insert into record_disputes (id, order_id, member_id, record_id, reason, created_at) values ($1, $2, $3, $4, $5, $6)',
      [randomUUID(), disputed[1], disputed[2], disputed[0], '我提前到场帮忙布置，签到晚扫了半小时，请按实际时间更正', addMinutes(now, -90)],
    );

    await seedSuggestionsAndCommitments(tx, {
      now, communityId: first.id, secretary: first.secretary, demoMember, others: first.members.filter((member) => member.id !== demoMember.id),
    });

    await seedTeams(tx, {
      now, communityId: first.id, secretary: first.secretary, demoMember, others: first.members.filter((member) => member.id !== demoMember.id),
    });

    await seedTrainingsAndAwards(tx, {
      now, communityId: first.id, communityName: first.name, secretary: first.secretary, demoMember, others: first.members.filter((member) => member.id !== demoMember.id),
    });

    await seedRuleSets(tx, { now, districtId, districtAdmin, exempted: first.members.filter((member) => member.id !== demoMember.id).at(-1) });

    await seedIncentiveRules(tx, { now, districtId, districtAdmin });
    await seedPointsSettlement(tx, { now, communityId: first.id });
    await seedTimeBank(tx, {
      now, communityId: first.id, secretary: first.secretary, demoMember, demoResident: first.residents[0], donors: first.members.slice(1, 3), elder: first.residents.at(-1)!,
    });
    await seedLoveShop(tx, { now, secretary: first.secretary, demoMember, others: first.members.filter((member) => member.id !== demoMember.id) });

    const notifyContext: DemoNotifyContext = {
      tx, now, districtId, communityId: first.id, secretary: first.secretary, demoMember, demoResident: first.residents[0],
      others: first.members.filter((member) => member.id !== demoMember.id),
    };
    await seedActivityCalendar(notifyContext);
    await seedActivityBriefs(notifyContext);
    await seedNotifications(notifyContext);

    await seedQuarterlyReports(tx, {
      now, communityId: first.id, communityName: first.name, secretary: first.secretary, contact: first.members.find((member) => member.id !== demoMember.id)!,
    });

    const account = (role: DemoAccount['role'], person: Person, note: string): DemoAccount => ({
      role, name: person.name, phone: person.phone, password: DEMO_PASSWORD, note,
    });
    return [
      account('secretary', first.secretary, `${first.name}书记：审核居民需求、下单派单、扫党员的签到码；时长管理里有两条超过8小时待审核、一条漏签退（${forgetful.name}）和一条申诉待处理；确认党员报到（林晓待确认）、看报表；上季度的季报表已报送，本季度的待提交`),
      account('member', demoMember, `${first.name}党员：「${demoOrder!.title}」${formatBusinessTime(demoOrder!.startsAt)} 开始，现在就可以出示签到码请书记扫码签到；接单大厅有一单定向邀请；查看我的服务时长`),
      account('resident', demoResident, `${first.name}居民：查看已完成并评价过的需求，再点一单新的需求`),
      account('district_admin', districtAdmin, '示例区管理员：管理街道、社区、网格和单位结对共建，查看全区报表；在「我的」里设定激励规则（积分、星级、时间银行、爱心超市）'),
      account('unit_admin', unitAdmins[0], `${UNITS[0].name}管理员：开具报到单，查看本单位在职党员到社区报到（回执）和服务情况`),
    ];
  });
}

/** `{ mon: ['evening'], sat: ['morning','afternoon'], holiday: ['morning'] }`: more free time for the keener. */
function availabilityOf(dice: Dice, zeal: number): Record<string, string[]> {
  const availability: Record<string, string[]> = {};
  const dayCount = Math.min(7, Math.max(1, Math.round(zeal) + dice.int(0, 2)));
  for (const day of dice.sample(DAYS, dayCount)) {
    const slots = dice.sample(SLOTS, dice.int(1, 2));
    availability[day] = SLOTS.filter((slot) => slots.includes(slot));
  }
  if (dice.chance(0.6)) availability.holiday = SLOTS.filter((slot) => slot !== 'evening' && dice.chance(0.6));
  if (availability.holiday?.length === 0) delete availability.holiday;
  return Object.fromEntries([...DAYS, 'holiday'].filter((day) => availability[day]).map((day) => [day, availability[day]]));
}

function checkedSubItem(need: DemandTemplate): string {
  if (!isSubItemOf(need.category, need.subItem)) throw new Error(`demo seed: 「${need.subItem}」不属于「${need.category}」`);
  return need.subItem;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
