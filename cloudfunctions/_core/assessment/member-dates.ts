import { assertManagesCommunity, requireCaller, type ActionContext } from '../runtime';
import { businessDate } from '../shared/business-time';
import { assessmentErrors } from './assessment.errors';

type Dates = { activistSince?: string | null; joinedPartyOn?: string | null };

/** The dates refused before anything is written: none in the future, joining not before becoming an activist. */
export function checkMemberDates(dates: Dates, today: string): void {
  const future: Record<string, string> = {};
  if (dates.activistSince && dates.activistSince > today) future.activistSince = '成为入党积极分子日期不能晚于今天';
  if (dates.joinedPartyOn && dates.joinedPartyOn > today) future.joinedPartyOn = '入党日期不能晚于今天';
  if (Object.keys(future).length > 0) throw assessmentErrors.error('ASSESSMENT_MEMBER_DATES_INVALID', '日期不能晚于今天', future);
  if (dates.activistSince && dates.joinedPartyOn && dates.joinedPartyOn < dates.activistSince) {
    throw assessmentErrors.error('ASSESSMENT_MEMBER_DATES_INVALID', '入党日期不能早于成为入党积极分子的日期', {
      joinedPartyOn: '入党日期不能早于成为入党积极分子的日期',
    });
  }
}

/**
 * The secretary records when a member became an 入党积极分子 and when they joined the party (the activist's
 * cultivation period); who recorded them and when is kept on the member row (migration 0017).
 */
export async function setMemberDates(ctx: ActionContext, input: Dates & { memberId: string }) {
  const caller = requireCaller(ctx.caller);
  const [member] = await ctx.tx.query<{ community_id: string }>('select community_id from members where user_id = $1 for update', [input.memberId]);
  if (!member) throw assessmentErrors.error('ASSESSMENT_MEMBER_NOT_FOUND');
  await assertManagesCommunity(ctx.tx, caller, member.community_id);
  const now = ctx.clock.now();
  checkMemberDates(input, businessDate(now));
  await ctx.tx.query(
    `update members set activist_since = $2, joined_party_on = $3, party_dates_set_by = $4, party_dates_set_at = $5 where user_id = $1`,
    [input.memberId, input.activistSince ?? null, input.joinedPartyOn ?? null, caller.userId, now],
  );
  return memberDates(ctx, input.memberId);
}

export async function memberDates(ctx: ActionContext, memberId: string) {
  const [row] = await ctx.tx.query<{ activist_since: string | null; joined_party_on: string | null; set_by: string | null; set_at: Date | null }>(
    `select to_char(m.activist_since, 'YYYY-MM-DD') as activist_since, to_char(m.joined_party_on, 'YYYY-MM-DD') as joined_party_on,
            u.name as set_by, m.party_dates_set_at as set_at
       from members m left join users u on u.id = m.party_dates_set_by
      where m.user_id = $1`,
    [memberId],
  );
  return {
    memberId,
    activistSince: row.activist_since,
    joinedPartyOn: row.joined_party_on,
    datesSetBy: row.set_by,
    datesSetAt: row.set_at ? new Date(row.set_at).toISOString() : null,
  };
}
