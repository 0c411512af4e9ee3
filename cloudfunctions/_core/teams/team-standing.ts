import type { Executor } from '../db/database';
import { evaluateTeamStanding } from '../assessment/evaluate-standing';
import type { EffectiveRuleSet } from '../assessment/rule-set.repository';
import { countsAsFocusedActivity, deedCountsOn } from './team-activities';
import { teamsRepository, type FocusedActivityRow } from './teams.repository';

export type TeamYear = {
  activities: (FocusedActivityRow & { counts: boolean })[];
  focusedActivityCount: number;
  deedCount: number;
  standing: ReturnType<typeof evaluateTeamStanding>['rules'];
};

/** Each team's 集中性活动 and confirmed 实事 of the year, and its standing under the rule set: two statements for any number of teams. */
export async function teamYears(tx: Executor, teamIds: string[], year: number, now: Date, effective: EffectiveRuleSet): Promise<Map<string, TeamYear>> {
  const [activities, deeds] = teamIds.length
    ? await Promise.all([teamsRepository.focusedActivities(tx, teamIds, year), teamsRepository.confirmedDeeds(tx, teamIds, year)])
    : [[], []];
  return new Map(
    teamIds.map((teamId) => {
      const own = activities.filter((row) => row.focused_team_id === teamId).map((row) => ({ ...row, counts: countsAsFocusedActivity({ status: row.status, endsAt: row.ends_at, attended: row.attended }, now) }));
      const counted = own.filter((row) => row.counts).map((row) => ({ at: row.starts_at }));
      const ownDeeds = deeds.filter((row) => row.team_id === teamId).map((row) => ({ at: deedCountsOn(row.confirmed_at, year) }));
      const standing = evaluateTeamStanding(effective.ruleSet, year, now, { focusedActivities: counted, deeds: ownDeeds }).rules;
      return [teamId, { activities: own, focusedActivityCount: counted.length, deedCount: ownDeeds.length, standing }];
    }),
  );
}
