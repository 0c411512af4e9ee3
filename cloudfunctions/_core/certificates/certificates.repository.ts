import type { Executor } from '../db/database';
import type { CertificateSnapshot, CertificateStatus } from './certificates.schemas';

/** A credited record of the member, as a certificate counts it: scanned ones are verified, hand-entered ones are not. */
export interface CertifiableRecord {
  id: string;
  communityId: string;
  communityName: string;
  date: string;
  place: string;
  content: string;
  minutes: number;
  verified: boolean;
}

export interface CertificateRow {
  id: string;
  request_id: string;
  member_id: string;
  member_name: string;
  volunteer_no: string;
  community_id: string;
  community_name: string;
  period_from: string;
  period_to: string;
  record_ids: string[] | null;
  purpose: string;
  status: CertificateStatus;
  requested_at: Date;
  number: string | null;
  issued_at: Date | null;
  snapshot: CertificateSnapshot | null;
  refuse_reason: string | null;
  revoke_reason: string | null;
  revoked_at: Date | null;
  replaces_number: string | null;
  replaced_by_number: string | null;
}

const SELECT_CERTIFICATE = `
  select c.id, c.request_id, c.member_id, u.name as member_name, m.volunteer_no, c.community_id, org.name as community_name,
         to_char(c.period_from, 'YYYY-MM-DD') as period_from, to_char(c.period_to, 'YYYY-MM-DD') as period_to,
         c.record_ids, c.purpose, c.status, c.requested_at, c.number, c.issued_at, c.snapshot, c.refuse_reason, c.revoke_reason,
         c.revoked_at, replaced.number as replaces_number, replacement.number as replaced_by_number
    from certificates c
    join members m on m.user_id = c.member_id
    join users u on u.id = c.member_id
    join organisations org on org.id = c.community_id
    left join certificates replaced on replaced.id = c.replaces_id
    left join certificates replacement on replacement.replaces_id = c.id`;

type RecordRow = { id: string; community_id: string; community_name: string; date: string; place: string; content: string; minutes: number; source: string };

const toRecord = (row: RecordRow): CertifiableRecord => ({
  id: row.id,
  communityId: row.community_id,
  communityName: row.community_name,
  date: row.date,
  place: row.place,
  content: row.content,
  minutes: row.minutes,
  verified: row.source === 'scan',
});

const SELECT_RECORDS = `
  select r.id, r.certifying_org_id as community_id, org.name as community_name, to_char(r.service_date, 'YYYY-MM-DD') as date,
         r.place, r.content, r.minutes_credited as minutes, r.source
    from service_records r join organisations org on org.id = r.certifying_org_id
   where r.member_id = $1 and r.status = 'credited'`;

