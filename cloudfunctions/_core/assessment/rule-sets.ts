import type * as z from 'zod';
import type { Executor } from '../db/database';
import { districtsOf, homeDistrictOf, organisationsInScope } from '../org/district-scope';
import { orgRepository } from '../org/org.repository';
import type { ActionContext } from '../runtime/action';
import { grantsOf, requireCaller, type Caller } from '../runtime';
import { businessYear } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { assessmentErrors } from './assessment.errors';
import { PRESETS, type PresetId } from './presets';
import { diffRuleSets, sameRuleSet } from './rule-set-diff';
import { RuleSetSchema, type RuleSet } from './rule-set.schema';
import {
  ruleSetForCommunity,
  ruleSetForDistrict,
  ruleSetForStreet,
  ruleSetRepository,
  type EffectiveRuleSet,
} from './rule-set.repository';
import type { ChooseRuleSetInput, RuleSetHistoryView, RuleSetQuery, RuleSetView } from './rule-sets.schemas';

type Scope = z.output<typeof RuleSetView>['scope'];

/** A year before the current Beijing year is closed: its standing is final and nothing it was judged by may change. */
export const isClosedYear = (ctx: ActionContext, year: number) => year < businessYear(ctx.clock.now());

export function assertOpenYear(ctx: ActionContext, year: number) {
  if (isClosedYear(ctx, year)) throw assessmentErrors.error('ASSESSMENT_YEAR_CLOSED', `${year}年`, { year: `${year}年度已结束，不能再更改` });
}

async function districtScope(tx: Executor, districtId: string): Promise<Scope> {
  const [row] = await tx.query<{ name: string }>('select name from organisations where id = $1', [districtId]);
  return { kind: 'district', id: districtId, name: row?.name ?? '' };
}

async function view(ctx: ActionContext, effective: EffectiveRuleSet, scope: Scope): Promise<z.input<typeof RuleSetView>> {
  return {
    year: effective.year,
    closed: isClosedYear(ctx, effective.year),
    origin: effective.origin,
    scope,
    districtId: effective.districtId,
    streetId: effective.streetId,
    streetsChooseRuleSets: await ruleSetRepository.streetsChoose(ctx.tx, effective.districtId),
    version: effective.version,
    preset: effective.preset,
    chosenForYear: effective.chosenForYear,
    chosenAt: effective.chosenAt?.toISOString() ?? null,
    chosenBy: effective.chosenByName,
    reason: effective.reason,
    document: effective.ruleSet,
  };
}

/** The community a secretary, member or resident belongs to, in that order. */
function ownCommunityOf(caller: Caller): string | null {
  for (const role of ['secretary', 'member', 'resident'] as const) {
    const grant = grantsOf(caller, role).find((candidate) => candidate.orgId);
    if (grant) return grant.orgId;
  }
  return null;
}

/**
 * The rule set that holds: a district admin reads her district's, or one of its streets' or communities'; a
 * secretary, member or resident their community's; a unit admin its district's. Another's is refused.
 */
export async function readRuleSet(ctx: ActionContext, input: z.output<typeof RuleSetQuery>) {
  const caller = requireCaller(ctx.caller);
  const year = input.year ?? businessYear(ctx.clock.now());
  if (grantsOf(caller, 'district_admin').length > 0) {
    if (input.communityId) {
      const [community] = await organisationsInScope(ctx.tx, caller, [{ id: input.communityId, field: 'communityId' }], { kind: 'community' });
      return view(ctx, await ruleSetForCommunity(ctx.tx, community.id, year), { kind: 'community', id: community.id, name: community.name });
    }
    if (input.streetId) {
      const [street] = await organisationsInScope(ctx.tx, caller, [{ id: input.streetId, field: 'streetId' }], { kind: 'street' });
      return view(ctx, await ruleSetForStreet(ctx.tx, street.district_id!, street.id, year), { kind: 'street', id: street.id, name: street.name });
    }
    const districtId = homeDistrictOf(caller);
    return view(ctx, await ruleSetForDistrict(ctx.tx, districtId, year), await districtScope(ctx.tx, districtId));
  }
  if (input.streetId) throw commonErrors.error('FORBIDDEN', '只能查看本社区的考核规则');
  const communityId = ownCommunityOf(caller);
  if (communityId) {
    if (input.communityId && input.communityId !== communityId) throw commonErrors.error('FORBIDDEN', '只能查看本社区的考核规则');
    const [community] = await orgRepository.findOrganisations(ctx.tx, [communityId]);
    return view(ctx, await ruleSetForCommunity(ctx.tx, communityId, year), { kind: 'community', id: communityId, name: community?.name ?? '' });
  }
  const unitId = grantsOf(caller, 'unit_admin').find((grant) => grant.unitId)?.unitId;
  if (unitId && !input.communityId) {
    const unit = await orgRepository.findUnit(ctx.tx, unitId);
    if (unit) return view(ctx, await ruleSetForDistrict(ctx.tx, unit.district_id, year), await districtScope(ctx.tx, unit.district_id));
  }
  throw commonErrors.error('FORBIDDEN', '只能查看本社区或本区的考核规则');
}

