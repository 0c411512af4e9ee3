import type * as z from 'zod';
import type { Executor } from '../db/database';
import { homeDistrictOf } from '../org/district-scope';
import { addFormSheet, FORM_FONT, mergedLine, newFormWorkbook, tableRow, workbookToBase64, XLSX_MIME } from '../reports/workbook-style';
import type { ActionContext } from '../runtime';
import { businessDate, formatBusinessTime } from '../shared/business-time';
import {
  NATIONAL_EXPORT_SHEETS,
  type AwardRow,
  type MappedColumn,
  type MappedSheet,
  type ProjectRow,
  type ServiceTimeRow,
  type TrainingRow,
  type VolunteerRow,
} from './national-export-mapping';
import type { NationalExportInput } from './national-export.schemas';

const POLITICAL_STATUS: Record<string, string> = { in_service: '中共党员', community: '中共党员', probationary: '中共预备党员', activist: '入党积极分子' };

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The period a call asks for: a whole year, or one quarter of it (Beijing days, inclusive). */
export function exportPeriod(input: { year: number; quarter?: number }) {
  if (!input.quarter) return { from: `${input.year}-01-01`, to: `${input.year}-12-31`, label: `${input.year}年` };
  const firstMonth = (input.quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(input.year, firstMonth + 2, 0)).getUTCDate();
  return {
    from: `${input.year}-${String(firstMonth).padStart(2, '0')}-01`,
    to: `${input.year}-${String(firstMonth + 2).padStart(2, '0')}-${lastDay}`,
    label: `${input.year}年第${input.quarter}季度`,
  };
}

const DISTRICT_COMMUNITIES = `select c.id from organisations c join organisations s on s.id = c.parent_id where s.parent_id = $1 and c.kind = 'community'`;

export interface NationalExportRows {
  district: string;
  volunteers: VolunteerRow[];
  projects: ProjectRow[];
  serviceTimes: ServiceTimeRow[];
  trainings: TrainingRow[];
  awards: AwardRow[];
}

/**
 * The district's own data of a period, shaped for the national system: its members, the credited service records its
 * communities certified, the orders they belong to, the trainings and awards recorded in the district. The volunteers'
 * and projects' totals are sums of the exported service rows, so the sheets always agree with each other.
 */
