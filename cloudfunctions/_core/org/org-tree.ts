import { inServiceCountsOf } from '../reports/in-service-members';
import type { ActionContext } from '../runtime/action';
import { maskPhone } from '../shared/masking';
import { compareOrgNames } from '../shared/org-names';
import { homeDistrictOf } from './district-scope';
import { orgRepository } from './org.repository';
import type { TreeView } from './org.schemas';

const person = (row: { id: string; user_id: string; name: string; phone: string | null }) => ({
  grantId: row.id, userId: row.user_id, name: row.name, phone: maskPhone(row.phone ?? ''),
});

/** The district's streets, communities and grids with their people, and its units with pairings and admins. */
export async function loadTree(ctx: ActionContext): Promise<TreeView> {
  const districtId = homeDistrictOf(ctx.caller);
  const orgs = await orgRepository.activeTree(ctx.tx, districtId);
  const communities = orgs.filter((org) => org.kind === 'community');
  const communityIds = communities.map((community) => community.id);
  const counts = await orgRepository.peopleCounts(ctx.tx, communityIds);
  const sum = (rows: { n: string }[]) => rows.reduce((total, row) => total + Number(row.n), 0);
  const tally = (where: (row: { community_id: string; grid_id: string | null }) => boolean) => ({
    members: sum(counts.members.filter(where)),
    residents: sum(counts.residents.filter(where)),
  });
  const secretaries = await orgRepository.grantsWithUsers(ctx.tx, { role: 'secretary', orgIds: communityIds });
  const units = await orgRepository.unitsOfDistrict(ctx.tx, districtId);
  const unitIds = units.map((unit) => unit.id);
  const pairings = await orgRepository.pairingsOfUnits(ctx.tx, unitIds);
  const admins = await orgRepository.grantsWithUsers(ctx.tx, { role: 'unit_admin', unitIds });
  const inService = await inServiceCountsOf(ctx.tx, unitIds);

  const communityView = (community: (typeof orgs)[number]) => ({
    id: community.id,
    name: community.name,
    ...tally((row) => row.community_id === community.id),
    secretaries: secretaries.filter((grant) => grant.org_id === community.id).map(person),
    grids: orgs
      .filter((grid) => grid.parent_id === community.id)
      .sort(compareOrgNames)
      .map((grid) => ({ id: grid.id, name: grid.name, ...tally((row) => row.grid_id === grid.id) })),
  });
  const streets = orgs
    .filter((org) => org.kind === 'street')
    .sort(compareOrgNames)
    .map((street) => {
      const children = communities.filter((community) => community.parent_id === street.id).sort(compareOrgNames).map(communityView);
      return {
        id: street.id,
        name: street.name,
        members: children.reduce((total, child) => total + child.members, 0),
        residents: children.reduce((total, child) => total + child.residents, 0),
        communities: children,
      };
    });
  const district = orgs.find((org) => org.id === districtId)!;
  return {
    district: { id: district.id, name: district.name, ...tally(() => true) },
    streets,
    units: units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      ...inService.get(unit.id)!,
      pairings: pairings
        .filter((pairing) => pairing.unit_id === unit.id)
        .map((pairing) => ({ communityId: pairing.community_id, communityName: pairing.community_name, pairedOn: pairing.paired_on })),
      admins: admins.filter((grant) => grant.unit_id === unit.id).map(person),
    })),
  };
}
