import type * as z from 'zod';
import type { Executor } from '../db/database';
import type { ActionContext } from '../runtime';
import { businessDate, businessYear } from '../shared/business-time';
import { assertManagesScope, membersOfScope, scopeForCall, type RecordScope } from './record-scope';
import { volunteerRecordErrors } from './volunteer-record.errors';
import {
  TRAINING_KIND_LABELS,
  type CorrectTrainingInput,
  type ListScopeInput,
  type RecordTrainingInput,
  type TrainingView,
  type WithdrawTrainingInput,
} from './volunteer-record.schemas';

type TrainingFields = Omit<z.output<typeof RecordTrainingInput>, 'communityId'>;

interface TrainingRow {
  id: string;
  kind: 'backbone' | 'pre_service';
  title: string;
  organiser: string;
  organiser_org_id: string;
  scope_name: string;
  started_on: string;
  ended_on: string;
  minutes: number;
  recorded_by: string;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
}

const SELECT_TRAININGS = `
  select t.id, t.kind, t.title, t.organiser, t.organiser_org_id, o.name as scope_name,
         to_char(t.started_on, 'YYYY-MM-DD') as started_on, to_char(t.ended_on, 'YYYY-MM-DD') as ended_on, t.minutes,
         ru.name as recorded_by, t.recorded_at, t.withdrawn_at, t.withdraw_reason
    from trainings t
    join organisations o on o.id = t.organiser_org_id
    join users ru on ru.id = t.recorded_by`;

const ACTION_LABELS: Record<string, string> = { recorded: '登记', corrected: '更正', withdrawn: '撤回' };

/** The views of trainings, their participants and their history in three statements. */
async function viewsOf(tx: Executor, rows: TrainingRow[]): Promise<z.input<typeof TrainingView>[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const participants = await tx.query<{ training_id: string; member_id: string; name: string; volunteer_no: string }>(
    `select p.training_id, p.member_id, u.name, m.volunteer_no
       from training_participants p join members m on m.user_id = p.member_id join users u on u.id = m.user_id
      where p.training_id = any($1::uuid[])
      order by m.volunteer_no`,
    [ids],
  );
  const history = await tx.query<{ training_id: string; action: string; actor: string; reason: string; at: Date }>(
    `select a.training_id, a.action, u.name as actor, a.reason, a.at
       from training_audit a join users u on u.id = a.actor_id
      where a.training_id = any($1::uuid[])
      order by a.at, case a.action when 'recorded' then 0 when 'corrected' then 1 else 2 end, a.id`,
    [ids],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    kindLabel: TRAINING_KIND_LABELS[row.kind],
    title: row.title,
    organiser: row.organiser,
    scopeName: row.scope_name,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    hours: Number(row.minutes) / 60,
    participants: participants
      .filter((p) => p.training_id === row.id)
      .map((p) => ({ memberId: p.member_id, name: p.name, volunteerNo: p.volunteer_no })),
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
    withdrawn: row.withdrawn_at !== null,
    withdrawReason: row.withdraw_reason,
    history: history
      .filter((entry) => entry.training_id === row.id)
      .map((entry) => ({ action: ACTION_LABELS[entry.action] ?? entry.action, actor: entry.actor, reason: entry.reason, at: entry.at.toISOString() })),
  }));
}

async function trainingView(tx: Executor, id: string) {
  const rows = await tx.query<TrainingRow>(`${SELECT_TRAININGS} where t.id = $1`, [id]);
  return (await viewsOf(tx, rows))[0];
}

/** Refuses dates out of order or in the future, and participants who are not (or no longer) members of the scope. */
async function checkTraining(ctx: ActionContext, scope: Pick<RecordScope, 'kind' | 'orgId'>, input: TrainingFields) {
  if (input.endedOn < input.startedOn) throw volunteerRecordErrors.error('TRAINING_END_BEFORE_START', undefined, { endedOn: '结束日期不能早于开始日期' });
  if (input.endedOn > businessDate(ctx.clock.now())) throw volunteerRecordErrors.error('TRAINING_IN_FUTURE', undefined, { endedOn: '结束日期不能晚于今天' });
  const found = await ctx.tx.query<{ user_id: string }>(
    `select m.user_id from members m join users u on u.id = m.user_id
      where m.user_id = any($1::uuid[]) and u.left_at is null and ${membersOfScope(scope, 2)}`,
    [input.memberIds, scope.orgId],
  );
  if (found.length !== input.memberIds.length) {
    throw volunteerRecordErrors.error('TRAINING_PARTICIPANT_OUT_OF_SCOPE', undefined, { memberIds: '有参训党员不属于本社区（区级培训为本区）' });
  }
}

const snapshot = (input: TrainingFields) => ({
  kind: input.kind,
  title: input.title,
  organiser: input.organiser,
  startedOn: input.startedOn,
  endedOn: input.endedOn,
  hours: input.hours,
  memberIds: [...input.memberIds].sort(),
});

