import { MEMBER_POSTS, SERVICE_CATALOGUE } from '../catalogue/service-catalogue';
import type { ActionContext } from '../runtime/action';
import { maskPhone } from '../shared/masking';
import { EDUCATION_LEVELS, MEMBER_TYPES, MEMBER_TYPE_LABELS } from './registration-form';
import { registrationErrors } from './registration.errors';
import { registrationRepository } from './registration.repository';
import { compareOrgNames } from '../shared/org-names';

interface OrgRow {
  id: string;
  kind: 'district' | 'street' | 'community' | 'grid';
  parent_id: string | null;
  name: string;
}

/** What the registration form offers: the organisation tree, units, catalogue, posts; with a code, the 报到单 too. */
export async function loadOptions(ctx: ActionContext, input: { slipCode?: string }) {
  const slipRow = input.slipCode ? await registrationRepository.findSlipByCode(ctx.tx, input.slipCode) : undefined;
  if (input.slipCode && !slipRow) throw registrationErrors.error('REG_SLIP_NOT_FOUND', undefined, { slipCode: '找不到该报到单，请核对报到码' });

  const orgs = await ctx.tx.query<OrgRow>(
    `select id, kind, parent_id, name from organisations where archived_at is null order by kind, name`,
  );
  const units = await ctx.tx.query<{ id: string; district_id: string; name: string; kind: string; paired: string[] }>(
    `select u.id, u.district_id, u.name, u.kind,
            coalesce(array_agg(p.community_id) filter (where p.community_id is not null), '{}') as paired
       from units u left join unit_community_pairings p on p.unit_id = u.id group by u.id order by u.name`,
  );
  const settings = await ctx.tx.query<{ district_id: string; collect_id_numbers: boolean }>(
    'select district_id, collect_id_numbers from district_settings',
  );
  const childrenOf = (parentId: string, kind: OrgRow['kind']) => orgs.filter((org) => org.parent_id === parentId && org.kind === kind).sort(compareOrgNames);
  const districts = orgs
    .filter((org) => org.kind === 'district' && (!slipRow || org.id === slipRow.district_id))
    .map((district) => ({
      id: district.id,
      name: district.name,
      collectIdNumbers: settings.find((row) => row.district_id === district.id)?.collect_id_numbers ?? false,
      streets: childrenOf(district.id, 'street').map((street) => ({
        id: street.id,
        name: street.name,
        communities: childrenOf(street.id, 'community').map((community) => ({
          id: community.id,
          name: community.name,
          grids: childrenOf(community.id, 'grid').map((grid) => ({ id: grid.id, name: grid.name })),
        })),
      })),
      units: units
        .filter((unit) => unit.district_id === district.id)
        .map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, pairedCommunityIds: unit.paired })),
    }));

  const member = ctx.caller ? await registrationRepository.findMember(ctx.tx, ctx.caller.userId) : undefined;

  return {
    districts,
    memberCommunityId: member?.community_id ?? null,
    catalogue: Object.entries(SERVICE_CATALOGUE).map(([category, subItems]) => ({ category, subItems: [...subItems] })),
    posts: [...MEMBER_POSTS],
    memberTypes: MEMBER_TYPES.map((value) => ({ value, label: MEMBER_TYPE_LABELS[value] })),
    educationLevels: [...EDUCATION_LEVELS],
    slip: slipRow
      ? {
          code: slipRow.code,
          unitId: slipRow.unit_id,
          unitName: slipRow.unit_name,
          districtId: slipRow.district_id,
          communityId: slipRow.community_id,
          communityName: slipRow.community_name,
          memberName: slipRow.member_name,
          memberPhoneMasked: maskPhone(slipRow.member_phone),
          partyStanding: slipRow.party_standing,
          reportBy: slipRow.report_by,
          usable: !slipRow.cancelled_at && slipRow.reg_status !== 'pending' && slipRow.reg_status !== 'confirmed',
        }
      : null,
  };
}
