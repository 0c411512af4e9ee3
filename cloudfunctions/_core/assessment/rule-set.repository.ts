import type { Executor } from '../db/database';
import { PRESETS, type PresetId } from './presets';
import { RuleSetSchema, type RuleSet } from './rule-set.schema';

/** The rule set the district admin has not chosen any year yet: 台山 2020. */
export const DEFAULT_PRESET: PresetId = 'taishan-2020';

/**
 * The rule set that holds for an assessment year. `origin`: chosen for that year, carried over from the latest earlier
 * year that had a choice, or the default preset. `streetId` is set when a street's own choice applies.
 */
export interface EffectiveRuleSet {
  ruleSet: RuleSet;
  origin: 'chosen' | 'earlier_year' | 'default';
  districtId: string;
  streetId: string | null;
  year: number;
  version: number | null;
  preset: string | null;
  /** The year the applying choice was made for (earlier than `year` when carried over), null for the default. */
  chosenForYear: number | null;
  chosenAt: Date | null;
  chosenById: string | null;
  chosenByName: string | null;
  reason: string | null;
}

export interface RuleSetVersionRow {
  id: string;
  district_id: string;
  street_id: string | null;
  year: number;
  version: number;
  preset: string | null;
  document: unknown;
  reason: string;
  chosen_by: string;
  chosen_by_name: string;
  chosen_at: Date;
}

const VERSION_COLUMNS = `r.id, r.district_id, r.street_id, r.year, r.version, r.preset, r.document, r.reason, r.chosen_by,
  u.name as chosen_by_name, r.chosen_at`;

function toEffective(row: RuleSetVersionRow | undefined, districtId: string, year: number): EffectiveRuleSet {
  if (!row) {
    return {
      ruleSet: PRESETS[DEFAULT_PRESET],
      origin: 'default',
      districtId,
      streetId: null,
      year,
      version: null,
      preset: DEFAULT_PRESET,
      chosenForYear: null,
      chosenAt: null,
      chosenById: null,
      chosenByName: null,
      reason: null,
    };
  }
  return {
    ruleSet: RuleSetSchema.parse(row.document),
    origin: row.year === year ? 'chosen' : 'earlier_year',
    districtId,
    streetId: row.street_id,
    year,
    version: row.version,
    preset: row.preset,
    chosenForYear: row.year,
    chosenAt: row.chosen_at,
    chosenById: row.chosen_by,
    chosenByName: row.chosen_by_name,
    reason: row.reason,
  };
}

/**
 * Whether the district let its streets choose, as the switch stood at the end of the year: for a closed year a later
 * change does not count; for the current year (whose end is still ahead) the switch as it stands.
 */
const streetsChooseAtYearEnd = (districtId: string, year: string) =>
  `coalesce((select h.streets_choose from street_choice_changes h
              where h.district_id = ${districtId} and h.changed_at < make_timestamptz(${year}::int + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
              order by h.changed_at desc, h.seq desc limit 1), false)`;

/** The district's own rule set for the year (a street's choice never applies to the district as a whole). */
export async function ruleSetForDistrict(tx: Executor, districtId: string, year: number): Promise<EffectiveRuleSet> {
  const rows = await tx.query<RuleSetVersionRow>(
    `select ${VERSION_COLUMNS}
       from assessment_rule_sets r join users u on u.id = r.chosen_by
      where r.district_id = $1 and r.street_id is null and r.year <= $2
      order by r.year desc, r.version desc
      limit 1`,
    [districtId, year],
  );
  return toEffective(rows[0], districtId, year);
}

/** The rule set that holds for a street's communities: its own choice while the district lets streets choose, else the district's. */
export async function ruleSetForStreet(tx: Executor, districtId: string, streetId: string, year: number): Promise<EffectiveRuleSet> {
  const rows = await tx.query<RuleSetVersionRow>(
    `select ${VERSION_COLUMNS}
       from assessment_rule_sets r join users u on u.id = r.chosen_by
      where r.district_id = $1 and r.year <= $3
        and (r.street_id is null or (r.street_id = $2 and ${streetsChooseAtYearEnd('$1', '$3')}))
      order by r.year desc, (r.street_id is not null) desc, r.version desc
      limit 1`,
    [districtId, streetId, year],
  );
  return toEffective(rows[0], districtId, year);
}

