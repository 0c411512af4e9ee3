import { AWARD_LEVEL_LABELS, TRAINING_KIND_LABELS } from './volunteer-record.schemas';

/**
 * How far a column's name and format rest on MZ/T 061-2015 as published:
 * - `group`: the standard names this kind of information (志愿者, 志愿服务项目, 志愿服务时间, 培训, 表彰奖励 are among the
 *   elements it regulates, as 民政部's announcement of 2015-09-14 lists them), but the data element's exact name, code and
 *   format could not be established from the published text here: the column is named in plain Chinese, no code invented.
 * - `announced`: the element itself is named in 民政部's published explanation (志愿者统一编号).
 */
export type MappingBasis = 'group' | 'announced';

export interface VolunteerRow {
  memberId: string;
  volunteerNo: string;
  name: string;
  gender: string;
  politicalStatus: string;
  community: string;
  street: string;
  workUnit: string;
  joinedOn: string;
  serviceCount: number;
  serviceHours: number;
  scannedHours: number;
  trainingHours: number;
  awardCount: number;
}

export interface ProjectRow {
  orderId: string;
  title: string;
  kind: string;
  category: string;
  place: string;
  startsAt: string;
  endsAt: string;
  community: string;
  volunteers: number;
  serviceHours: number;
}

export interface ServiceTimeRow {
  recordId: string;
  volunteerNo: string;
  name: string;
  orderId: string;
  project: string;
  serviceDate: string;
  startedAt: string;
  endedAt: string;
  hours: number;
  source: 'scan' | 'manual';
  certifyingOrg: string;
}

export interface TrainingRow {
  trainingId: string;
  title: string;
  kind: keyof typeof TRAINING_KIND_LABELS;
  organiser: string;
  startedOn: string;
  endedOn: string;
  hours: number;
  volunteerNo: string;
  name: string;
}

export interface AwardRow {
  awardId: string;
  volunteerNo: string;
  name: string;
  title: string;
  level: keyof typeof AWARD_LEVEL_LABELS;
  awardedOn: string;
  awardingBody: string;
}

export interface MappedColumn<R> {
  /** The column heading: the data element's name in Chinese. */
  element: string;
  /** Where the value comes from in our database. */
  source: string;
  format: string;
  basis: MappingBasis;
  width: number;
  value: (row: R) => string | number;
}

export interface MappedSheet<R> {
  sheet: string;
  /** What one row is. */
  row: string;
  columns: MappedColumn<R>[];
}

const column = <R>(element: string, source: string, format: string, width: number, value: (row: R) => string | number, basis: MappingBasis = 'group'): MappedColumn<R> => ({
  element,
  source,
  format,
  basis,
  width,
  value,
});

const HOURS = '小时，保留两位小数';
const DAY = 'YYYY-MM-DD（北京时间）';
const TIME = 'YYYY-MM-DD HH:mm（北京时间）';

export const VOLUNTEER_SHEET: MappedSheet<VolunteerRow> = {
  sheet: '志愿者',
  row: '本区一名在册党员义工（未退出）',
  columns: [
    column('志愿者统一编号', '无：由全国志愿服务信息系统在志愿者注册时赋予，本系统不产生，留空待系统回填', '文字', 16, () => '', 'announced'),
    column('本系统志愿者编号', 'members.volunteer_no', '文字（6位起数字）', 14, (r) => r.volunteerNo),
    column('姓名', 'users.name', '文字', 10, (r) => r.name),
    column('性别', 'member_profiles.gender（报到时填写；无则留空）', '男 / 女', 6, (r) => r.gender),
    column('政治面貌', 'members.member_type：in_service、community 为中共党员，probationary 为中共预备党员，activist 为入党积极分子', '文字', 14, (r) => r.politicalStatus),
    column('所在社区', 'members.community_id → organisations.name', '文字', 16, (r) => r.community),
    column('所在街道', '社区的上级 organisations.name', '文字', 14, (r) => r.street),
    column('工作单位', 'members.unit_id → units.name（社区党员无单位则留空）', '文字', 18, (r) => r.workUnit),
    column('注册日期', 'members.created_at', DAY, 12, (r) => r.joinedOn),
    column('服务次数', '本表“志愿服务时间”中该志愿者的记录条数', '整数', 9, (r) => r.serviceCount),
    column('服务时长', '本表“志愿服务时间”中该志愿者各条时长之和', HOURS, 10, (r) => r.serviceHours),
    column('其中扫码核验时长', '同上，仅记录方式为扫码核验的', HOURS, 12, (r) => r.scannedHours),
    column('培训时长', '本表“培训”中该志愿者各次培训时长之和', HOURS, 10, (r) => r.trainingHours),
    column('表彰奖励次数', '本表“表彰奖励”中该志愿者的条数', '整数', 10, (r) => r.awardCount),
  ],
};

export const PROJECT_SHEET: MappedSheet<ProjectRow> = {
  sheet: '志愿服务项目',
  row: '本期内有计入时长的一张订单（群众点单或组织活动），发布于本区社区',
  columns: [
    column('项目编号', 'orders.id', 'UUID', 38, (r) => r.orderId),
    column('项目名称', 'orders.title', '文字', 22, (r) => r.title),
    column('项目类型', "orders.kind：demand 为群众点单，activity 为组织活动", '群众点单 / 组织活动', 10, (r) => r.kind),
    column('服务类别', 'orders.category', '文字', 12, (r) => r.category),
    column('服务地点', 'orders.place', '文字', 22, (r) => r.place),
    column('开始时间', 'orders.starts_at', TIME, 17, (r) => r.startsAt),
    column('结束时间', 'orders.ends_at', TIME, 17, (r) => r.endsAt),
    column('发布组织', 'orders.community_id → organisations.name', '文字', 16, (r) => r.community),
    column('参与志愿者人数', '本表“志愿服务时间”中该项目的不同志愿者数', '整数', 10, (r) => r.volunteers),
    column('服务时长合计', '本表“志愿服务时间”中该项目各条时长之和', HOURS, 12, (r) => r.serviceHours),
  ],
};

