import { maskAddress } from '../shared/masking';
import type { RecordRow } from './records.repository';
import type { RecordView } from './records.schemas';

export const toHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** A record lives on after the order closes: a home service's place (the resident's address) is always shown masked. */
export function toRecordView(row: RecordRow): RecordView {
  return {
    id: row.id,
    orderId: row.order_id,
    memberId: row.member_id,
    memberName: row.member_name,
    volunteerNo: row.volunteer_no,
    content: row.content,
    place: row.order_kind === 'demand' ? maskAddress(row.place) : row.place,
    serviceDate: row.service_date,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at.toISOString(),
    hoursMeasured: toHours(row.minutes_measured),
    hoursCredited: toHours(row.minutes_credited),
    source: row.source,
    status: row.status,
    certifiedBy: row.certifying_org_name,
    orderTitle: row.order_title,
    orderKind: row.order_kind,
    verifierName: row.verifier_name,
    residentConfirmed: row.resident_confirmed_at !== null,
    residentConfirmedAt: row.resident_confirmed_at?.toISOString() ?? null,
    dayCreditedHours: row.day_credited_minutes === null ? null : toHours(Number(row.day_credited_minutes)),
    selfRating: row.self_rating === 'done' || row.self_rating === null ? null : row.self_rating,
    residentRating: row.resident_rating,
    organisationRating: row.organisation_rating,
    selfEvaluation: row.self_comment,
  };
}