export async function loadNationalExportRows(tx: Executor, districtId: string, period: { from: string; to: string }): Promise<NationalExportRows> {
  const [district] = await tx.query<{ name: string }>('select name from organisations where id = $1', [districtId]);
  const members = await tx.query<{
    user_id: string; volunteer_no: string; name: string; gender: string | null; member_type: string; community: string; street: string; unit: string | null; created_at: Date;
  }>(
    `select m.user_id, m.volunteer_no, u.name, p.gender, m.member_type, c.name as community, s.name as street, un.name as unit, m.created_at
       from members m
       join users u on u.id = m.user_id
       join organisations c on c.id = m.community_id
       join organisations s on s.id = c.parent_id
       left join member_profiles p on p.user_id = m.user_id
       left join units un on un.id = m.unit_id
      where s.parent_id = $1 and u.left_at is null
      order by m.volunteer_no`,
    [districtId],
  );
  const records = await tx.query<{
    id: string; member_id: string; volunteer_no: string; name: string; order_id: string; title: string; service_date: string;
    started_at: Date; ended_at: Date; minutes_credited: number; source: 'scan' | 'manual'; certifying_org: string;
  }>(
    `select r.id, r.member_id, m.volunteer_no, u.name, r.order_id, o.title, to_char(r.service_date, 'YYYY-MM-DD') as service_date,
            r.started_at, r.ended_at, r.minutes_credited, r.source, org.name as certifying_org
       from service_records r
       join members m on m.user_id = r.member_id
       join users u on u.id = m.user_id
       join orders o on o.id = r.order_id
       join organisations org on org.id = r.certifying_org_id
      where r.certifying_org_id in (${DISTRICT_COMMUNITIES}) and r.status = 'credited'
        and r.service_date between $2::date and $3::date
      order by r.service_date, r.started_at, m.volunteer_no, r.id`,
    [districtId, period.from, period.to],
  );
  const orderIds = [...new Set(records.map((r) => r.order_id))];
  const orders = orderIds.length
    ? await tx.query<{ id: string; title: string; kind: string; category: string; place: string; starts_at: Date; ends_at: Date; community: string }>(
        `select o.id, o.title, o.kind, o.category, o.place, o.starts_at, o.ends_at, c.name as community
           from orders o join organisations c on c.id = o.community_id
          where o.id = any($1::uuid[])
          order by o.starts_at, o.id`,
        [orderIds],
      )
    : [];
  const trainings = await tx.query<{
    id: string; title: string; kind: TrainingRow['kind']; organiser: string; started_on: string; ended_on: string; minutes: number; member_id: string; volunteer_no: string; name: string;
  }>(
    `select t.id, t.title, t.kind, t.organiser, to_char(t.started_on, 'YYYY-MM-DD') as started_on, to_char(t.ended_on, 'YYYY-MM-DD') as ended_on,
            t.minutes, p.member_id, m.volunteer_no, u.name
       from trainings t
       join training_participants p on p.training_id = t.id
       join members m on m.user_id = p.member_id
       join users u on u.id = m.user_id
      where (t.organiser_org_id = $1 or t.organiser_org_id in (${DISTRICT_COMMUNITIES}))
        and t.withdrawn_at is null and t.ended_on between $2::date and $3::date
      order by t.started_on, t.id, m.volunteer_no`,
    [districtId, period.from, period.to],
  );
  const awards = await tx.query<{ id: string; member_id: string; volunteer_no: string; name: string; title: string; level: AwardRow['level']; awarded_on: string; awarding_body: string }>(
    `select a.id, a.member_id, m.volunteer_no, u.name, a.title, a.level, to_char(a.awarded_on, 'YYYY-MM-DD') as awarded_on, a.awarding_body
       from awards a
       join members m on m.user_id = a.member_id
       join users u on u.id = m.user_id
      where (a.recorded_org_id = $1 or a.recorded_org_id in (${DISTRICT_COMMUNITIES}))
        and a.withdrawn_at is null and a.awarded_on between $2::date and $3::date
      order by a.awarded_on, a.id`,
    [districtId, period.from, period.to],
  );

  const serviceTimes: ServiceTimeRow[] = records.map((r) => ({
    recordId: r.id,
    volunteerNo: r.volunteer_no,
    name: r.name,
    orderId: r.order_id,
    project: r.title,
    serviceDate: r.service_date,
    startedAt: formatBusinessTime(r.started_at),
    endedAt: formatBusinessTime(r.ended_at),
    hours: hours(Number(r.minutes_credited)),
    source: r.source,
    certifyingOrg: r.certifying_org,
  }));
  const minutesBy = <K extends string>(key: (r: (typeof records)[number]) => K, only: (r: (typeof records)[number]) => boolean = () => true) => {
    const totals = new Map<K, number>();
    for (const r of records) if (only(r)) totals.set(key(r), (totals.get(key(r)) ?? 0) + Number(r.minutes_credited));
    return totals;
  };
  const memberMinutes = minutesBy((r) => r.member_id);
  const memberScanMinutes = minutesBy((r) => r.member_id, (r) => r.source === 'scan');
  const memberCounts = new Map<string, number>();
  for (const r of records) memberCounts.set(r.member_id, (memberCounts.get(r.member_id) ?? 0) + 1);
  const trainingMinutes = new Map<string, number>();
  for (const t of trainings) trainingMinutes.set(t.member_id, (trainingMinutes.get(t.member_id) ?? 0) + Number(t.minutes));
  const awardCounts = new Map<string, number>();
  for (const a of awards) awardCounts.set(a.member_id, (awardCounts.get(a.member_id) ?? 0) + 1);
  const orderMinutes = minutesBy((r) => r.order_id);
  const orderVolunteers = new Map<string, Set<string>>();
  for (const r of records) orderVolunteers.set(r.order_id, (orderVolunteers.get(r.order_id) ?? new Set()).add(r.member_id));

  return {
    district: district?.name ?? '',
    volunteers: members.map((m) => ({
      memberId: m.user_id,
      volunteerNo: m.volunteer_no,
      name: m.name,
      gender: m.gender ?? '',
      politicalStatus: POLITICAL_STATUS[m.member_type] ?? '',
      community: m.community,
      street: m.street,
      workUnit: m.unit ?? '',
      joinedOn: businessDate(m.created_at),
      serviceCount: memberCounts.get(m.user_id) ?? 0,
      serviceHours: hours(memberMinutes.get(m.user_id) ?? 0),
      scannedHours: hours(memberScanMinutes.get(m.user_id) ?? 0),
      trainingHours: hours(trainingMinutes.get(m.user_id) ?? 0),
      awardCount: awardCounts.get(m.user_id) ?? 0,
    })),
    projects: orders.map((o) => ({
      orderId: o.id,
      title: o.title,
      kind: o.kind === 'demand' ? '群众点单' : '组织活动',
      category: o.category,
      place: o.place,
      startsAt: formatBusinessTime(o.starts_at),
      endsAt: formatBusinessTime(o.ends_at),
      community: o.community,
      volunteers: orderVolunteers.get(o.id)?.size ?? 0,
      serviceHours: hours(orderMinutes.get(o.id) ?? 0),
    })),
    serviceTimes,
    trainings: trainings.map((t) => ({
      trainingId: t.id,
      title: t.title,
      kind: t.kind,
      organiser: t.organiser,
      startedOn: t.started_on,
      endedOn: t.ended_on,
      hours: hours(Number(t.minutes)),
      volunteerNo: t.volunteer_no,
      name: t.name,
    })),
    awards: awards.map((a) => ({
      awardId: a.id,
      volunteerNo: a.volunteer_no,
      name: a.name,
      title: a.title,
      level: a.level,
      awardedOn: a.awarded_on,
      awardingBody: a.awarding_body,
    })),
  };
}

