import type * as z from 'zod';
import type { Executor } from '../db/database';
import type { ActionContext } from '../runtime';
import { businessDate, businessYear } from '../shared/business-time';
import { assertManagesScope, membersOfScope, scopeForCall } from './record-scope';
import { volunteerRecordErrors } from './volunteer-record.errors';
import { AWARD_LEVEL_LABELS, type AwardView, type ListScopeInput, type RecordAwardInput, type WithdrawAwardInput } from './volunteer-record.schemas';

interface AwardRow {
  id: string;
  member_id: string;
  member_name: string;
  volunteer_no: string;
  title: string;
  level: keyof typeof AWARD_LEVEL_LABELS;
  awarded_on: string;
  awarding_body: string;
  recorded_org_id: string;
  recorded_by: string;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
}

const SELECT_AWARDS = `
  select a.id, a.member_id, mu.name as member_name, m.volunteer_no, a.title, a.level, to_char(a.awarded_on, 'YYYY-MM-DD') as awarded_on,
         a.awarding_body, a.recorded_org_id, ru.name as recorded_by, a.recorded_at, a.withdrawn_at, a.withdraw_reason
    from awards a
    join members m on m.user_id = a.member_id
    join users mu on mu.id = m.user_id
    join users ru on ru.id = a.recorded_by`;

const toView = (row: AwardRow): z.input<typeof AwardView> => ({
  id: row.id,
  memberId: row.member_id,
  memberName: row.member_name,
  volunteerNo: row.volunteer_no,
  title: row.title,
  level: row.level,
  levelLabel: AWARD_LEVEL_LABELS[row.level],
  awardedOn: row.awarded_on,
  awardingBody: row.awarding_body,
  recordedBy: row.recorded_by,
  recordedAt: row.recorded_at.toISOString(),
  withdrawn: row.withdrawn_at !== null,
  withdrawReason: row.withdraw_reason,
});

const awardView = async (tx: Executor, id: string) => toView((await tx.query<AwardRow>(`${SELECT_AWARDS} where a.id = $1`, [id]))[0]);

async function audit(ctx: ActionContext, awardId: string, action: string, reason: string, before: unknown, after: unknown) {
  await ctx.tx.query(
    `insert into award_audit (id, award_id, actor_id, action, reason, before, after, at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ctx.newId(), awardId, ctx.caller!.userId, action, reason, before === null ? null : JSON.stringify(before), JSON.stringify(after), ctx.clock.now()],
  );
}

/**
 * The secretary of the member's community, or the admin of the member's district, records an honour the member received
 * (the record is kept where it was made: her community, or the district).
 */
export async function recordAward(ctx: ActionContext, input: z.output<typeof RecordAwardInput>) {
  const [member] = await ctx.tx.query<{ community_id: string }>(
    'select m.community_id from members m join users u on u.id = m.user_id where m.user_id = $1 and u.left_at is null',
    [input.memberId],
  );
  const outOfScope = () => volunteerRecordErrors.error('AWARD_MEMBER_OUT_OF_SCOPE', undefined, { memberId: '本社区（区管理员为本区）找不到该党员' });
  if (!member) throw outOfScope();
  const scope = await scopeForCall(ctx.tx, ctx.caller);
  const inScope = await ctx.tx.query(`select 1 from members m where m.user_id = $1 and ${membersOfScope(scope, 2)}`, [input.memberId, scope.orgId]);
  if (inScope.length === 0) throw outOfScope();
  if (input.awardedOn > businessDate(ctx.clock.now())) throw volunteerRecordErrors.error('AWARD_IN_FUTURE', undefined, { awardedOn: '表彰日期不能晚于今天' });
  const id = ctx.newId();
  const now = ctx.clock.now();
  await ctx.tx.query(
    `insert into awards (id, member_id, title, level, awarded_on, awarding_body, recorded_org_id, recorded_by, recorded_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [id, input.memberId, input.title, input.level, input.awardedOn, input.awardingBody, scope.orgId, ctx.caller!.userId, now],
  );
  await audit(ctx, id, 'recorded', '登记表彰奖励', null, input);
  return awardView(ctx.tx, id);
}

/** Withdraws an award recorded in error, with a reason; it stays, marked withdrawn, and leaves the member's record. */
export async function withdrawAward(ctx: ActionContext, input: z.output<typeof WithdrawAwardInput>) {
  const [row] = await ctx.tx.query<AwardRow>(`${SELECT_AWARDS} where a.id = $1 for update of a`, [input.id]);
  const notFound = () => volunteerRecordErrors.error('AWARD_NOT_FOUND', undefined, { id: '找不到该表彰奖励记录' });
  if (!row) throw notFound();
  await assertManagesScope(ctx.tx, ctx.caller, row.recorded_org_id).catch(() => {
    throw notFound();
  });
  if (row.withdrawn_at) throw volunteerRecordErrors.error('AWARD_WITHDRAWN');
  await ctx.tx.query('update awards set withdrawn_at = $2, withdrawn_by = $3, withdraw_reason = $4, updated_at = $2 where id = $1', [
    row.id,
    ctx.clock.now(),
    ctx.caller!.userId,
    input.reason,
  ]);
  await audit(ctx, row.id, 'withdrawn', input.reason, toView(row), { withdrawn: true });
  return awardView(ctx.tx, row.id);
}

/** A year's awards of the members of the scope (whoever recorded them), withdrawn ones included and marked. */
export async function listAwards(ctx: ActionContext, input: z.output<typeof ListScopeInput>) {
  const scope = await scopeForCall(ctx.tx, ctx.caller, input.communityId);
  const year = input.year ?? businessYear(ctx.clock.now());
  const rows = await ctx.tx.query<AwardRow>(
    `${SELECT_AWARDS} where ${membersOfScope(scope, 1)} and a.awarded_on between $2::date and $3::date order by a.awarded_on desc, a.title, a.id`,
    [scope.orgId, `${year}-01-01`, `${year}-12-31`],
  );
  return { year, items: rows.map(toView) };
}
