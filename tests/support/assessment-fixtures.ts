import { randomUUID } from 'node:crypto';
import type { Database } from '../../cloudfunctions/_core/db/database';

// What the assessment rules count, written with SQL so that standings can be asserted from exactly these rows.

/** A completed activity of the community at `startsAt` (Beijing time unless an offset is given). */
export async function addActivity(db: Database, activity: { communityId: string; startsAt: string; createdBy: string }): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into orders (id, community_id, kind, title, category, place, starts_at, ends_at, capacity, dispatch, status, created_by)
     values ($1, $2, 'activity', '清洁家园', '环境美化', '社区广场', $3::timestamptz, $3::timestamptz + interval '1 hour', 50, 'open', 'completed', $4)`,
    [id, activity.communityId, activity.startsAt, activity.createdBy],
  );
  return id;
}

/** A member's service record on the activity, dated `serviceDate` (Beijing), of `minutes`, credited unless said. */
export async function addService(
  db: Database,
  service: {
    orderId: string; memberId: string; communityId: string; serviceDate: string; minutes: number; createdBy: string;
    source?: 'scan' | 'manual'; status?: 'credited' | 'pending_approval' | 'awaiting_resident';
  },
) {
  const startedAt = `${service.serviceDate}T09:00:00+08:00`;
  await db.query(
    `insert into service_records (id, order_id, member_id, certifying_org_id, content, place, service_date, started_at, ended_at,
                                  minutes_measured, minutes_credited, source, status, created_by)
     values ($1, $2, $3, $4, '清洁家园', '社区广场', $5::date, $6::timestamptz, $6::timestamptz + make_interval(mins => $7), $7, $7, $8, $9, $10)`,
    [randomUUID(), service.orderId, service.memberId, service.communityId, service.serviceDate, startedAt, service.minutes,
      service.source ?? 'manual', service.status ?? 'credited', service.createdBy],
  );
}

export const addSuggestion = (db: Database, s: { memberId: string; communityId: string; submittedAt: string; status?: 'submitted' | 'withdrawn' }) =>
  db.query(
    `insert into suggestions (id, member_id, community_id, category, body, status, submitted_at) values ($1, $2, $3, '环境', '建议增设垃圾分类指引牌', $4, $5)`,
    [randomUUID(), s.memberId, s.communityId, s.status ?? 'submitted', s.submittedAt],
  );

/** A member's 好事 commitment for the year, fulfilled at `fulfilledAt` and confirmed unless said. */
export const addGoodDeed = (
  db: Database,
  c: { memberId: string; communityId: string; year: number; fulfilledAt: string; createdBy: string; status?: 'fulfilled' | 'confirmed' },
) =>
  db.query(
    `insert into commitments (id, year, community_id, member_id, beneficiary, content, status, fulfilment, fulfilled_at, confirmed_by, confirmed_at, created_by, created_at)
     values ($1, $2, $3, $4, '张大爷', '每月上门陪伴', $5, '已上门陪伴', $6::timestamptz,
             case when $5 = 'confirmed' then $7::uuid end, case when $5 = 'confirmed' then $6::timestamptz end, $7, $6::timestamptz)`,
    [randomUUID(), c.year, c.communityId, c.memberId, c.status ?? 'confirmed', c.fulfilledAt, c.createdBy],
  );

/** A 免除考核 of the member for the year, live unless revoked. */
export const addExemption = (db: Database, e: { memberId: string; year: number; recordedBy: string; revoked?: boolean }) =>
  db.query(
    `insert into assessment_exemptions (id, member_id, year, reason, approved_by, recorded_by, recorded_at, revoked_at, revoked_by)
     values ($1, $2, $3, '身体原因不宜参加服务', '台城街道党工委', $4, now(), case when $5 then now() end, case when $5 then $4::uuid end)`,
    [randomUUID(), e.memberId, e.year, e.recordedBy, e.revoked ?? false],
  );

export const setMemberType = (db: Database, memberId: string, memberType: string, dates: { activistSince?: string; joinedPartyOn?: string } = {}) =>
  db.query('update members set member_type = $2, activist_since = $3, joined_party_on = $4 where user_id = $1', [
    memberId, memberType, dates.activistSince ?? null, dates.joinedPartyOn ?? null,
  ]);

/** The day the member's current community history began (their 回执 or transfer), and the registration behind it. */
export const setCommunityJoined = (db: Database, memberId: string, joinedAt: string, registrationId: string | null = null) =>
  db.query('update member_community_history set joined_at = $2, registration_id = $3 where member_id = $1 and left_at is null', [memberId, joinedAt, registrationId]);