function addMappedSheet<R>(workbook: ReturnType<typeof newFormWorkbook>, mapped: MappedSheet<R>, rows: R[], title: string) {
  const columns = mapped.columns as MappedColumn<R>[];
  const sheet = addFormSheet(workbook, mapped.sheet, 'landscape', '2:2');
  sheet.columns = columns.map((c) => ({ width: c.width }));
  mergedLine(sheet, columns.length, title, { size: 14, bold: true, align: 'center', height: 30 });
  tableRow(sheet, columns.map((c) => c.element), { bold: true, height: 30 });
  for (const row of rows) tableRow(sheet, columns.map((c) => c.value(row)), { height: 22 });
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
}

/** The hand-over workbook: one sheet per entity, headed by the data elements' Chinese names, and a sheet saying how it was made. */
export function buildNationalExportWorkbook(rows: NationalExportRows, periodLabel: string, madeOn: string) {
  const workbook = newFormWorkbook();
  const [volunteers, projects, serviceTimes, trainings, awards] = NATIONAL_EXPORT_SHEETS;
  const title = (name: string) => `${rows.district} ${periodLabel} ${name}（报送全国志愿服务信息系统）`;
  addMappedSheet(workbook, volunteers, rows.volunteers, title(volunteers.sheet));
  addMappedSheet(workbook, projects, rows.projects, title(projects.sheet));
  addMappedSheet(workbook, serviceTimes, rows.serviceTimes, title(serviceTimes.sheet));
  addMappedSheet(workbook, trainings, rows.trainings, title(trainings.sheet));
  addMappedSheet(workbook, awards, rows.awards, title(awards.sheet));
  const notes = addFormSheet(workbook, '说明', 'portrait');
  notes.columns = [{ width: 80 }];
  for (const line of [
    `${rows.district} ${periodLabel}志愿服务记录导出，生成于${madeOn}。`,
    '按 MZ/T 061-2015《志愿服务信息系统基本规范》所列要素分表：志愿者、志愿服务项目、志愿服务时间、培训、表彰奖励。',
    '列名为数据元的中文名称；标准中数据元的代码和格式未能从公开文本确认的，未编造代码，各列来源与格式见 docs/national-export.md。',
    '服务时长为已计入的时长（扫码核验与手工补录均计入，另列记录方式和扫码核验时长）；待审核、待居民确认的记录不导出。',
    '不含手机号码和身份证号：志愿者在全国系统中以本人注册信息为准，“志愿者统一编号”由全国系统赋予后回填。',
  ]) {
    const row = notes.addRow([line]);
    row.height = 36;
    row.getCell(1).font = { name: FORM_FONT, size: 11 };
    row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  }
  return workbook;
}

/** 全国系统导出: the district admin's xlsx of her district's volunteers, projects, service time, trainings and awards of a year or quarter. */
export async function exportNationalRecord(ctx: ActionContext, input: z.output<typeof NationalExportInput>) {
  const districtId = homeDistrictOf(ctx.caller);
  const period = exportPeriod(input);
  const rows = await loadNationalExportRows(ctx.tx, districtId, period);
  const madeOn = businessDate(ctx.clock.now());
  const workbook = buildNationalExportWorkbook(rows, period.label, madeOn);
  return {
    fileName: `${rows.district}${period.label}志愿服务记录（全国系统导出）.xlsx`,
    mimeType: XLSX_MIME,
    base64: await workbookToBase64(workbook),
  };
}