/** The district and street (null for the district's own) a district admin chooses for; a street only while streets may choose. */
async function choosingFor(ctx: ActionContext, streetId: string | undefined): Promise<{ districtId: string; street: { id: string; name: string } | null }> {
  if (!streetId) return { districtId: homeDistrictOf(ctx.caller), street: null };
  const [street] = await organisationsInScope(ctx.tx, ctx.caller, [{ id: streetId, field: 'streetId' }], { kind: 'street' });
  if (!(await ruleSetRepository.streetsChoose(ctx.tx, street.district_id!))) {
    throw assessmentErrors.error('ASSESSMENT_STREETS_CANNOT_CHOOSE', undefined, { streetId: '本区未允许街道自选考核规则，请先在考核规则页开启' });
  }
  return { districtId: street.district_id!, street: { id: street.id, name: street.name } };
}

/**
 * A district admin chooses the year's rule set (for the district, or on a street's behalf while streets may choose):
 * a preset as it stands or the edited document, with a reason. Each choice is a new version; nothing is overwritten.
 */
export async function chooseRuleSet(ctx: ActionContext, input: z.output<typeof ChooseRuleSetInput>) {
  districtsOf(ctx.caller);
  const { districtId, street } = await choosingFor(ctx, input.streetId);
  assertOpenYear(ctx, input.year);
  const document: RuleSet = input.document ?? PRESETS[input.preset as PresetId];
  const current = await ruleSetRepository.latestOwn(ctx.tx, districtId, street?.id ?? null, input.year);
  if (current && current.year === input.year && sameRuleSet(RuleSetSchema.parse(current.document), document)) {
    throw assessmentErrors.error('ASSESSMENT_RULE_SET_UNCHANGED', `当前为第${current.version}版`);
  }
  await ruleSetRepository.insertVersion(ctx.tx, {
    id: ctx.newId(),
    districtId,
    streetId: street?.id ?? null,
    year: input.year,
    preset: input.preset ?? null,
    document,
    reason: input.reason,
    chosenBy: ctx.caller!.userId,
    chosenAt: ctx.clock.now(),
  });
  const effective = street ? await ruleSetForStreet(ctx.tx, districtId, street.id, input.year) : await ruleSetForDistrict(ctx.tx, districtId, input.year);
  return view(ctx, effective, street ? { kind: 'street', ...street } : await districtScope(ctx.tx, districtId));
}

/** Every version of a year's choice with who, when, why and what changed from the one before. */
export async function ruleSetHistory(ctx: ActionContext, input: { year: number; streetId?: string }): Promise<z.input<typeof RuleSetHistoryView>> {
  let districtId = homeDistrictOf(ctx.caller);
  if (input.streetId) {
    const [street] = await organisationsInScope(ctx.tx, ctx.caller, [{ id: input.streetId, field: 'streetId' }], { kind: 'street' });
    districtId = street.district_id!;
  }
  const rows = await ruleSetRepository.versions(ctx.tx, districtId, input.streetId ?? null, input.year);
  let before: RuleSet | null = null;
  const versions = rows.map((row) => {
    const document = RuleSetSchema.parse(row.document);
    const changes = diffRuleSets(before, document, row.preset);
    before = document;
    return { version: row.version, name: document.name, preset: row.preset, chosenAt: row.chosen_at.toISOString(), chosenBy: row.chosen_by_name, reason: row.reason, changes };
  });
  return { year: input.year, streetId: input.streetId ?? null, versions: versions.reverse() };
}

/** The district admin lets streets choose their own rule sets (or takes it back: the district's then holds everywhere). */
export async function setStreetChoice(ctx: ActionContext, input: { streetsChooseRuleSets: boolean }) {
  const districtId = homeDistrictOf(ctx.caller);
  await ctx.tx.query(
    `insert into district_settings (district_id, streets_choose_rule_sets, updated_by, updated_at) values ($1, $2, $3, $4)
     on conflict (district_id) do update set streets_choose_rule_sets = excluded.streets_choose_rule_sets, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [districtId, input.streetsChooseRuleSets, ctx.caller!.userId, ctx.clock.now()],
  );
  await ctx.tx.query('insert into street_choice_changes (district_id, streets_choose, changed_by, changed_at) values ($1, $2, $3, $4)', [
    districtId,
    input.streetsChooseRuleSets,
    ctx.caller!.userId,
    ctx.clock.now(),
  ]);
  return { streetsChooseRuleSets: input.streetsChooseRuleSets };
}
