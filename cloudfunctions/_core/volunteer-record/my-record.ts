import type * as z from 'zod';
import type { ActionContext } from '../runtime';
import { requireCaller } from '../runtime';
import { businessYear } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { loadTrainingsAndAwards } from './training-awards.repository';
import { AWARD_LEVEL_LABELS, TRAINING_KIND_LABELS, type MyRecordInput, type MyTrainingsAndAwardsView } from './volunteer-record.schemas';

/** The caller's own trainings and awards of a year (培训情况、表彰奖励情况 of their volunteer record). */
export async function myTrainingsAndAwards(ctx: ActionContext, input: z.output<typeof MyRecordInput>): Promise<z.input<typeof MyTrainingsAndAwardsView>> {
  const caller = requireCaller(ctx.caller);
  const [member] = await ctx.tx.query('select 1 from members where user_id = $1', [caller.userId]);
  if (!member) throw commonErrors.error('FORBIDDEN', '需要党员义工身份');
  const year = input.year ?? businessYear(ctx.clock.now());
  const entry = (await loadTrainingsAndAwards(ctx.tx, [caller.userId], { from: `${year}-01-01`, to: `${year}-12-31` })).get(caller.userId)!;
  return {
    year,
    trainings: entry.trainings.map((training) => ({ ...training, kindLabel: TRAINING_KIND_LABELS[training.kind] })),
    awards: entry.awards.map((award) => ({ ...award, levelLabel: AWARD_LEVEL_LABELS[award.level] })),
    trainingHours: entry.trainings.reduce((sum, training) => sum + training.hours, 0),
  };
}
