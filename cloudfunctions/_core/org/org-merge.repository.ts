import type { Executor } from '../db/database';

const rowCount = async (tx: Executor, sql: string, params: unknown[]) => (await tx.query(`with moved as (${sql} returning 1) select count(*)::int as n from moved`, params))[0].n as number;

/** The moves of a merge, each `from` → `into`; every one answers how many rows it moved. */
export const orgMergeRepository = {
  childrenOf: (tx: Executor, parentId: string) =>
    tx.query<{ id: string; name: string; archived_at: Date | null }>('select id, name, archived_at from organisations where parent_id = $1 order by created_at', [parentId]),

  reparent: (tx: Executor, id: string, parentId: string, name: string) =>
    tx.query('update organisations set parent_id = $2, name = $3 where id = $1', [id, parentId, name]),

  archive: (tx: Executor, fromId: string, intoId: string, at: Date) =>
    tx.query('update organisations set merged_into = $2, archived_at = $3 where id = $1', [fromId, intoId, at]),

  peopleIn: async (tx: Executor, communityIds: string[]) => {
    const [row] = await tx.query<{ members: number; residents: number }>(
      `select (select count(*)::int from members where community_id = any($1::uuid[])) as members,
              (select count(*)::int from residents where community_id = any($1::uuid[])) as residents`,
      [communityIds],
    );
    return row;
  },

  moveGrid: async (tx: Executor, fromId: string, intoId: string) => ({
    members: await rowCount(tx, 'update members set grid_id = $2 where grid_id = $1', [fromId, intoId]),
    residents: await rowCount(tx, 'update residents set grid_id = $2 where grid_id = $1', [fromId, intoId]),
    registrations: await rowCount(tx, `update registrations set grid_id = $2 where grid_id = $1 and status = 'pending'`, [fromId, intoId]),
    history: await rowCount(tx, 'update member_community_history set grid_id = $2 where grid_id = $1 and left_at is null', [fromId, intoId]),
  }),

  moveMembers: (tx: Executor, fromId: string, intoId: string) => rowCount(tx, 'update members set community_id = $2 where community_id = $1', [fromId, intoId]),

  moveResidents: (tx: Executor, fromId: string, intoId: string) => rowCount(tx, 'update residents set community_id = $2 where community_id = $1', [fromId, intoId]),

  /** A member's stay in the merged community ends at the merge and goes on in the one it joined. */
  continueHistory: async (tx: Executor, fromId: string, intoId: string, at: Date) => {
    const closed = await tx.query<{ id: string }>(
      `update member_community_history set left_at = greatest(joined_at, $2) where community_id = $1 and left_at is null returning id`,
      [fromId, at],
    );
    await tx.query(
      `insert into member_community_history (id, member_id, community_id, grid_id, registration_id, joined_at)
       select gen_random_uuid(), member_id, $1, grid_id, registration_id, left_at from member_community_history where id = any($2::uuid[])`,
      [intoId, closed.map((row) => row.id)],
    );
    return closed.length;
  },

  /** Community roles move; a role the user already holds in `into` is not doubled. */
  moveCommunityGrants: async (tx: Executor, fromId: string, intoId: string) => {
    const secretaries = (await tx.query<{ n: number }>(`select count(distinct user_id)::int as n from user_roles where org_id = $1 and role = 'secretary'`, [fromId]))[0].n;
    await tx.query(
      `update user_roles r set org_id = $2 where r.org_id = $1
          and not exists (select 1 from user_roles same where same.user_id = r.user_id and same.role = r.role and same.org_id = $2)`,
      [fromId, intoId],
    );
    await tx.query('delete from user_roles where org_id = $1', [fromId]);
    return secretaries;
  },

  moveDemands: (tx: Executor, fromId: string, intoId: string) => rowCount(tx, 'update demands set community_id = $2 where community_id = $1', [fromId, intoId]),

  moveOrders: (tx: Executor, fromId: string, intoId: string) => rowCount(tx, 'update orders set community_id = $2 where community_id = $1', [fromId, intoId]),

  /** The community that joined takes over certifying the records; each record's audit trail says who certified it before. */
  moveRecords: async (tx: Executor, move: { fromId: string; fromName: string; intoId: string; intoName: string; actorId: string; reason: string; at: Date }) => {
    await tx.query(
      `insert into record_audit (id, record_id, actor_id, action, reason, before, after, at)
       select gen_random_uuid(), id, $3, 'organisation_merge', $6,
              jsonb_build_object('certifyingOrgId', $1::uuid, 'certifyingOrgName', $2::text),
              jsonb_build_object('certifyingOrgId', $4::uuid, 'certifyingOrgName', $5::text), $7
         from service_records where certifying_org_id = $1`,
      [move.fromId, move.fromName, move.actorId, move.intoId, move.intoName, move.reason, move.at],
    );
    return rowCount(tx, 'update service_records set certifying_org_id = $2 where certifying_org_id = $1', [move.fromId, move.intoId]);
  },

  /** A unit paired with both keeps one pairing, dated from the earlier. */
  movePairings: async (tx: Executor, fromId: string, intoId: string) => {
    const moved = await rowCount(
      tx,
      `insert into unit_community_pairings (unit_id, community_id, paired_on)
       select unit_id, $2, paired_on from unit_community_pairings where community_id = $1
       on conflict (unit_id, community_id) do update set paired_on = least(unit_community_pairings.paired_on, excluded.paired_on)`,
      [fromId, intoId],
    );
    await tx.query('delete from unit_community_pairings where community_id = $1', [fromId]);
    return moved;
  },

  /** Registrations waiting for a 回执 move; decided ones stay where they were decided. */
  movePendingRegistrations: (tx: Executor, fromId: string, intoId: string) =>
    rowCount(tx, `update registrations set community_id = $2 where community_id = $1 and status = 'pending'`, [fromId, intoId]),

  /** 报到单 still to be reported with move; one a community confirmed stays as it was. */
  moveOpenReportSlips: (tx: Executor, fromId: string, intoId: string) =>
    rowCount(
      tx,
      `update report_slips s set community_id = $2 where s.community_id = $1 and s.cancelled_at is null
          and not exists (select 1 from registrations r where r.slip_id = s.id and r.status = 'confirmed')`,
      [fromId, intoId],
    ),
};
