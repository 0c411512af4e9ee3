import type { Executor } from '../../db/database';
import { DEFAULT_RULES } from './presets';
import { IncentiveRulesDocumentSchema, type IncentiveRules, type IncentiveRulesDocument } from './rules.schemas';

type VersionRow = { version: number; document: unknown; note: string; saved_by: string; saved_by_name: string | null; saved_at: Date };

const SELECT_VERSIONS = `
  select v.version, v.document, v.note, v.saved_by, u.name as saved_by_name, v.saved_at
    from incentive_rule_versions v left join users u on u.id = v.saved_by
   where v.district_id = $1`;

/** Rows whose JSON the database does not check are parsed on the way out; a saved section missing a newer field gets its default. */
const parseDocument = (document: unknown): IncentiveRulesDocument => IncentiveRulesDocumentSchema.parse(document);

export const rulesRepository = {
  /** Saves of one district's rules queue here, so the second sees the first's version and is told it is stale. */
  lockDistrict: (tx: Executor, districtId: string) => tx.query(`select 1 from organisations where id = $1 and kind = 'district' for update`, [districtId]),

  latest: async (tx: Executor, districtId: string) =>
    (await tx.query<VersionRow>(`${SELECT_VERSIONS} order by v.version desc limit 1`, [districtId]))[0] ?? null,

  history: (tx: Executor, districtId: string, limit: number) =>
    tx.query<VersionRow>(`${SELECT_VERSIONS} order by v.version desc limit $2`, [districtId, limit]),

  /** Appends the next version; two saves at once cannot both take it (the primary key refuses the second). */
  append: async (tx: Executor, districtId: string, document: IncentiveRulesDocument, note: string, savedBy: string, at: Date) =>
    (
      await tx.query<{ version: number }>(
        `insert into incentive_rule_versions (district_id, version, document, note, saved_by, saved_at)
         select $1, coalesce(max(version), 0) + 1, $2::jsonb, $3, $4, $5 from incentive_rule_versions where district_id = $1
         returning version`,
        [districtId, JSON.stringify(document), note, savedBy, at],
      )
    )[0].version,

  districtName: async (tx: Executor, districtId: string) =>
    (await tx.query<{ name: string }>(`select name from organisations where id = $1 and kind = 'district'`, [districtId]))[0]?.name ?? null,

  districtsOfUnits: async (tx: Executor, unitIds: string[]) =>
    (await tx.query<{ district_id: string }>('select distinct district_id from units where id = any($1::uuid[])', [unitIds])).map((row) => row.district_id),

  districtOfCommunity: async (tx: Executor, communityId: string) =>
    (
      await tx.query<{ id: string }>(
        `with recursive up as (
           select o.id, o.parent_id, o.kind from organisations o where o.id = $1
           union all
           select p.id, p.parent_id, p.kind from organisations p join up on p.id = up.parent_id
         )
         select id from up where kind = 'district'`,
        [communityId],
      )
    )[0]?.id ?? null,
};

export const toRules = (districtId: string, row: VersionRow | null): IncentiveRules =>
  row ? { districtId, version: row.version, ...parseDocument(row.document) } : { districtId, version: 0, ...structuredClone(DEFAULT_RULES) };

export { parseDocument };

/** The rules a district follows now: its latest saved version, or the default presets (version 0). */
export async function incentiveRulesOf(tx: Executor, districtId: string): Promise<IncentiveRules> {
  return toRules(districtId, await rulesRepository.latest(tx, districtId));
}

/** The rules of the district a community belongs to. */
export async function incentiveRulesOfCommunity(tx: Executor, communityId: string): Promise<IncentiveRules> {
  const districtId = await rulesRepository.districtOfCommunity(tx, communityId);
  if (!districtId) throw new Error(`community ${communityId} belongs to no district`);
  return incentiveRulesOf(tx, districtId);
}