async function audit(ctx: ActionContext, trainingId: string, action: string, reason: string, before: unknown, after: unknown) {
  await ctx.tx.query(
    `insert into training_audit (id, training_id, actor_id, action, reason, before, after, at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ctx.newId(), trainingId, ctx.caller!.userId, action, reason, before === null ? null : JSON.stringify(before), JSON.stringify(after), ctx.clock.now()],
  );
}

async function writeParticipants(tx: Executor, trainingId: string, memberIds: string[]) {
  await tx.query(
    'insert into training_participants (training_id, member_id) select $1, unnest($2::uuid[])',
    [trainingId, memberIds],
  );
}

/** A secretary (her community) or a district admin (a community of her district, or the district) records a training and who took part. */
export async function recordTraining(ctx: ActionContext, input: z.output<typeof RecordTrainingInput>) {
  const scope = await scopeForCall(ctx.tx, ctx.caller, input.communityId);
  await checkTraining(ctx, scope, input);
  const id = ctx.newId();
  const now = ctx.clock.now();
  await ctx.tx.query(
    `insert into trainings (id, kind, title, organiser, organiser_org_id, started_on, ended_on, minutes, recorded_by, recorded_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [id, input.kind, input.title, input.organiser, scope.orgId, input.startedOn, input.endedOn, Math.round(input.hours * 60), ctx.caller!.userId, now],
  );
  await writeParticipants(ctx.tx, id, input.memberIds);
  await audit(ctx, id, 'recorded', '登记培训', null, snapshot(input));
  return trainingView(ctx.tx, id);
}

async function lockedTraining(ctx: ActionContext, id: string, field: string) {
  const [row] = await ctx.tx.query<{ organiser_org_id: string; withdrawn_at: Date | null; kind: string }>(
    `select t.organiser_org_id, t.withdrawn_at, o.kind from trainings t join organisations o on o.id = t.organiser_org_id where t.id = $1 for update of t`,
    [id],
  );
  if (!row) throw volunteerRecordErrors.error('TRAINING_NOT_FOUND', undefined, { [field]: '找不到该培训记录' });
  await assertManagesScope(ctx.tx, ctx.caller, row.organiser_org_id).catch(() => {
    throw volunteerRecordErrors.error('TRAINING_NOT_FOUND', undefined, { [field]: '找不到该培训记录' });
  });
  if (row.withdrawn_at) throw volunteerRecordErrors.error('TRAINING_WITHDRAWN');
  return { orgId: row.organiser_org_id, kind: row.kind === 'district' ? ('district' as const) : ('community' as const) };
}

async function currentSnapshot(tx: Executor, id: string) {
  const view = await trainingView(tx, id);
  return snapshot({ ...view, memberIds: view.participants.map((p) => p.memberId) });
}

/** Corrects a training's details or participants with a reason; the before and after stay in its history. */
export async function correctTraining(ctx: ActionContext, input: z.output<typeof CorrectTrainingInput>) {
  const scope = await lockedTraining(ctx, input.trainingId, 'trainingId');
  await checkTraining(ctx, scope, input);
  const before = await currentSnapshot(ctx.tx, input.trainingId);
  await ctx.tx.query(
    `update trainings set kind = $2, title = $3, organiser = $4, started_on = $5, ended_on = $6, minutes = $7, updated_at = $8 where id = $1`,
    [input.trainingId, input.kind, input.title, input.organiser, input.startedOn, input.endedOn, Math.round(input.hours * 60), ctx.clock.now()],
  );
  await ctx.tx.query('delete from training_participants where training_id = $1', [input.trainingId]);
  await writeParticipants(ctx.tx, input.trainingId, input.memberIds);
  await audit(ctx, input.trainingId, 'corrected', input.reason, before, snapshot(input));
  return trainingView(ctx.tx, input.trainingId);
}

/** Withdraws a training recorded in error, with a reason: it stays, marked withdrawn, and leaves every member's record. */
export async function withdrawTraining(ctx: ActionContext, input: z.output<typeof WithdrawTrainingInput>) {
  await lockedTraining(ctx, input.id, 'id');
  const before = await currentSnapshot(ctx.tx, input.id);
  await ctx.tx.query('update trainings set withdrawn_at = $2, withdrawn_by = $3, withdraw_reason = $4, updated_at = $2 where id = $1', [
    input.id,
    ctx.clock.now(),
    ctx.caller!.userId,
    input.reason,
  ]);
  await audit(ctx, input.id, 'withdrawn', input.reason, before, { withdrawn: true });
  return trainingView(ctx.tx, input.id);
}

/** A year's trainings (by end date) of the scope, withdrawn ones included and marked; a district admin's scope takes in her communities'. */
export async function listTrainings(ctx: ActionContext, input: z.output<typeof ListScopeInput>) {
  const scope = await scopeForCall(ctx.tx, ctx.caller, input.communityId);
  const year = input.year ?? businessYear(ctx.clock.now());
  const where =
    scope.kind === 'community'
      ? 't.organiser_org_id = $1'
      : `(t.organiser_org_id = $1 or t.organiser_org_id in (select c.id from organisations c join organisations s on s.id = c.parent_id where s.parent_id = $1))`;
  const rows = await ctx.tx.query<TrainingRow>(
    `${SELECT_TRAININGS} where ${where} and t.ended_on between $2::date and $3::date order by t.started_on desc, t.title, t.id`,
    [scope.orgId, `${year}-01-01`, `${year}-12-31`],
  );
  return { year, items: await viewsOf(ctx.tx, rows) };
}
