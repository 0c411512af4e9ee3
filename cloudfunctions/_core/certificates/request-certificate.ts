import type * as z from 'zod';
import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime/access';
import { businessDate } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { toCertificateView } from './certificate-view';
import { certificatesErrors } from './certificates.errors';
import { certificatesRepository, type CertifiableRecord } from './certificates.repository';
import type { CertificateList, RequestCertificateInput } from './certificates.schemas';

/**
 * A member asks for a certificate of a period or of chosen records: one certificate per community that organised
 * verified service among them (谁组织谁证明), each waiting for that community's secretary.
 */
export async function requestCertificate(
  { tx, caller, clock, config, newId }: ActionContext,
  input: z.output<typeof RequestCertificateInput>,
): Promise<z.input<typeof CertificateList>> {
  const me = requireCaller(caller);
  const member = await certificatesRepository.findMember(tx, me.userId);
  if (!member) throw commonErrors.error('FORBIDDEN', '需要党员义工身份');
  const now = clock.now();
  const today = businessDate(now);

  let records: CertifiableRecord[];
  let period: { from: string; to: string };
  const chosen = input.recordIds ? [...new Set(input.recordIds)] : null;
  if (chosen) {
    records = await certificatesRepository.recordsAmong(tx, me.userId, chosen);
    if (records.length !== chosen.length) throw certificatesErrors.error('CERTIFICATE_RECORDS_NOT_YOURS');
    const dates = records.map((record) => record.date).sort();
    period = { from: dates[0], to: dates[dates.length - 1] };
  } else {
    period = { from: input.from!, to: input.to! };
    if (period.to > today) throw commonErrors.error('VALIDATION_FAILED', '结束日期不能晚于今天', { to: '结束日期不能晚于今天' });
    records = await certificatesRepository.recordsOfPeriod(tx, me.userId, period);
  }

  const communities = new Map<string, CertifiableRecord[]>();
  for (const record of records) communities.set(record.communityId, [...(communities.get(record.communityId) ?? []), record]);
  const issuing = [...communities.entries()].filter(([, own]) => own.some((record) => record.verified));
  if (issuing.length === 0) throw certificatesErrors.error('CERTIFICATE_NOTHING_TO_CERTIFY');

  const requestId = newId();
  const ids: string[] = [];
  for (const [communityId, own] of issuing) {
    const recordIds = chosen ? own.map((record) => record.id).sort() : null;
    if (await certificatesRepository.hasPendingLike(tx, { memberId: me.userId, communityId, ...period, recordIds })) {
      throw certificatesErrors.error('CERTIFICATE_ALREADY_PENDING');
    }
    const id = newId();
    await certificatesRepository.insertRequest(tx, { id, requestId, memberId: me.userId, communityId, ...period, recordIds, purpose: input.purpose, at: now });
    ids.push(id);
  }
  const certificates = [];
  for (const id of ids) certificates.push(toCertificateView((await certificatesRepository.find(tx, id))!, config));
  return { certificates };
}
