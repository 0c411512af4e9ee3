import type { Executor } from '../db/database';
import { certificatesRepository, type CertificateRow } from './certificates.repository';
import type { CertificateSnapshot } from './certificates.schemas';
import { serviceBlock } from './service-block';

/** The service block of a certificate as the records say today: its period's or its chosen records of its community. */
export async function currentService(tx: Executor, row: CertificateRow): Promise<CertificateSnapshot['service']> {
  const records = row.record_ids
    ? await certificatesRepository.recordsAmong(tx, row.member_id, row.record_ids, row.community_id)
    : await certificatesRepository.recordsOfPeriod(tx, row.member_id, { from: row.period_from, to: row.period_to }, row.community_id);
  return serviceBlock(row.community_name, { from: row.period_from, to: row.period_to }, records);
}
