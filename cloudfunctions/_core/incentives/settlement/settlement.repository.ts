import type { Executor } from '../../db/database';

export interface RecordFacts {
  id: string;
  memberId: string;
  status: 'credited' | 'pending_approval' | 'awaiting_resident';
  minutesCredited: number;
  source: 'scan' | 'manual';
  serviceDate: string;
  certifyingOrgId: string;
  districtId: string;
  category: string;
  concentrated: boolean;
  residentRating: 'satisfied' | 'basic' | 'unsatisfied' | null;
  organisationRating: 'excellent' | 'good' | 'fair' | null;
}

export interface SuggestionFacts {
  id: string;
  memberId: string;
  adopted: boolean;
  handledAt: Date | null;
  category: string;
  districtId: string;
}

/** The queue the triggers of 0022 fill, and the facts a source's points and banked hours are computed from. */
export const settlementRepository = {
  /**
   * Queued sources, oldest first (newest first for the drain after a call, which then finds what the call queued): all,
   * those named, or those waiting on one member's balance or a district's members. Read by the queue's time index, so a
   * queue a bulk load left large is not sorted whole.
   */
  async queuedRefs(
    tx: Executor,
    options: { sourceRefs?: string[]; memberId?: string; districtIds?: string[]; limit: number; newestFirst?: boolean },
  ): Promise<string[]> {
    const rows = await tx.query<{ source_ref: string }>(
      `select q.source_ref
         from ledger_settlement_queue q
        where ($1::text[] is null or q.source_ref = any($1::text[]))
          and ($2::uuid is null or q.member_id = $2::uuid)
          and ($3::uuid[] is null or exists (
                select 1 from members m
                  join organisations community on community.id = m.community_id
                  join organisations street on street.id = community.parent_id
                 where m.user_id = q.member_id and street.parent_id = any($3::uuid[])))
        order by q.queued_at ${options.newestFirst ? 'desc' : 'asc'}
        limit $4`,
      [options.sourceRefs ?? null, options.memberId ?? null, options.districtIds ?? null, options.limit],
    );
    return [...new Set(rows.map((row) => row.source_ref))];
  },

  /** Takes a queued source for this transaction; false when another settler holds it or it was settled meanwhile. */
  async take(tx: Executor, sourceRef: string): Promise<boolean> {
    const rows = await tx.query(`select 1 from ledger_settlement_queue where source_ref = $1 for update skip locked`, [sourceRef]);
    return rows.length > 0;
  },

  done: (tx: Executor, sourceRef: string) => tx.query(`delete from ledger_settlement_queue where source_ref = $1`, [sourceRef]),

  async recordFacts(tx: Executor, recordId: string): Promise<RecordFacts | undefined> {
    const [row] = await tx.query<{
      id: string;
      member_id: string;
      status: RecordFacts['status'];
      minutes_credited: number;
      source: RecordFacts['source'];
      service_date: string;
      certifying_org_id: string;
      district_id: string;
      category: string;
      concentrated: boolean;
      resident_rating: RecordFacts['residentRating'];
      organisation_rating: RecordFacts['organisationRating'];
    }>(
      `select r.id, r.member_id, r.status, r.minutes_credited, r.source, r.service_date::text as service_date, r.certifying_org_id,
              street.parent_id as district_id, o.category, o.focused_team_id is not null as concentrated,
              (select e.rating from evaluations e where e.order_id = r.order_id and e.kind = 'resident' order by e.created_at desc limit 1) as resident_rating,
              (select e.rating from evaluations e where e.order_id = r.order_id and e.kind = 'organisation' order by e.created_at desc limit 1) as organisation_rating
         from service_records r
         join orders o on o.id = r.order_id
         join organisations community on community.id = r.certifying_org_id
         join organisations street on street.id = community.parent_id
        where r.id = $1`,
      [recordId],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      memberId: row.member_id,
      status: row.status,
      minutesCredited: Number(row.minutes_credited),
      source: row.source,
      serviceDate: row.service_date,
      certifyingOrgId: row.certifying_org_id,
      districtId: row.district_id,
      category: row.category,
      concentrated: row.concentrated,
      residentRating: row.resident_rating,
      organisationRating: row.organisation_rating,
    };
  },

  async suggestionFacts(tx: Executor, suggestionId: string): Promise<SuggestionFacts | undefined> {
    const [row] = await tx.query<{ id: string; member_id: string; status: string; handled_at: Date | null; category: string; district_id: string }>(
      `select s.id, s.member_id, s.status, s.handled_at, s.category, street.parent_id as district_id
         from suggestions s
         join organisations community on community.id = s.community_id
         join organisations street on street.id = community.parent_id
        where s.id = $1`,
      [suggestionId],
    );
    return row && { id: row.id, memberId: row.member_id, adopted: row.status === 'adopted', handledAt: row.handled_at, category: row.category, districtId: row.district_id };
  },

  /** The member's credited services, for the star scale: every credited record, scanned or entered by hand. */
  async creditedServices(tx: Executor, memberId: string): Promise<{ date: string; minutes: number }[]> {
    const rows = await tx.query<{ date: string; minutes: number }>(
      `select service_date::text as date, minutes_credited as minutes from service_records
        where member_id = $1 and status = 'credited' order by service_date`,
      [memberId],
    );
    return rows.map((row) => ({ date: row.date, minutes: Number(row.minutes) }));
  },

  async communityOfMember(tx: Executor, memberId: string): Promise<{ communityId: string; districtId: string } | undefined> {
    const [row] = await tx.query<{ community_id: string; district_id: string }>(
      `select m.community_id, street.parent_id as district_id
         from members m
         join organisations community on community.id = m.community_id
         join organisations street on street.id = community.parent_id
        where m.user_id = $1`,
      [memberId],
    );
    return row && { communityId: row.community_id, districtId: row.district_id };
  },

  async memos(tx: Executor, transactionIds: string[]): Promise<Map<string, string>> {
    if (transactionIds.length === 0) return new Map();
    const rows = await tx.query<{ id: string; memo: string }>(`select id, memo from ledger_transactions where id = any($1::uuid[])`, [transactionIds]);
    return new Map(rows.map((row) => [row.id, row.memo]));
  },
};
