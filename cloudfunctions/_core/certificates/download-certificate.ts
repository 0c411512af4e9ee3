import type * as z from 'zod';
import type { ExportedFile } from '../reports/reports.schemas';
import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime/access';
import { maskIdNumber } from '../shared/masking';
import { certificateToRead } from './certificate-access';
import { certificatePdf } from './certificate-pdf';
import { certificatesErrors } from './certificates.errors';
import type { CertificateIdInput } from './certificates.schemas';
import { verificationCode, verifyUrl } from './verification-code';

/** The issued certificate as PDF, drawn from its snapshot (so always what was issued), for its member or its issuer. */
export async function downloadCertificate({ tx, caller, config }: ActionContext, input: z.output<typeof CertificateIdInput>): Promise<z.input<typeof ExportedFile>> {
  const reader = requireCaller(caller);
  const row = await certificateToRead(tx, reader, input.certificateId);
  if (row.status !== 'issued' || !row.snapshot || !row.number) throw certificatesErrors.error('CERTIFICATE_NOT_ISSUED');
  const code = verificationCode(config.CERTIFICATE_KEY, row.number);
  // The ID number is the member's: the issuing secretary's copy carries it masked, as every screen shows it.
  const { idNumber } = row.snapshot.volunteer;
  const snapshot = idNumber && row.member_id !== reader.userId ? { ...row.snapshot, volunteer: { ...row.snapshot.volunteer, idNumber: maskIdNumber(idNumber) } } : row.snapshot;
  return certificatePdf(snapshot, { url: verifyUrl(config.PUBLIC_URL, row.number, code), code });
}
