import type * as z from 'zod';
import type { Executor } from '../db/database';
import type { ActionContext } from '../runtime/action';
import { requireCaller } from '../runtime/access';
import type { Caller } from '../runtime/caller';
import { businessDate, businessYear } from '../shared/business-time';
import { loadTrainingsAndAwards } from '../volunteer-record/training-awards.repository';
import { AWARD_LEVEL_LABELS, TRAINING_KIND_LABELS } from '../volunteer-record/volunteer-record.schemas';
import { certificateToIssue } from './certificate-access';
import { currentService } from './certificate-service';
import { toCertificateView } from './certificate-view';
import { certificatesErrors } from './certificates.errors';
import { certificatesRepository, type CertificateRow } from './certificates.repository';
import {
  VERIFIED_HOURS_STATEMENT,
  type CertificateSnapshot,
  type CertificateView,
  type IssueCertificateInput,
  type ReissueCertificateInput,
} from './certificates.schemas';

type Signature = z.output<typeof IssueCertificateInput>;

/** The member's 身份证号码 where the issuing community's district collects ID numbers (004 报到登记表), else null. */
async function collectedIdNumber(tx: Executor, row: CertificateRow): Promise<string | null> {
  const [found] = await tx.query<{ id_number: string | null }>(
    `select p.id_number
       from member_profiles p
       join organisations community on community.id = $2
       join organisations street on street.id = community.parent_id
       join district_settings settings on settings.district_id = street.parent_id and settings.collect_id_numbers
      where p.user_id = $1`,
    [row.member_id, row.community_id],
  );
  return found?.id_number ?? null;
}

/** What the certificate will say for ever: the records, trainings and awards as they stand at issue, and who signs. */
async function snapshotAt(tx: Executor, row: CertificateRow, issuer: Caller, signature: Signature, at: { number: string; on: string; replaces: string | null }): Promise<CertificateSnapshot> {
  const service = await currentService(tx, row);
  if (service.minutes === 0) throw certificatesErrors.error('CERTIFICATE_NOTHING_TO_CERTIFY');
  const record = (await loadTrainingsAndAwards(tx, [row.member_id], { from: row.period_from, to: row.period_to })).get(row.member_id);
  return {
    volunteer: { name: row.member_name, volunteerNo: row.volunteer_no, idNumber: await collectedIdNumber(tx, row) },
    service,
    trainings: (record?.trainings ?? []).map((training) => ({
      kind: TRAINING_KIND_LABELS[training.kind], title: training.title, organiser: training.organiser,
      startedOn: training.startedOn, endedOn: training.endedOn, hours: training.hours,
    })),
    awards: (record?.awards ?? []).map((award) => ({
      title: award.title, level: AWARD_LEVEL_LABELS[award.level], awardedOn: award.awardedOn, awardingBody: award.awardingBody,
    })),
    issuer: { name: row.community_name, responsiblePerson: signature.responsiblePerson, handler: issuer.name, contactPhone: signature.contactPhone },
    number: at.number,
    issuedOn: at.on,
    purpose: row.purpose,
    statement: VERIFIED_HOURS_STATEMENT,
    replacesNumber: at.replaces,
  };
}

/** The secretary of the organising community signs a waiting request off: it gets its number and its fixed snapshot. */
export async function issueCertificate({ tx, caller, clock, config }: ActionContext, input: Signature): Promise<CertificateView> {
  const secretary = requireCaller(caller);
  const row = await certificateToIssue(tx, secretary, input.certificateId);
  if (row.status !== 'requested') throw certificatesErrors.error('CERTIFICATE_NOT_PENDING');
  const now = clock.now();
  const number = await certificatesRepository.nextNumber(tx, businessYear(now));
  const snapshot = await snapshotAt(tx, row, secretary, input, { number, on: businessDate(now), replaces: null });
  await certificatesRepository.markIssued(tx, { id: row.id, number, at: now, by: secretary.userId, snapshot });
  return toCertificateView((await certificatesRepository.find(tx, row.id))!, config);
}

/**
 * A new certificate in place of an issued one (after a record correction, say): the old one is revoked with the
 * reason, the new one has a number of its own, names the one it replaces, and says what the records say now.
 */
export async function reissueCertificate({ tx, caller, clock, config, newId }: ActionContext, input: z.output<typeof ReissueCertificateInput>): Promise<CertificateView> {
  const secretary = requireCaller(caller);
  const row = await certificateToIssue(tx, secretary, input.certificateId);
  if (row.replaced_by_number) throw certificatesErrors.error('CERTIFICATE_ALREADY_REPLACED');
  if (row.status !== 'issued' && row.status !== 'revoked') throw certificatesErrors.error('CERTIFICATE_NOT_ISSUED');
  const now = clock.now();
  const number = await certificatesRepository.nextNumber(tx, businessYear(now));
  const snapshot = await snapshotAt(tx, row, secretary, input, { number, on: businessDate(now), replaces: row.number });
  if (row.status === 'issued') await certificatesRepository.markRevoked(tx, { id: row.id, at: now, by: secretary.userId, reason: input.reason });
  const id = newId();
  await certificatesRepository.insertReissue(tx, { id, replaces: row, number, at: now, by: secretary.userId, snapshot });
  return toCertificateView((await certificatesRepository.find(tx, id))!, config);
}
