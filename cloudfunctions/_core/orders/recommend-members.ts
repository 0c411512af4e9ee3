import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { businessYear } from '../shared/business-time';
import { maskPhone } from '../shared/masking';
import { orderErrors } from './orders.errors';
import { orderTimeOf, scoreCandidate, type Candidate } from './recommendation-rules';

export interface RecommendInput {
  orderId?: string;
  startsAt: string;
  endsAt: string;
  requiredPosts: string[];
  requiredSkills: string[];
  demandId?: string;
  limit: number;
}

/** Members of the community ranked for an order (or a draft of one), each with the reasons in words. */
export async function recommendMembers(ctx: ActionContext, input: RecommendInput) {
  const caller = requireCaller(ctx.caller);
  const communityId = communityOf(caller, 'secretary');
  await assertManagesCommunity(ctx.tx, caller, communityId);
  const now = ctx.clock.now();
  const startsAt = new Date(input.startsAt);
  const [demand] = input.demandId
    ? await ctx.tx.query<{ grid_id: string | null; community_id: string }>(
        'select r.grid_id, d.community_id from demands d left join residents r on r.user_id = d.resident_id where d.id = $1',
        [input.demandId],
      )
    : [];
  if (input.demandId && demand?.community_id !== communityId) throw orderErrors.error('ORDER_DEMAND_OTHER_COMMUNITY');

  const rows = await ctx.tx.query<{
    member_id: string; name: string; phone: string | null; volunteer_no: string; grid_id: string | null; grid_name: string | null;
    posts: string[]; skills: string[]; availability: Record<string, string[]>;
    minutes: string; past_accepted: number; past_attended: number; overlapping: number; on_order: boolean;
  }>(
    `select m.user_id as member_id, u.name, u.phone, m.volunteer_no, m.grid_id, g.name as grid_name, m.posts, m.skills, m.availability,
            coalesce((select sum(r.minutes_credited) from service_records r
                       where r.member_id = m.user_id and r.status = 'credited' and r.service_date >= $2::date), 0) as minutes,
            (select count(*) from assignments a join orders o on o.id = a.order_id
              where a.member_id = m.user_id and a.status = 'accepted' and o.ends_at < $3)::int as past_accepted,
            (select count(*) from attendance t join orders o on o.id = t.order_id
              where t.member_id = m.user_id and o.ends_at < $3)::int as past_attended,
            (select count(*) from assignments a join orders o on o.id = a.order_id
              where a.member_id = m.user_id and a.status = 'accepted' and o.status <> 'cancelled'
                and o.starts_at < $5 and o.ends_at > $4 and o.id is distinct from $6)::int as overlapping,
            exists (select 1 from assignments a where a.order_id = $6 and a.member_id = m.user_id) as on_order
       from members m join users u on u.id = m.user_id left join organisations g on g.id = m.grid_id
      where m.community_id = $1 and u.left_at is null`,
    [communityId, `${businessYear(now)}-01-01`, now, input.startsAt, input.endsAt, input.orderId ?? null],
  );
  const candidates: (Candidate & { row: (typeof rows)[number] })[] = rows
    .filter((row) => !row.on_order)
    .map((row) => ({
      row,
      memberId: row.member_id,
      posts: row.posts,
      skills: row.skills,
      availability: row.availability,
      gridId: row.grid_id,
      hoursThisYear: Number(row.minutes) / 60,
      pastAccepted: row.past_accepted,
      pastAttended: row.past_attended,
      overlapping: row.overlapping,
    }));
  const hours = candidates.map((candidate) => candidate.hoursThisYear).sort((a, b) => a - b);
  const medianHours = hours.length > 0 ? hours[Math.floor(hours.length / 2)] : 0;
  const needs = { time: orderTimeOf(startsAt), requiredPosts: input.requiredPosts, requiredSkills: input.requiredSkills, gridId: demand?.grid_id ?? null, medianHours };
  return {
    items: candidates
      .map((candidate) => ({ candidate, ...scoreCandidate(candidate, needs) }))
      .sort((a, b) => b.score - a.score || a.candidate.hoursThisYear - b.candidate.hoursThisYear)
      .slice(0, input.limit)
      .map(({ candidate, score, reasons }) => ({
        memberId: candidate.memberId,
        name: candidate.row.name,
        volunteerNo: candidate.row.volunteer_no,
        phoneMasked: maskPhone(candidate.row.phone),
        gridName: candidate.row.grid_name,
        hoursThisYear: Math.round(candidate.hoursThisYear * 10) / 10,
        score,
        reasons,
      })),
  };
}
