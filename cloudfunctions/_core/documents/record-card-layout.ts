import type { RecordCardView } from './record-card.schemas';

/** What the paper card (004 附件5) and both its files share: the wording, the columns, the lines below the table. */
export const cardTitle = (card: RecordCardView) => `在职党员社区服务（活动）记录卡（${card.header.year}年）`;

export const cardHeaderLine = (card: RecordCardView) =>
  [
    `在职党员姓名：${card.header.name}`,
    `工作单位：${card.header.workUnit || '—'}`,
    `报到社区：${card.header.community}`,
    `志愿者编号：${card.header.volunteerNo}`,
  ].join('　　');

export const SERVICE_HEADINGS = ['年月日', '服务（活动）内容', '服务地点', '累计服务时间（小时）', '评价（优/良/一般）', '认证签字'];

/** The paper card has six ruled lines; a card with fewer services keeps the blank ones, as the form does. */
export const PAPER_LINES = 6;

export const serviceCells = (card: RecordCardView): string[][] => {
  const rows = card.rows.map((row) => [row.time, row.content, row.place, String(row.hours), row.evaluation, row.certification]);
  while (rows.length < PAPER_LINES) rows.push(['', '', '', '', '', '']);
  return rows;
};

export const totalCells = (card: RecordCardView) => ['合计', `${card.totals.services}次`, '', String(card.totals.hours), '', ''];

export const totalsLine = (card: RecordCardView) => {
  const { totals } = card;
  const pending = totals.pendingServices ? `另有${totals.pendingServices}条记录待审批或待居民确认，未计入。` : '';
  return `其中扫码核验${totals.verifiedServices}次、${totals.verifiedHours}小时；补录${totals.handEnteredServices}次、${totals.handEnteredHours}小时。${pending}`;
};

export const TRAINING_HEADINGS = ['类别', '培训名称', '组织单位', '培训时间', '时数（小时）'];
export const trainingCells = (card: RecordCardView) =>
  card.trainings.map((training) => [training.kindLabel, training.title, training.organiser, training.period, String(training.hours)]);

export const AWARD_HEADINGS = ['表彰奖励名称', '级别', '时间', '授予单位'];
export const awardCells = (card: RecordCardView) => card.awards.map((award) => [award.title, award.levelLabel, award.awardedOn, award.awardingBody]);

export const CARD_NOTE =
  '注：只列已认定的服务（待审批、待居民确认的不列）；时数为认定时数。“认证签字”栏为认证组织、核验方式（扫码核验或补录）及核验人；评价为组织评定的优/良/一般，并附居民回访评价。';

export const certificationLabel = (card: RecordCardView) => `社区认证：${card.header.community}党组织`;

export const cardFileName = (card: RecordCardView, extension: 'xlsx' | 'pdf') => `社区服务记录卡-${card.header.name}-${card.header.year}.${extension}`;
