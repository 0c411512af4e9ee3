import type * as z from 'zod';
import type { ActionContext } from '../runtime/action';
import { communityOf, requireCaller } from '../runtime/access';
import { currentService } from './certificate-service';
import { toCertificateView } from './certificate-view';
import { certificatesRepository } from './certificates.repository';
import type { CertificateList, PendingList } from './certificates.schemas';

const MOST_LISTED = 100;

/** The caller's own certificates and requests, newest first. */
export async function myCertificates({ tx, caller, config }: ActionContext): Promise<z.input<typeof CertificateList>> {
  const me = requireCaller(caller);
  const rows = await certificatesRepository.listOfMember(tx, me.userId);
  return { certificates: rows.map((row) => toCertificateView(row, config)) };
}

/** The secretary's queue: waiting requests, oldest first, each with its service as the records say today, to check. */
export async function pendingCertificates({ tx, caller, config }: ActionContext): Promise<z.input<typeof PendingList>> {
  const communityId = communityOf(requireCaller(caller), 'secretary');
  const rows = await certificatesRepository.listPendingOfCommunity(tx, communityId, MOST_LISTED);
  const certificates = [];
  for (const row of rows) certificates.push({ ...toCertificateView(row, config), preview: await currentService(tx, row) });
  return { certificates };
}

/** What the community has decided lately: issued, revoked and refused certificates, newest first. */
export async function decidedCertificates({ tx, caller, config }: ActionContext): Promise<z.input<typeof CertificateList>> {
  const communityId = communityOf(requireCaller(caller), 'secretary');
  const rows = await certificatesRepository.listIssuedOfCommunity(tx, communityId, MOST_LISTED);
  return { certificates: rows.map((row) => toCertificateView(row, config)) };
}
