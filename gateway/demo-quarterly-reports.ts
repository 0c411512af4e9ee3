import { randomUUID } from 'node:crypto';
import type { Executor } from '../cloudfunctions/_core/db/database';
import { computeQuarterlyFigures } from '../cloudfunctions/_core/reports/quarterly-report';
import { quarterDueOn, quarterOf, type QuarterRef } from '../cloudfunctions/_core/reports/quarterly-report-period';
import { quarterlyReportRepository } from '../cloudfunctions/_core/reports/quarterly-report.repository';
import { businessDate } from '../cloudfunctions/_core/shared/business-time';

type Person = { id: string; name: string; phone: string };

const DAY = 24 * 60 * 60 * 1000;

const previousQuarter = ({ year, quarter }: QuarterRef): QuarterRef => (quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 });

/**
 * 季报表 of the first community: its 负责人 (the secretary) and 联系人 kept, last quarter's report submitted three days
 * before it was due and not yet opened by the district, this quarter's not submitted.
 */
export async function seedQuarterlyReports(
  tx: Executor,
  { now, communityId, communityName, secretary, contact }: { now: Date; communityId: string; communityName: string; secretary: Person; contact: Person },
): Promise<void> {
  const owner = { kind: 'community' as const, id: communityId };
  const last = previousQuarter(quarterOf(businessDate(now)));
  const submittedAt = new Date(Date.parse(`${quarterDueOn(last)}T16:00:00+08:00`) - 3 * DAY);
  const contacts = { leadName: secretary.name, leadPhone: secretary.phone, contactName: contact.name, contactPhone: contact.phone };
  await quarterlyReportRepository.saveContacts(tx, owner, contacts, secretary.id, submittedAt);
  const figures = await computeQuarterlyFigures(tx, businessDate(submittedAt), { owner, name: communityName }, last, contacts);
  await quarterlyReportRepository.insertSubmission(tx, { id: randomUUID(), owner, ...last, version: 1, figures, by: secretary.id, at: submittedAt });
}
