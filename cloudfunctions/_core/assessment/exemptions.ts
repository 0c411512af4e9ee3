import type * as z from 'zod';
import { districtsOf, organisationsInScope } from '../org/district-scope';
import type { ActionContext } from '../runtime/action';
import { communityOf, grantsOf, requireCaller } from '../runtime';
import { businessYear } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { assessmentErrors } from './assessment.errors';
import { assertOpenYear, isClosedYear } from './rule-sets';
import type { ExemptionView, ListExemptionsQuery, RecordExemptionInput } from './rule-sets.schemas';

type ExemptionRow = {
  id: string;
  member_id: string;
  member_name: string;
  volunteer_no: string;
  community_id: string;
  community_name: string;
  district_id: string;
  year: number;
  reason: string;
  approved_by: string;
  approval_ref: string | null;
  recorded_at: Date;
  recorded_by: string;
  revoked_at: Date | null;
  revoked_by: string | null;
};

const SELECT_EXEMPTIONS = `
  select e.id, e.member_id, mu.name as member_name, m.volunteer_no, m.community_id, c.name as community_name, street.parent_id as district_id,
         e.year, e.reason, e.approved_by, e.approval_ref, e.recorded_at, ru.name as recorded_by, e.revoked_at, vu.name as revoked_by
    from assessment_exemptions e
    join members m on m.user_id = e.member_id
    join users mu on mu.id = m.user_id
    join organisations c on c.id = m.community_id
    join organisations street on street.id = c.parent_id
    join users ru on ru.id = e.recorded_by
    left join users vu on vu.id = e.revoked_by`;

const toView = (row: ExemptionRow): z.input<typeof ExemptionView> => ({
  id: row.id,
  memberId: row.member_id,
  memberName: row.member_name,
  volunteerNo: row.volunteer_no,
  communityId: row.community_id,
  communityName: row.community_name,
  year: row.year,
  reason: row.reason,
  approvedBy: row.approved_by,
  approvalRef: row.approval_ref,
  recordedAt: row.recorded_at.toISOString(),
  recordedBy: row.recorded_by,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  revokedBy: row.revoked_by,
  live: row.revoked_at === null,
});

/** The district admin records the upper committee's approval that a member unfit to serve is exempted for a year. */
export async function recordExemption(ctx: ActionContext, input: z.output<typeof RecordExemptionInput>) {
  const districts = districtsOf(ctx.caller);
  const [member] = await ctx.tx.query<{ district_id: string }>(
    `select street.parent_id as district_id
       from members m join users u on u.id = m.user_id
       join organisations c on c.id = m.community_id join organisations street on street.id = c.parent_id
      where m.user_id = $1 and u.left_at is null`,
    [input.memberId],
  );
  if (!member || !districts.includes(member.district_id)) {
    throw assessmentErrors.error('ASSESSMENT_MEMBER_NOT_FOUND', undefined, { memberId: '本区找不到该党员' });
  }
  assertOpenYear(ctx, input.year);
  // Two admins recording at once may both pass this check; the one-live index then refuses the second (CONFLICT).
  const live = await ctx.tx.query('select 1 from assessment_exemptions where member_id = $1 and year = $2 and revoked_at is null', [input.memberId, input.year]);
  if (live.length > 0) throw assessmentErrors.error('ASSESSMENT_EXEMPTION_EXISTS', undefined, { memberId: `该党员${input.year}年度已有有效的免除考核记录` });
  const id = ctx.newId();
  await ctx.tx.query(
    `insert into assessment_exemptions (id, member_id, year, reason, approved_by, approval_ref, recorded_by, recorded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, input.memberId, input.year, input.reason, input.approvedBy, input.approvalRef ?? null, ctx.caller!.userId, ctx.clock.now()],
  );
  const [row] = await ctx.tx.query<ExemptionRow>(`${SELECT_EXEMPTIONS} where e.id = $1`, [id]);
  return toView(row);
}

/** The district admin revokes a live exemption of an open year (the record stays, marked revoked). */
export async function revokeExemption(ctx: ActionContext, input: { exemptionId: string }) {
  const districts = districtsOf(ctx.caller);
  const [row] = await ctx.tx.query<ExemptionRow>(`${SELECT_EXEMPTIONS} where e.id = $1 for update of e`, [input.exemptionId]);
  if (!row || !districts.includes(row.district_id)) {
    throw assessmentErrors.error('ASSESSMENT_EXEMPTION_NOT_FOUND', undefined, { exemptionId: '找不到该免除考核记录' });
  }
  if (row.revoked_at) throw assessmentErrors.error('ASSESSMENT_EXEMPTION_REVOKED');
  assertOpenYear(ctx, row.year);
  await ctx.tx.query('update assessment_exemptions set revoked_at = $2, revoked_by = $3 where id = $1', [row.id, ctx.clock.now(), ctx.caller!.userId]);
  const [revoked] = await ctx.tx.query<ExemptionRow>(`${SELECT_EXEMPTIONS} where e.id = $1`, [row.id]);
  return toView(revoked);
}

/** A year's exemptions, live and revoked: a district admin's district (or one community of it), a secretary's community. */
export async function listExemptions(ctx: ActionContext, input: z.output<typeof ListExemptionsQuery>) {
  const caller = requireCaller(ctx.caller);
  const year = input.year ?? businessYear(ctx.clock.now());
  let where: string;
  let scope: string | string[];
  if (grantsOf(caller, 'district_admin').length > 0) {
    if (input.communityId) {
      await organisationsInScope(ctx.tx, caller, [{ id: input.communityId, field: 'communityId' }], { kind: 'community', archived: true });
      where = 'm.community_id = $2';
      scope = input.communityId;
    } else {
      where = 'street.parent_id = any($2::uuid[])';
      scope = districtsOf(caller);
    }
  } else {
    if (grantsOf(caller, 'secretary').length === 0) throw commonErrors.error('FORBIDDEN', '需要区管理员或社区书记身份');
    const communityId = communityOf(caller, 'secretary');
    if (input.communityId && input.communityId !== communityId) throw commonErrors.error('FORBIDDEN', '只能查看本社区的免除考核记录');
    where = 'm.community_id = $2';
    scope = communityId;
  }
  const rows = await ctx.tx.query<ExemptionRow>(
    `${SELECT_EXEMPTIONS} where e.year = $1 and ${where} order by (e.revoked_at is null) desc, e.recorded_at desc`,
    [year, scope],
  );
  return { year, closed: isClosedYear(ctx, year), exemptions: rows.map(toView) };
}

/** Members of the caller's district whose name, volunteer number or phone matches, for picking whom to exempt. */
export async function findMembers(ctx: ActionContext, input: { query: string }) {
  const districts = districtsOf(ctx.caller);
  const rows = await ctx.tx.query<{ member_id: string; name: string; volunteer_no: string; community_name: string; member_type: string }>(
    `select m.user_id as member_id, u.name, m.volunteer_no, c.name as community_name, m.member_type
       from members m join users u on u.id = m.user_id
       join organisations c on c.id = m.community_id join organisations street on street.id = c.parent_id
      where street.parent_id = any($1::uuid[]) and u.left_at is null
        and (u.name like $3 || '%' or m.volunteer_no = upper($2) or u.phone = $2)
      order by u.name, m.volunteer_no
      limit 20`,
    [districts, input.query, input.query.replace(/[\\%_]/g, '\\$&')],
  );
  return {
    members: rows.map((row) => ({ memberId: row.member_id, name: row.name, volunteerNo: row.volunteer_no, communityName: row.community_name, memberType: row.member_type })),
  };
}
