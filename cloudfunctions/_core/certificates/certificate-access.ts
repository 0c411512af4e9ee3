import type { Executor } from '../db/database';
import { grantsOf, type Caller } from '../runtime/caller';
import { commonErrors } from '../shared/domain-error';
import { certificatesRepository, type CertificateRow } from './certificates.repository';

/** Whether the caller is the secretary of the community that issues the certificate (谁组织谁证明). */
export const issuesFor = (caller: Caller, communityId: string) => grantsOf(caller, 'secretary').some((grant) => grant.orgId === communityId);

/** The certificate, for its issuing community's secretary only; locked when it is to be decided. */
export async function certificateToIssue(tx: Executor, caller: Caller, id: string, { forUpdate = true } = {}): Promise<CertificateRow> {
  const row = await certificatesRepository.find(tx, id, { forUpdate });
  if (!row) throw commonErrors.error('NOT_FOUND');
  if (!issuesFor(caller, row.community_id)) throw commonErrors.error('FORBIDDEN', '只有组织该服务的社区书记或管理员可以处理这份证明');
  return row;
}

/** The certificate, for its member or its issuing community's secretary. */
export async function certificateToRead(tx: Executor, caller: Caller, id: string): Promise<CertificateRow> {
  const row = await certificatesRepository.find(tx, id);
  if (!row) throw commonErrors.error('NOT_FOUND');
  if (row.member_id !== caller.userId && !issuesFor(caller, row.community_id)) throw commonErrors.error('FORBIDDEN', '只能查看本人或本社区出具的证明');
  return row;
}
