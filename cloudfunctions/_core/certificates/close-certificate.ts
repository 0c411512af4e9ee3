import type * as z from 'zod';
import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime/access';
import { certificateToIssue } from './certificate-access';
import { toCertificateView } from './certificate-view';
import { certificatesErrors } from './certificates.errors';
import { certificatesRepository } from './certificates.repository';
import type { CertificateView, ReasonedInput } from './certificates.schemas';

/** 退回: the secretary declines a waiting request, saying why; the member sees the reason. */
export async function refuseCertificate({ tx, caller, clock, config }: ActionContext, input: z.output<typeof ReasonedInput>): Promise<CertificateView> {
  const secretary = requireCaller(caller);
  const row = await certificateToIssue(tx, secretary, input.certificateId);
  if (row.status !== 'requested') throw certificatesErrors.error('CERTIFICATE_NOT_PENDING');
  await certificatesRepository.markRefused(tx, { id: row.id, at: clock.now(), by: secretary.userId, reason: input.reason });
  return toCertificateView((await certificatesRepository.find(tx, row.id))!, config);
}

/** 作废: an issued certificate no longer holds; its verification says so from now on. */
export async function revokeCertificate({ tx, caller, clock, config }: ActionContext, input: z.output<typeof ReasonedInput>): Promise<CertificateView> {
  const secretary = requireCaller(caller);
  const row = await certificateToIssue(tx, secretary, input.certificateId);
  if (row.status !== 'issued') throw certificatesErrors.error('CERTIFICATE_NOT_REVOCABLE');
  await certificatesRepository.markRevoked(tx, { id: row.id, at: clock.now(), by: secretary.userId, reason: input.reason });
  return toCertificateView((await certificatesRepository.find(tx, row.id))!, config);
}