export const certificatesRepository = {
  async findMember(tx: Executor, memberId: string): Promise<{ name: string; volunteerNo: string } | null> {
    const [row] = await tx.query<{ name: string; volunteer_no: string }>(
      'select u.name, m.volunteer_no from members m join users u on u.id = m.user_id where m.user_id = $1 and u.left_at is null',
      [memberId],
    );
    return row ? { name: row.name, volunteerNo: row.volunteer_no } : null;
  },

  /** The member's credited records of a period (Beijing service dates, inclusive), optionally of one community. */
  async recordsOfPeriod(tx: Executor, memberId: string, period: { from: string; to: string }, communityId?: string): Promise<CertifiableRecord[]> {
    const rows = await tx.query<RecordRow>(
      `${SELECT_RECORDS} and r.service_date between $2::date and $3::date and ($4::uuid is null or r.certifying_org_id = $4)
       order by r.service_date, r.started_at, r.id`,
      [memberId, period.from, period.to, communityId ?? null],
    );
    return rows.map(toRecord);
  },

  /** The member's credited records among `ids`, optionally of one community; others' or uncredited ones are left out. */
  async recordsAmong(tx: Executor, memberId: string, ids: string[], communityId?: string): Promise<CertifiableRecord[]> {
    const rows = await tx.query<RecordRow>(
      `${SELECT_RECORDS} and r.id = any($2::uuid[]) and ($3::uuid is null or r.certifying_org_id = $3)
       order by r.service_date, r.started_at, r.id`,
      [memberId, ids, communityId ?? null],
    );
    return rows.map(toRecord);
  },

  async hasPendingLike(tx: Executor, c: { memberId: string; communityId: string; from: string; to: string; recordIds: string[] | null }): Promise<boolean> {
    const rows = await tx.query(
      `select 1 from certificates
        where member_id = $1 and community_id = $2 and status = 'requested' and period_from = $3::date and period_to = $4::date
          and record_ids is not distinct from $5::uuid[]`,
      [c.memberId, c.communityId, c.from, c.to, c.recordIds],
    );
    return rows.length > 0;
  },

  async insertRequest(
    tx: Executor,
    c: { id: string; requestId: string; memberId: string; communityId: string; from: string; to: string; recordIds: string[] | null; purpose: string; at: Date },
  ): Promise<void> {
    await tx.query(
      `insert into certificates (id, request_id, member_id, community_id, period_from, period_to, record_ids, purpose, status, requested_at)
       values ($1, $2, $3, $4, $5::date, $6::date, $7::uuid[], $8, 'requested', $9)`,
      [c.id, c.requestId, c.memberId, c.communityId, c.from, c.to, c.recordIds, c.purpose, c.at],
    );
  },

  /** The certificate, locked for a decision when `forUpdate`. */
  async find(tx: Executor, id: string, { forUpdate = false } = {}): Promise<CertificateRow | null> {
    if (forUpdate) await tx.query('select 1 from certificates where id = $1 for update', [id]);
    const [row] = await tx.query<CertificateRow>(`${SELECT_CERTIFICATE} where c.id = $1`, [id]);
    return row ?? null;
  },

  async findByNumber(tx: Executor, number: string): Promise<CertificateRow | null> {
    const [row] = await tx.query<CertificateRow>(`${SELECT_CERTIFICATE} where c.number = $1`, [number]);
    return row ?? null;
  },

  listOfMember: (tx: Executor, memberId: string) =>
    tx.query<CertificateRow>(`${SELECT_CERTIFICATE} where c.member_id = $1 order by c.requested_at desc, c.id`, [memberId]),

  listPendingOfCommunity: (tx: Executor, communityId: string, limit: number) =>
    tx.query<CertificateRow>(`${SELECT_CERTIFICATE} where c.community_id = $1 and c.status = 'requested' order by c.requested_at, c.id limit $2`, [
      communityId,
      limit,
    ]),

  listIssuedOfCommunity: (tx: Executor, communityId: string, limit: number) =>
    tx.query<CertificateRow>(
      `${SELECT_CERTIFICATE} where c.community_id = $1 and c.status in ('issued', 'revoked', 'refused') order by coalesce(c.issued_at, c.refused_at) desc, c.id limit $2`,
      [communityId, limit],
    ),

  async nextNumber(tx: Executor, year: number): Promise<string> {
    const [row] = await tx.query<{ n: string }>(`select nextval('certificate_no_seq') as n`);
    return `ZM${year}-${row.n.padStart(6, '0')}`;
  },

  async markIssued(tx: Executor, c: { id: string; number: string; at: Date; by: string; snapshot: CertificateSnapshot }): Promise<void> {
    await tx.query(
      `update certificates set status = 'issued', number = $2, issued_at = $3, issued_by = $4, snapshot = $5::jsonb where id = $1 and status = 'requested'`,
      [c.id, c.number, c.at, c.by, JSON.stringify(c.snapshot)],
    );
  },

  async markRefused(tx: Executor, c: { id: string; at: Date; by: string; reason: string }): Promise<void> {
    await tx.query(`update certificates set status = 'refused', refused_at = $2, refused_by = $3, refuse_reason = $4 where id = $1 and status = 'requested'`, [
      c.id,
      c.at,
      c.by,
      c.reason,
    ]);
  },

  async markRevoked(tx: Executor, c: { id: string; at: Date; by: string; reason: string }): Promise<void> {
    await tx.query(`update certificates set status = 'revoked', revoked_at = $2, revoked_by = $3, revoke_reason = $4 where id = $1 and status = 'issued'`, [
      c.id,
      c.at,
      c.by,
      c.reason,
    ]);
  },

  /** A new certificate in place of a revoked one: same member, community and choice, issued at once. */
  async insertReissue(
    tx: Executor,
    c: { id: string; replaces: CertificateRow; number: string; at: Date; by: string; snapshot: CertificateSnapshot },
  ): Promise<void> {
    await tx.query(
      `insert into certificates (id, request_id, member_id, community_id, period_from, period_to, record_ids, purpose, status, requested_at,
                                 number, issued_at, issued_by, snapshot, replaces_id)
       values ($1, $2, $3, $4, $5::date, $6::date, $7::uuid[], $8, 'issued', $9, $10, $9, $11, $12::jsonb, $13)`,
      [
        c.id, c.replaces.request_id, c.replaces.member_id, c.replaces.community_id, c.replaces.period_from, c.replaces.period_to,
        c.replaces.record_ids, c.replaces.purpose, c.at, c.number, c.by, JSON.stringify(c.snapshot), c.replaces.id,
      ],
    );
  },
};