export const SERVICE_TIME_SHEET: MappedSheet<ServiceTimeRow> = {
  sheet: '志愿服务时间',
  row: "一条已计入的服务记录（service_records.status = 'credited'，服务日期在本期内，由本区社区记录）；待审核、待居民确认的不导出",
  columns: [
    column('记录编号', 'service_records.id', 'UUID', 38, (r) => r.recordId),
    column('本系统志愿者编号', 'members.volunteer_no', '文字', 14, (r) => r.volunteerNo),
    column('姓名', 'users.name', '文字', 10, (r) => r.name),
    column('项目编号', 'service_records.order_id', 'UUID', 38, (r) => r.orderId),
    column('项目名称', 'orders.title', '文字', 22, (r) => r.project),
    column('服务日期', 'service_records.service_date', DAY, 12, (r) => r.serviceDate),
    column('服务开始时间', 'service_records.started_at', TIME, 17, (r) => r.startedAt),
    column('服务结束时间', 'service_records.ended_at', TIME, 17, (r) => r.endedAt),
    column('服务时长', 'service_records.minutes_credited ÷ 60（计入时长，已按计划时长封顶、超8小时经审核）', HOURS, 10, (r) => r.hours),
    column('记录方式', "service_records.source：scan 为扫码核验，manual 为手工补录（书记写明理由、留痕）", '扫码核验 / 手工补录', 10, (r) => (r.source === 'scan' ? '扫码核验' : '手工补录')),
    column('记录组织', 'service_records.certifying_org_id → organisations.name（谁组织谁记录）', '文字', 16, (r) => r.certifyingOrg),
  ],
};

export const TRAINING_SHEET: MappedSheet<TrainingRow> = {
  sheet: '培训',
  row: '一名志愿者参加的一次培训（未撤回，结束日期在本期内，由本区或本区社区登记）',
  columns: [
    column('培训编号', 'trainings.id', 'UUID', 38, (r) => r.trainingId),
    column('培训名称', 'trainings.title', '文字', 22, (r) => r.title),
    column('培训类别', 'trainings.kind：backbone 为骨干培训，pre_service 为岗前培训', '骨干培训 / 岗前培训', 10, (r) => TRAINING_KIND_LABELS[r.kind]),
    column('主办单位', 'trainings.organiser', '文字', 18, (r) => r.organiser),
    column('开始日期', 'trainings.started_on', DAY, 12, (r) => r.startedOn),
    column('结束日期', 'trainings.ended_on', DAY, 12, (r) => r.endedOn),
    column('培训时长', 'trainings.minutes ÷ 60', HOURS, 10, (r) => r.hours),
    column('本系统志愿者编号', 'training_participants.member_id → members.volunteer_no', '文字', 14, (r) => r.volunteerNo),
    column('姓名', 'users.name', '文字', 10, (r) => r.name),
  ],
};

export const AWARD_SHEET: MappedSheet<AwardRow> = {
  sheet: '表彰奖励',
  row: '一名志愿者获得的一项表彰奖励（未撤回，表彰日期在本期内，由本区或本区社区登记）',
  columns: [
    column('表彰编号', 'awards.id', 'UUID', 38, (r) => r.awardId),
    column('本系统志愿者编号', 'awards.member_id → members.volunteer_no', '文字', 14, (r) => r.volunteerNo),
    column('姓名', 'users.name', '文字', 10, (r) => r.name),
    column('表彰名称', 'awards.title', '文字', 22, (r) => r.title),
    column('表彰级别', 'awards.level', '国家级 / 省级 / 市级 / 区县级 / 街道级 / 社区级', 10, (r) => AWARD_LEVEL_LABELS[r.level]),
    column('表彰日期', 'awards.awarded_on', DAY, 12, (r) => r.awardedOn),
    column('授予单位', 'awards.awarding_body', '文字', 18, (r) => r.awardingBody),
  ],
};

/** Every sheet of the hand-over export, in order. */
export const NATIONAL_EXPORT_SHEETS = [VOLUNTEER_SHEET, PROJECT_SHEET, SERVICE_TIME_SHEET, TRAINING_SHEET, AWARD_SHEET] as const;

const BASIS_LABELS: Record<MappingBasis, string> = { group: '标准所列要素；数据元名称与格式未能从公开文本确认', announced: '民政部公开说明中所列数据元' };

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The mapping as the Markdown tables of docs/national-export.md (a test keeps the two the same). */
export function nationalExportMappingMarkdown(): string {
  return NATIONAL_EXPORT_SHEETS.map((sheet) => {
    const lines = [
      `### 工作表「${sheet.sheet}」`,
      '',
      `每行：${sheet.row}。`,
      '',
      '| 列（数据元） | 来源 | 格式 | 依据 |',
      '| --- | --- | --- | --- |',
      ...(sheet.columns as MappedColumn<unknown>[]).map((c) => `| ${cell(c.element)} | ${cell(c.source)} | ${cell(c.format)} | ${BASIS_LABELS[c.basis]} |`),
    ];
    return lines.join('\n');
  }).join('\n\n');
}
