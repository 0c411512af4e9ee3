import type { ActionContext } from '../runtime/action';
import { assertManagesCommunity, communityOf, requireCaller } from '../runtime';
import { businessYear } from '../shared/business-time';
import { maskPhone } from '../shared/masking';
import { orderErrors } from './orders.errors';
import { recommendCandidatesRepository, type CandidateRow } from './recommend-candidates.repository';
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

  const rows = await recommendCandidatesRepository.candidates(ctx.tx, {
    communityId, yearStart: `${businessYear(now)}-01-01`, now, startsAt: input.startsAt, endsAt: input.endsAt, orderId: input.orderId ?? null,
  });
  const candidates: (Candidate & { row: CandidateRow })[] = rows.map((row) => ({
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
