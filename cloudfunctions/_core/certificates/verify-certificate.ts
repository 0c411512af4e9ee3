import type * as z from 'zod';
import type { ActionContext } from '../runtime/action';
import { maskName } from '../shared/masking';
import { businessDate } from '../shared/business-time';
import { certificatesRepository } from './certificates.repository';
import type { VerifyCertificateInput, VerifyResult } from './certificates.schemas';
import { certificateHours } from './service-block';
import { codeMatches } from './verification-code';

const UNKNOWN: VerifyResult = { status: 'unknown', certificate: null };

/**
 * Anyone holding the paper checks it (no login): a number with its right code answers valid or revoked with masked
 * fields only (name masked, hours, issuer, date; never a phone, ID or address); any other pair answers unknown.
 */
export async function verifyCertificate({ tx, config }: ActionContext, input: z.output<typeof VerifyCertificateInput>): Promise<VerifyResult> {
  const number = input.number.replace(/\s+/g, '').toUpperCase();
  const row = await certificatesRepository.findByNumber(tx, number);
  const matches = codeMatches(config.CERTIFICATE_KEY, number, input.code);
  if (!row?.snapshot || !matches) return UNKNOWN;
  const { snapshot } = row;
  return {
    status: row.status === 'issued' ? 'valid' : 'revoked',
    certificate: {
      number: snapshot.number,
      holderName: maskName(snapshot.volunteer.name),
      hours: certificateHours(snapshot.service.minutes),
      serviceCount: snapshot.service.serviceCount,
      periodFrom: snapshot.service.periodFrom,
      periodTo: snapshot.service.periodTo,
      issuerName: snapshot.issuer.name,
      issuedOn: snapshot.issuedOn,
      revokedOn: row.revoked_at ? businessDate(row.revoked_at) : null,
      replacedByNumber: row.replaced_by_number,
    },
  };
}
