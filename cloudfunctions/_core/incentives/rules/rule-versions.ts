import type * as z from 'zod';
import type { Executor } from '../../db/database';
import { grantsOf, requireCaller, type Caller } from '../../runtime';
import type { ActionContext } from '../../runtime/action';
import { commonErrors } from '../../shared/domain-error';
import { DEFAULT_RULES, PRESETS, presetName } from './presets';
import { describeChanges, describeRules } from './rule-texts';
import { rulesErrors } from './rules.errors';
import { parseDocument, rulesRepository, toRules } from './rules.repository';
import type { IncentiveRulesDocument } from './rules.schemas';
import type { RuleHistoryQuery, RuleHistoryViewData, RulesQuery, RulesViewData, SaveRulesInput } from './rules-views.schemas';

const NOT_YOURS = '只能查看或修改本区的激励规则';
const READER_ROLES = ['secretary', 'member', 'resident'] as const;

/** The districts whose rules the caller may read: those they administer, or the district of their community or unit. */
async function readableDistricts(tx: Executor, caller: Caller): Promise<string[]> {
  const administered = grantsOf(caller, 'district_admin').flatMap((grant) => (grant.orgId ? [grant.orgId] : []));
  const communities = READER_ROLES.flatMap((role) => grantsOf(caller, role).flatMap((grant) => (grant.orgId ? [grant.orgId] : [])));
  const units = grantsOf(caller, 'unit_admin').flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
  const found = [...administered];
  for (const community of communities) found.push((await rulesRepository.districtOfCommunity(tx, community)) ?? '');
  if (units.length > 0) found.push(...(await rulesRepository.districtsOfUnits(tx, units)));
  return [...new Set(found.filter(Boolean))];
}

function pick(districts: string[], asked: string | undefined): string {
  if (districts.length === 0 || (asked !== undefined && !districts.includes(asked))) throw commonErrors.error('FORBIDDEN', NOT_YOURS);
  return asked ?? districts[0];
}

/** Only a district admin of that district saves its rules or reads who saved them. */
function administeredDistrict(caller: Caller | null, asked: string | undefined): string {
  const districts = grantsOf(requireCaller(caller), 'district_admin').flatMap((grant) => (grant.orgId ? [grant.orgId] : []));
  if (districts.length === 0) throw commonErrors.error('FORBIDDEN', '需要区（街道）党（工）委管理员身份');
  return pick(districts, asked);
}

async function view(tx: Executor, districtId: string): Promise<RulesViewData> {
  const row = await rulesRepository.latest(tx, districtId);
  const rules = toRules(districtId, row);
  const { districtId: _id, version, ...document } = rules;
  return {
    ...document,
    districtId,
    districtName: (await rulesRepository.districtName(tx, districtId)) ?? '',
    version,
    savedAt: row ? row.saved_at.toISOString() : null,
    savedByName: row?.saved_by_name ?? null,
    note: row?.note ?? '',
    presetNames: {
      points: presetName('points', document.points.preset),
      stars: presetName('stars', document.stars.preset),
      bank: presetName('bank', document.bank.preset),
      shop: presetName('shop', document.shop.preset),
    },
    texts: describeRules(document),
  };
}

export async function readIncentiveRules({ tx, caller }: ActionContext, input: z.output<typeof RulesQuery>) {
  return view(tx, pick(await readableDistricts(tx, requireCaller(caller)), input.districtId));
}

export const listPresets = async () => PRESETS;

/**
 * Saves the district's rules as a new version (the old ones kept); refused when nothing changed or when someone
 * saved since the version the admin edited. Applies to what is settled after it; posted transactions stay as they are.
 */
export async function saveIncentiveRules(ctx: ActionContext, input: z.output<typeof SaveRulesInput>) {
  const districtId = administeredDistrict(ctx.caller, input.districtId);
  await rulesRepository.lockDistrict(ctx.tx, districtId);
  const current = toRules(districtId, await rulesRepository.latest(ctx.tx, districtId));
  if (current.version !== input.expectedVersion) {
    throw rulesErrors.error('INCENTIVE_RULES_STALE', `当前为第${current.version}版`, { expectedVersion: '规则已被他人修改，请刷新后再改' });
  }
  const document: IncentiveRulesDocument = { points: input.points, stars: input.stars, bank: input.bank, shop: input.shop };
  const { districtId: _id, version: _version, ...before } = current;
  if (describeChanges(before, document).length === 0 && JSON.stringify(before) === JSON.stringify(document)) {
    throw rulesErrors.error('INCENTIVE_RULES_UNCHANGED');
  }
  await rulesRepository.append(ctx.tx, districtId, document, input.note, ctx.caller!.userId, ctx.clock.now());
  return view(ctx.tx, districtId);
}

export async function incentiveRuleHistory({ tx, caller }: ActionContext, input: z.output<typeof RuleHistoryQuery>): Promise<RuleHistoryViewData> {
  const districtId = administeredDistrict(caller, input.districtId);
  const rows = await rulesRepository.history(tx, districtId, input.limit + 1);
  const documents = rows.map((row) => parseDocument(row.document));
  return {
    versions: rows.slice(0, input.limit).map((row, index) => ({
      version: row.version,
      savedAt: row.saved_at.toISOString(),
      savedByName: row.saved_by_name,
      note: row.note,
      changes: describeChanges(row.version === 1 ? DEFAULT_RULES : (documents[index + 1] ?? DEFAULT_RULES), documents[index]),
    })),
  };
}
