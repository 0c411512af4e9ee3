import { unitInScope } from '../org/district-scope';
import { administersUnit, assertManagesCommunity, grantsOf, requireCaller, type ActionContext } from '../runtime';
import { businessYear } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { assessmentErrors } from './assessment.errors';
import { byQuarterOf, byTypeOf, communitiesOf, complianceEntries, countsOf, currentQuarterOf, pageOf, type Sort, type StatusFilter } from './compliance-rows';
import { factsReadsOf, loadMemberFacts } from './member-facts.repository';
import { ruleSetForCommunity, ruleSetsForCommunities } from './rule-set.repository';
import { DEFAULT_PRESET } from './rule-set.repository';
import { PRESETS } from './presets';
import type { MemberType } from './rule-set.schema';

type Page = { limit: number; offset: number };
type ListOptions = { status: StatusFilter; sort: Sort; page: Page };

/** The secretary's own community, or the one a district admin names; anyone else is refused. */
async function communityInScope(ctx: ActionContext, communityId: string | undefined): Promise<string> {
  const caller = requireCaller(ctx.caller);
  const id = communityId ?? grantsOf(caller, 'secretary')[0]?.orgId;
  if (!id) throw commonErrors.error('FORBIDDEN', '需要社区党组织书记身份，或由区管理员指定社区');
  await assertManagesCommunity(ctx.tx, caller, id);
  return id;
}

/**
 * The community's members with their standing for the year under the rule set that holds for it, after the type and
 * grid filters: what 考核达标情况 shows and its export prints.
 */
export async function communityCompliance(ctx: ActionContext, input: { communityId?: string; year?: number; memberType?: MemberType; gridId?: string }) {
  const communityId = await communityInScope(ctx, input.communityId);
  const now = ctx.clock.now();
  const year = input.year ?? businessYear(now);
  const [community] = await ctx.tx.query<{ name: string; grids: { id: string; name: string }[] | null }>(
    `select c.name,
            (select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name)
               from organisations g where g.parent_id = c.id and g.kind = 'grid' and g.archived_at is null) as grids
       from organisations c where c.id = $1`,
    [communityId],
  );
  const grids = community.grids ?? [];
  if (input.gridId && !grids.some((grid) => grid.id === input.gridId)) {
    throw assessmentErrors.error('ASSESSMENT_GRID_NOT_IN_COMMUNITY', undefined, { gridId: '所选网格不属于该社区' });
  }
  const effective = await ruleSetForCommunity(ctx.tx, communityId, year);
  const members = (await loadMemberFacts(ctx.tx, { communityId }, year, factsReadsOf([effective.ruleSet]))).filter(
    (row) => (!input.memberType || row.memberType === input.memberType) && (!input.gridId || row.gridId === input.gridId),
  );
  const entries = complianceEntries(members, () => effective.ruleSet, year, now);
  return { year, now, community: { id: communityId, name: community.name }, grids, effective, entries, currentQuarter: currentQuarterOf(year, now) };
}

/**
 * 考核达标情况: every member of the community with their standing for the year, under the rule set that holds for
 * it; the numbers at the top and the charts count the members the type and grid filters keep, the status filter
 * picks the rows, and the page is a slice of them.
 */
export async function complianceList(
  ctx: ActionContext,
  input: ListOptions & { communityId?: string; year?: number; memberType?: MemberType; gridId?: string },
) {
  const { year, now, community, grids, effective, entries, currentQuarter } = await communityCompliance(ctx, input);
  return {
    year,
    closed: year < businessYear(now),
    currentQuarter,
    community,
    ruleSet: { name: effective.ruleSet.name, source: effective.ruleSet.source, origin: effective.origin, version: effective.version },
    grids,
    counts: countsOf(entries, currentQuarter),
    byQuarter: byQuarterOf(entries, year, now),
    byType: byTypeOf(entries),
    ...pageOf(entries, { ...input, currentQuarter }),
  };
}

/** The unit the caller administers, or the one a district admin names in her district. */
async function unitOf(ctx: ActionContext, unitId: string | undefined): Promise<{ id: string; name: string }> {
  const caller = requireCaller(ctx.caller);
  const own = grantsOf(caller, 'unit_admin').flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
  const id = unitId ?? own[0];
  if (id && administersUnit(caller, id)) {
    const [unit] = await ctx.tx.query<{ id: string; name: string }>('select id, name from units where id = $1', [id]);
    return unit;
  }
  if (grantsOf(caller, 'district_admin').length > 0 && unitId) return unitInScope(ctx.tx, caller, unitId);
  throw commonErrors.error('FORBIDDEN', '只能查看本单位党员的服务情况');
}

/** The unit's in-service members with their standing in whichever communities they serve, each under that community's rule set. */
export async function unitCompliance(ctx: ActionContext, input: { unitId?: string; year?: number }) {
  const unit = await unitOf(ctx, input.unitId);
  const now = ctx.clock.now();
  const year = input.year ?? businessYear(now);
  const members = (await loadMemberFacts(ctx.tx, { unitId: unit.id }, year)).filter((row) => row.memberType === 'in_service');
  const ruleSets = await ruleSetsForCommunities(ctx.tx, [...new Set(members.map((row) => row.communityId))], year);
  const ruleSetOf = (communityId: string) => ruleSets.get(communityId)?.ruleSet ?? PRESETS[DEFAULT_PRESET];
  const entries = complianceEntries(members, (row) => ruleSetOf(row.communityId), year, now);
  return { year, now, unit, entries, ruleSets, ruleSetOf, currentQuarter: currentQuarterOf(year, now) };
}

/**
 * 党员服务情况 for the unit (004 §三.3: 年底将党员服务情况反馈给所在单位): its in-service members in whichever
 * communities they serve, each under the rule set of their community.
 */
export async function unitStanding(ctx: ActionContext, input: ListOptions & { unitId?: string; year?: number }) {
  const { year, now, unit, entries, ruleSetOf, currentQuarter } = await unitCompliance(ctx, input);
  const communities = communitiesOf(entries);
  return {
    year,
    closed: year < businessYear(now),
    currentQuarter,
    unit: { id: unit.id, name: unit.name },
    counts: countsOf(entries, currentQuarter),
    byCommunity: communities.map(([communityId, communityName]) => {
      const of = entries.filter(({ member }) => member.communityId === communityId);
      const count = (status: string) => of.filter(({ standing }) => standing.status === status).length;
      return { communityId, communityName, ruleSet: ruleSetOf(communityId).name, members: of.length, met: count('met'), behind: count('behind'), exempt: count('exempt') };
    }),
    ...pageOf(entries, { ...input, currentQuarter }),
  };
}
