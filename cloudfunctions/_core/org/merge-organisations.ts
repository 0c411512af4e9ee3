import type { Executor } from '../db/database';
import type { ActionContext } from '../runtime/action';
import { formatBusinessTime } from '../shared/business-time';
import { districtsOf, organisationsInScope } from './district-scope';
import { orgMergeRepository as moves } from './org-merge.repository';
import { orgErrors } from './org.errors';
import { orgRepository, type OrganisationRow } from './org.repository';
import type { MergeView } from './org.schemas';
import { organisationView } from './organisations';

type Moved = MergeView['moved'];
const NOTHING_MOVED: Moved = {
  members: 0, residents: 0, grids: 0, communities: 0, secretaries: 0, demands: 0, orders: 0, records: 0, pairings: 0, registrations: 0, reportSlips: 0,
};

const MAX_NAME = 60;

/** Children of `from` go under `into`; a name `into` already has gets the old parent's name added, so both stay told apart. */
async function reparentChildren(tx: Executor, from: OrganisationRow, intoId: string) {
  const children = await moves.childrenOf(tx, from.id);
  for (const child of children) {
    let name = child.name;
    for (let attempt = 1; await orgRepository.nameTakenUnder(tx, intoId, name, child.id); attempt++) {
      const suffix = `（原${from.name}${attempt > 1 ? attempt : ''}）`;
      name = `${child.name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    }
    await moves.reparent(tx, child.id, intoId, name);
  }
  return children.filter((child) => !child.archived_at).length;
}

async function mergeCommunity(ctx: ActionContext, from: OrganisationRow, into: OrganisationRow, actorId: string, at: Date): Promise<Moved> {
  const { tx } = ctx;
  const grids = await reparentChildren(tx, from, into.id);
  await moves.continueHistory(tx, from.id, into.id, at);
  return {
    ...NOTHING_MOVED,
    grids,
    members: await moves.moveMembers(tx, from.id, into.id),
    residents: await moves.moveResidents(tx, from.id, into.id),
    secretaries: await moves.moveCommunityGrants(tx, from.id, into.id),
    demands: await moves.moveDemands(tx, from.id, into.id),
    orders: await moves.moveOrders(tx, from.id, into.id),
    records: await moves.moveRecords(tx, {
      fromId: from.id, fromName: from.name, intoId: into.id, intoName: into.name, actorId, at,
      reason: `${formatBusinessTime(at)} ${from.name}并入${into.name}，由${into.name}接续出具记录`,
    }),
    pairings: await moves.movePairings(tx, from.id, into.id),
    registrations: await moves.movePendingRegistrations(tx, from.id, into.id),
    reportSlips: await moves.moveOpenReportSlips(tx, from.id, into.id),
  };
}

async function mergeGrid(tx: Executor, from: OrganisationRow, into: OrganisationRow): Promise<Moved> {
  const moved = await moves.moveGrid(tx, from.id, into.id);
  return { ...NOTHING_MOVED, members: moved.members, residents: moved.residents, registrations: moved.registrations };
}

async function mergeStreet(tx: Executor, from: OrganisationRow, into: OrganisationRow): Promise<Moved> {
  const communityIds = (await moves.childrenOf(tx, from.id)).filter((child) => !child.archived_at).map((child) => child.id);
  const people = await moves.peopleIn(tx, communityIds);
  const communities = await reparentChildren(tx, from, into.id);
  return { ...NOTHING_MOVED, communities, members: people.members, residents: people.residents };
}

/**
 * Merges a grid, community or street into another of the same kind: everything current moves,
 * history stays readable, and the merged one is archived (never deleted).
 */
export async function mergeOrganisations(ctx: ActionContext, input: { fromId: string; intoId: string }): Promise<MergeView> {
  if (input.fromId === input.intoId) throw orgErrors.error('ORG_MERGE_INTO_ITSELF', undefined, { intoId: '不能合并到它自己' });
  districtsOf(ctx.caller);
  await orgRepository.lockOrganisations(ctx.tx, [input.fromId, input.intoId]);
  const [from, into] = await organisationsInScope(ctx.tx, ctx.caller, [
    { id: input.fromId, field: 'fromId' },
    { id: input.intoId, field: 'intoId' },
  ]);
  if (from.kind === 'district') throw orgErrors.error('ORG_MERGE_DISTRICT', undefined, { fromId: '区一级组织不能合并' });
  if (from.kind !== into.kind) throw orgErrors.error('ORG_MERGE_KIND_MISMATCH', undefined, { intoId: '须选择同一级别的组织' });
  const sameParent = from.parent_id === into.parent_id;
  if (from.district_id !== into.district_id || (from.kind === 'grid' && !sameParent)) {
    throw orgErrors.error('ORG_MERGE_ACROSS_PARENT', undefined, { intoId: from.kind === 'grid' ? '须选择同一社区的网格' : '须选择本区的组织' });
  }
  const at = ctx.clock.now();
  const actorId = ctx.caller!.userId;
  const moved =
    from.kind === 'grid' ? await mergeGrid(ctx.tx, from, into)
    : from.kind === 'community' ? await mergeCommunity(ctx, from, into, actorId, at)
    : await mergeStreet(ctx.tx, from, into);
  await moves.archive(ctx.tx, from.id, into.id, at);
  return { from: organisationView(from), into: organisationView(into), moved };
}
