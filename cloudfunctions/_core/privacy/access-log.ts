import type { Executor } from '../db/database';

export type PersonalField = 'phone' | 'address' | 'id_number';

export interface FullRead {
  id: string;
  viewerId: string;
  /** The person whose data was read; null for a need's contact recorded on a resident's behalf. */
  subjectUserId: string | null;
  demandId?: string | null;
  communityId: string;
  field: PersonalField;
  /** Why, in words the subject would understand: 「联系需求人」, 「导出党员登记表」. */
  purpose: string;
  at: Date;
}

/**
 * Writes one row of the access log: every full phone, address or ID number read by someone other than its
 * owner — a secretary revealing or exporting it, a member serving the resident (004 §二.3.(1)).
 */
export const logFullRead = (tx: Executor, read: FullRead) =>
  tx.query(
    `insert into access_log (id, viewer_id, subject_user_id, demand_id, community_id, field, purpose, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [read.id, read.viewerId, read.subjectUserId, read.demandId ?? null, read.communityId, read.field, read.purpose, read.at],
  );

/** Several rows of the access log in one statement. */
export async function logFullReads(tx: Executor, reads: FullRead[]): Promise<void> {
  if (reads.length === 0) return;
  await tx.query(
    `insert into access_log (id, viewer_id, subject_user_id, demand_id, community_id, field, purpose, at)
     select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::timestamptz[])`,
    [
      reads.map((read) => read.id), reads.map((read) => read.viewerId), reads.map((read) => read.subjectUserId),
      reads.map((read) => read.demandId ?? null), reads.map((read) => read.communityId), reads.map((read) => read.field),
      reads.map((read) => read.purpose), reads.map((read) => read.at.toISOString()),
    ],
  );
}
