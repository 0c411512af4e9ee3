import type { AppConfig } from '../config/config';
import type { CertificateRow } from './certificates.repository';
import type { CertificateView } from './certificates.schemas';
import { certificateHours } from './service-block';
import { verificationCode, verifyUrl } from './verification-code';

/** How a certificate is listed to its member and its issuer; the QR's link only once it has a number. */
export function toCertificateView(row: CertificateRow, config: AppConfig): CertificateView {
  return {
    id: row.id,
    requestId: row.request_id,
    member: { name: row.member_name, volunteerNo: row.volunteer_no },
    communityId: row.community_id,
    communityName: row.snapshot?.issuer.name ?? row.community_name,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    chosenRecords: row.record_ids ? row.record_ids.length : null,
    purpose: row.purpose,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    number: row.number,
    issuedOn: row.snapshot?.issuedOn ?? null,
    hours: row.snapshot ? certificateHours(row.snapshot.service.minutes) : null,
    refuseReason: row.refuse_reason,
    revokeReason: row.revoke_reason,
    replacesNumber: row.replaces_number,
    replacedByNumber: row.replaced_by_number,
    verifyUrl: row.number ? verifyUrl(config.PUBLIC_URL, row.number, verificationCode(config.CERTIFICATE_KEY, row.number)) : null,
  };
}