/**
 * The rule sets that hold for communities in a year, by community id. A street's choice applies to its communities
 * only while its district lets streets choose; then, of the latest year with any choice, the street's comes first.
 * An unknown community is left out of the map.
 */
export async function ruleSetsForCommunities(tx: Executor, communityIds: string[], year: number): Promise<Map<string, EffectiveRuleSet>> {
  if (communityIds.length === 0) return new Map();
  const rows = await tx.query<RuleSetVersionRow & { community_id: string; community_district_id: string }>(
    `with community as (
       select c.id as community_id, street.id as street_id, street.parent_id as district_id,
              ${streetsChooseAtYearEnd('street.parent_id', '$2')} as streets_choose
         from organisations c
         join organisations street on street.id = c.parent_id
        where c.id = any($1::uuid[]) and c.kind = 'community'
     )
     select community.community_id, community.district_id as community_district_id, chosen.*
       from community
       left join lateral (
         select ${VERSION_COLUMNS}
           from assessment_rule_sets r join users u on u.id = r.chosen_by
          where r.district_id = community.district_id and r.year <= $2
            and (r.street_id is null or (community.streets_choose and r.street_id = community.street_id))
          order by r.year desc, (r.street_id is not null) desc, r.version desc
          limit 1
       ) chosen on true`,
    [communityIds, year],
  );
  return new Map(
    rows.map((row) => [row.community_id, toEffective(row.id ? row : undefined, row.community_district_id, year)]),
  );
}

/** The rule set that holds for a community in a year; an unknown community gets its default with no district. */
export async function ruleSetForCommunity(tx: Executor, communityId: string, year: number): Promise<EffectiveRuleSet> {
  const found = (await ruleSetsForCommunities(tx, [communityId], year)).get(communityId);
  return found ?? toEffective(undefined, '', year);
}

export const ruleSetRepository = {
  /** Every version chosen for a district (or one of its streets) and a year, oldest first. */
  versions: (tx: Executor, districtId: string, streetId: string | null, year: number) =>
    tx.query<RuleSetVersionRow>(
      `select ${VERSION_COLUMNS}
         from assessment_rule_sets r join users u on u.id = r.chosen_by
        where r.district_id = $1 and r.street_id is not distinct from $2 and r.year = $3
        order by r.version`,
      [districtId, streetId, year],
    ),

  /** The exact choice (district or street, no fallback) for the year and earlier years, newest first. */
  latestOwn: async (tx: Executor, districtId: string, streetId: string | null, year: number) =>
    (await tx.query<RuleSetVersionRow>(
      `select ${VERSION_COLUMNS}
         from assessment_rule_sets r join users u on u.id = r.chosen_by
        where r.district_id = $1 and r.street_id is not distinct from $2 and r.year <= $3
        order by r.year desc, r.version desc
        limit 1`,
      [districtId, streetId, year],
    ))[0],

  /**
   * Writes the next version of the year's choice. Two admins saving at once cannot both write version n: the unique
   * index refuses the second, whose call is answered CONFLICT (刷新后重试) and writes nothing.
   */
  insertVersion: async (
    tx: Executor,
    row: { id: string; districtId: string; streetId: string | null; year: number; preset: string | null; document: RuleSet; reason: string; chosenBy: string; chosenAt: Date },
  ) =>
    (await tx.query<{ version: number }>(
      `insert into assessment_rule_sets (id, district_id, street_id, year, version, preset, document, reason, chosen_by, chosen_at)
       select $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, jsonb_set($6::jsonb, '{version}', to_jsonb(coalesce(max(version), 0) + 1)), $7, $8, $9
         from assessment_rule_sets
        where district_id = $2 and street_id is not distinct from $3 and year = $4
       returning version`,
      [row.id, row.districtId, row.streetId, row.year, row.preset, JSON.stringify(row.document), row.reason, row.chosenBy, row.chosenAt],
    ))[0].version,

  streetsChoose: async (tx: Executor, districtId: string) =>
    (await tx.query<{ streets_choose_rule_sets: boolean }>('select streets_choose_rule_sets from district_settings where district_id = $1', [districtId]))[0]
      ?.streets_choose_rule_sets ?? false,
};
