import type * as z from 'zod';
import { assertInDistricts } from '../org/district-scope';
import { orgRepository } from '../org/org.repository';
import { communityOf, grantsOf, requireCaller, ROLE_LABELS, type ActionContext, type Caller } from '../runtime';
import { businessYear } from '../shared/business-time';
import { commonErrors } from '../shared/domain-error';
import { evaluateOrganisationRates } from './evaluate-rates';
import { loadOrganisationRates, type OrganisationRatesScope } from './organisation-rates.repository';
import type { OrganisationRatesView } from './organisation-rates.schemas';
import { ruleSetForDistrict, ruleSetsForCommunities, type EffectiveRuleSet } from './rule-set.repository';
import { CONSEQUENCE_LABELS } from './rule-set.schema';

type View = z.output<typeof OrganisationRatesView>;

/**
 * What the caller may see: a district admin her district (the one asked, which must be hers); a secretary her
 * community; a unit admin its units. Asking for a district one does not administer is refused.
 */
async function scopeOf(ctx: ActionContext, caller: Caller, districtId: string | undefined): Promise<{ scope: OrganisationRatesScope; districtId: string | null }> {
  const districts = grantsOf(caller, 'district_admin').flatMap((grant) => (grant.orgId ? [grant.orgId] : []));
  if (districts.length > 0) {
    const chosen = districtId ?? districts[0];
    assertInDistricts(districts, chosen);
    return { scope: { districtId: chosen }, districtId: chosen };
  }
  if (districtId !== undefined) throw commonErrors.error('FORBIDDEN', `需要${ROLE_LABELS.district_admin}身份`);
  if (grantsOf(caller, 'secretary').length > 0) {
    const communityId = communityOf(caller, 'secretary');
    return { scope: { organisationIds: [communityId] }, districtId: null };
  }
  const units = grantsOf(caller, 'unit_admin').flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
  if (units.length > 0) return { scope: { organisationIds: units }, districtId: null };
  throw commonErrors.error('FORBIDDEN', '只有区管理员、社区书记和单位管理员可以查看组织考核比率');
}

const ruleSetRef = (effective: EffectiveRuleSet) => ({ name: effective.ruleSet.name, version: effective.version, origin: effective.origin });

/** Each organisation's 注册率, 参与率 and 满意率 against the thresholds of the rule set that holds for it that year. */
export async function organisationRates(ctx: ActionContext, input: { year?: number; districtId?: string }): Promise<View> {
  const caller = requireCaller(ctx.caller);
  const year = input.year ?? businessYear(ctx.clock.now());
  const { scope, districtId } = await scopeOf(ctx, caller, input.districtId);
  const rows = await loadOrganisationRates(ctx.tx, scope, year);
  const communityRuleSets = await ruleSetsForCommunities(ctx.tx, rows.filter((row) => row.kind === 'community').map((row) => row.organisationId), year);
  const districtRuleSets = new Map<string, EffectiveRuleSet>();
  for (const id of new Set(rows.filter((row) => row.kind === 'unit').map((row) => row.districtId))) {
    districtRuleSets.set(id, await ruleSetForDistrict(ctx.tx, id, year));
  }
  const organisations = rows.map((row) => {
    const effective = row.kind === 'community' ? communityRuleSets.get(row.organisationId)! : districtRuleSets.get(row.districtId)!;
    const outcome = evaluateOrganisationRates(effective.ruleSet, row.rates);
    const assessed = outcome.rates.filter((rate) => rate.status !== 'not_applicable');
    const status = assessed.length === 0 ? 'not_assessed' : assessed.every((rate) => rate.status === 'met') ? 'passing' : 'failing';
    return {
      id: row.organisationId,
      kind: row.kind,
      name: row.name,
      streetId: row.streetId,
      streetName: row.streetName,
      ruleSet: ruleSetRef(effective),
      status: status as View['organisations'][number]['status'],
      rates: outcome.rates.map(({ ruleId: _ruleId, consequences: _consequences, ...rate }) => rate),
      consequences: outcome.consequences.map((consequence) => CONSEQUENCE_LABELS[consequence]),
    };
  });
  const district = districtId ? (await orgRepository.findOrganisations(ctx.tx, [districtId]))[0] : undefined;
  const count = (status: string) => organisations.filter((organisation) => organisation.status === status).length;
  return {
    year,
    district: district ? { id: district.id, name: district.name } : null,
    summary: { organisations: organisations.length, passing: count('passing'), failing: count('failing'), notAssessed: count('not_assessed') },
    organisations,
  };
}
