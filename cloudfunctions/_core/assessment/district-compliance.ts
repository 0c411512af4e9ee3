import type * as z from 'zod';
import { districtsOf, assertInDistricts } from '../org/district-scope';
import { orgRepository } from '../org/org.repository';
import type { ActionContext } from '../runtime';
import { businessYear } from '../shared/business-time';
import { complianceEntries } from './compliance-rows';
import { loadMemberFacts } from './member-facts.repository';
import type { DistrictComplianceView } from './organisation-rates.schemas';
import { ruleSetsForCommunities } from './rule-set.repository';
import { PRESETS } from './presets';

type View = z.output<typeof DistrictComplianceView>;

/** The district's communities by street, and the members now serving in them (left members are not assessed). */
const rosterOf = (ctx: ActionContext, districtId: string) =>
  ctx.tx.query<{ community_id: string; community_name: string; street_id: string; street_name: string; member_ids: string[] }>(
    `select c.id as community_id, c.name as community_name, street.id as street_id, street.name as street_name,
            coalesce(array_agg(m.user_id) filter (where m.user_id is not null), '{}') as member_ids
       from organisations c
       join organisations street on street.id = c.parent_id
       left join (members m join users u on u.id = m.user_id and u.left_at is null) on m.community_id = c.id
      where street.parent_id = $1 and c.kind = 'community' and c.archived_at is null
      group by c.id, c.name, street.id, street.name
      order by street.name, c.name`,
    [districtId],
  );

/**
 * Per community of the district, how many members are 达标 / 未达标 / 免除 / 不考核 in the year: the community
 * compliance list's own classification (complianceEntries, statusOf) of every member, read in one go.
 */
export async function districtCompliance(ctx: ActionContext, input: { year?: number; districtId?: string }): Promise<View> {
  const districts = districtsOf(ctx.caller);
  const districtId = input.districtId ?? districts[0];
  assertInDistricts(districts, districtId);
  const year = input.year ?? businessYear(ctx.clock.now());
  const communities = await rosterOf(ctx, districtId);
  const memberIds = communities.flatMap((community) => community.member_ids);
  const facts = memberIds.length > 0 ? await loadMemberFacts(ctx.tx, { memberIds }, year) : [];
  const ruleSets = await ruleSetsForCommunities(ctx.tx, communities.map((community) => community.community_id), year);
  const entries = complianceEntries(facts, (row) => ruleSets.get(row.communityId)?.ruleSet ?? PRESETS['taishan-2020'], year, ctx.clock.now());
  const counts = new Map(communities.map((community) => [community.community_id, { members: 0, met: 0, notMet: 0, exempt: 0, notAssessed: 0 }]));
  for (const { member, standing } of entries) {
    const count = counts.get(member.communityId);
    if (!count) continue;
    count.members += 1;
    if (standing.status === 'met') count.met += 1;
    else if (standing.status === 'behind') count.notMet += 1;
    else if (standing.status === 'exempt') count.exempt += 1;
    else count.notAssessed += 1;
  }
  const district = (await orgRepository.findOrganisations(ctx.tx, [districtId]))[0];
  const perCommunity = communities.map((community) => ({
    id: community.community_id, name: community.community_name, streetId: community.street_id, streetName: community.street_name,
    ...counts.get(community.community_id)!,
  }));
  const total = (key: 'members' | 'met' | 'notMet' | 'exempt' | 'notAssessed') => perCommunity.reduce((sum, community) => sum + community[key], 0);
  return {
    year,
    district: { id: district.id, name: district.name },
    totals: { members: total('members'), met: total('met'), notMet: total('notMet'), exempt: total('exempt'), notAssessed: total('notAssessed') },
    communities: perCommunity,
  };
}
