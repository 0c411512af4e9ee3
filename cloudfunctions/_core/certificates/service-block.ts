import type { CertifiableRecord } from './certificates.repository';
import type { CertificateSnapshot } from './certificates.schemas';

/** The service block of one community's certificate: verified records counted, hand-entered ones only numbered apart. */
export function serviceBlock(organisation: string, period: { from: string; to: string }, records: CertifiableRecord[]): CertificateSnapshot['service'] {
  const verified = records.filter((record) => record.verified);
  const handEntered = records.filter((record) => !record.verified);
  return {
    organisation,
    periodFrom: period.from,
    periodTo: period.to,
    minutes: verified.reduce((sum, record) => sum + record.minutes, 0),
    serviceCount: verified.length,
    contents: [...new Set(verified.map((record) => record.content))],
    lines: verified.map((record) => ({ date: record.date, place: record.place, content: record.content, minutes: record.minutes })),
    excluded: { count: handEntered.length, minutes: handEntered.reduce((sum, record) => sum + record.minutes, 0) },
  };
}

/** Hours as the certificate prints them: to the tenth, never rounded up past what was served. */
export const certificateHours = (minutes: number) => Math.floor((minutes / 60) * 10) / 10;
