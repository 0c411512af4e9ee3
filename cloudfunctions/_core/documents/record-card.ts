import { creditedMinutesByMonth } from '../assessment/standing.repository';
import type { Executor } from '../db/database';
import { toHours } from '../records/record-view';
import { inBusinessZone } from '../shared/business-time';
import { maskAddress } from '../shared/masking';
import { loadTrainingsAndAwards } from '../volunteer-record/training-awards.repository';
import { AWARD_LEVEL_LABELS, TRAINING_KIND_LABELS } from '../volunteer-record/volunteer-record.schemas';
import { documentsErrors } from './documents.errors';
import { recordCardRepository, type CardServiceRow } from './record-card.repository';
import type { RecordCardRow, RecordCardView } from './record-card.schemas';

const GRADE_LABELS = { excellent: '优', good: '良', fair: '一般' } as const;
const RESIDENT_LABELS = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
export const SOURCE_LABELS = { scan: '扫码核验', manual: '补录' } as const;

const clock = (instant: Date) => inBusinessZone(instant).format('HH:mm');

function toRow(row: CardServiceRow): RecordCardRow {
  const grade = row.organisation_rating ? GRADE_LABELS[row.organisation_rating] : '';
  const residentRating = row.resident_rating ? RESIDENT_LABELS[row.resident_rating] : '';
  const verifier = row.verifier_name ?? '';
  return {
    recordId: row.id,
    serviceDate: row.service_date,
    time: `${row.service_date} ${clock(row.started_at)}–${clock(row.ended_at)}`,
    // A home service's place is the resident's address: masked on every paper, as on the record itself.
    place: row.order_kind === 'demand' ? maskAddress(row.place) : row.place,
    content: row.content,
    hours: toHours(Number(row.minutes_credited)),
    grade,
    residentRating,
    evaluation: [grade, residentRating && `居民${residentRating}`].filter(Boolean).join('；'),
    certifyingOrg: row.certifying_org,
    verifier,
    source: row.source,
    certification: `${row.certifying_org}（${SOURCE_LABELS[row.source]}${verifier ? `：${verifier}` : ''}）`,
  };
}

/**
 * 社区服务（活动）记录卡 (004 附件5) of one member for one Beijing year: the header, every credited service of the
 * year (scanned and hand-entered alike, each marked so), the totals with verified and hand-entered hours apart, and
 * the year's trainings and awards. The year's total is the standing's own count (creditedMinutesByMonth).
 */
export async function loadRecordCard(tx: Executor, memberId: string, year: number): Promise<RecordCardView> {
  const member = await recordCardRepository.findMember(tx, memberId);
  if (!member) throw documentsErrors.error('DOCUMENT_MEMBER_NOT_FOUND', undefined, { memberId: '找不到该党员' });
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const services = await recordCardRepository.creditedServices(tx, memberId, from, to);
  const pendingServices = await recordCardRepository.pendingCount(tx, memberId, from, to);
  const months = await creditedMinutesByMonth(tx, memberId, year);
  const record = (await loadTrainingsAndAwards(tx, [memberId], { from, to: `${year}-12-31` })).get(memberId)!;

  const minutesOf = (source: 'scan' | 'manual') =>
    services.filter((row) => row.source === source).reduce((sum, row) => sum + Number(row.minutes_credited), 0);
  const verified = services.filter((row) => row.source === 'scan').length;
  return {
    header: {
      memberId,
      name: member.name,
      volunteerNo: member.volunteer_no,
      workUnit: member.unit_name ?? '',
      community: member.community_name,
      year,
    },
    rows: services.map(toRow),
    totals: {
      services: services.length,
      hours: toHours(months.reduce((sum, minutes) => sum + minutes, 0)),
      verifiedServices: verified,
      verifiedHours: toHours(minutesOf('scan')),
      handEnteredServices: services.length - verified,
      handEnteredHours: toHours(minutesOf('manual')),
      pendingServices,
    },
    trainings: record.trainings.map((training) => ({
      id: training.id,
      kindLabel: TRAINING_KIND_LABELS[training.kind],
      title: training.title,
      organiser: training.organiser,
      period: training.startedOn === training.endedOn ? training.startedOn : `${training.startedOn}至${training.endedOn}`,
      hours: Math.round(training.hours * 100) / 100,
    })),
    awards: record.awards.map((award) => ({
      id: award.id,
      title: award.title,
      levelLabel: AWARD_LEVEL_LABELS[award.level],
      awardedOn: award.awardedOn,
      awardingBody: award.awardingBody,
    })),
  };
}
