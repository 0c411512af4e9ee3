import type { Executor } from '../db/database';
import type { TeamKind } from './teams.schemas';

export type TeamOwner = { kind: 'community' | 'unit'; id: string };

export interface TeamRow {
  id: string;
  community_id: string | null;
  unit_id: string | null;
  kind: TeamKind;
  name: string;
  description: string;
  captain_member_id: string | null;
  captain_name: string | null;
  owner_name: string;
  district_id: string;
  archived_at: Date | null;
  member_count: number;
}

export interface FocusedActivityRow {
  id: string;
  focused_team_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  attended: number;
}

export interface TeamMemberRow {
  member_id: string;
  name: string;
  volunteer_no: string;
  member_type: string;
  grid_name: string | null;
  phone: string;
  joined_at: Date;
}

/** A member who may be on team `t`: a current member of its community, or of its unit for a unit's team. */
const IN_SCOPE = (t: string, m: string, u: string) =>
  `${u}.left_at is null and ((${t}.community_id is not null and ${m}.community_id = ${t}.community_id) or (${t}.unit_id is not null and ${m}.unit_id = ${t}.unit_id))`;

const TEAM_COLUMNS = `
  t.id, t.community_id, t.unit_id, t.kind, t.name, t.description, t.captain_member_id, t.archived_at,
  captain.name as captain_name,
  coalesce(community.name, unit.name) as owner_name,
  coalesce(street.parent_id, unit.district_id) as district_id,
  (select count(*) from team_members tm join members m on m.user_id = tm.member_id join users u on u.id = m.user_id
    where tm.team_id = t.id and tm.left_at is null and ${IN_SCOPE('t', 'm', 'u')})::int as member_count`;

const TEAM_JOINS = `
  left join users captain on captain.id = t.captain_member_id
  left join organisations community on community.id = t.community_id
  left join organisations street on street.id = community.parent_id
  left join units unit on unit.id = t.unit_id`;

/** The year as instants in Beijing time: [from, to). */
const yearBounds = (year: number) => [`${year}-01-01T00:00:00+08:00`, `${year + 1}-01-01T00:00:00+08:00`];

export const teamsRepository = {
  find: async (tx: Executor, teamId: string) =>
    (await tx.query<TeamRow>(`select ${TEAM_COLUMNS} from teams t ${TEAM_JOINS} where t.id = $1`, [teamId]))[0],

  /** Locks the team row, so that two edits of one team run one after the other. */
  lock: (tx: Executor, teamId: string) => tx.query('select id from teams where id = $1 for update', [teamId]),

  listOf: (tx: Executor, owner: TeamOwner, includeArchived: boolean) =>
    tx.query<TeamRow>(
      `select ${TEAM_COLUMNS} from teams t ${TEAM_JOINS}
        where ${owner.kind === 'community' ? 't.community_id' : 't.unit_id'} = $1 and ($2 or t.archived_at is null)
        order by t.archived_at is not null, t.created_at, t.id`,
      [owner.id, includeArchived],
    ),

  ownerName: async (tx: Executor, owner: TeamOwner) =>
    (
      await tx.query<{ name: string; district_id: string }>(
        owner.kind === 'community'
          ? `select c.name, s.parent_id as district_id from organisations c join organisations s on s.id = c.parent_id
              where c.id = $1 and c.kind = 'community' and c.archived_at is null`
          : 'select name, district_id from units where id = $1',
        [owner.id],
      )
    )[0],

  nameTaken: async (tx: Executor, owner: TeamOwner, name: string, exceptId: string | null = null) =>
    (
      await tx.query(
        `select 1 from teams where coalesce(community_id, unit_id) = $1 and name = $2 and archived_at is null and ($3::uuid is null or id <> $3)`,
        [owner.id, name, exceptId],
      )
    ).length > 0,

  insert: (tx: Executor, team: { id: string; owner: TeamOwner; kind: TeamKind; name: string; description: string; createdBy: string; now: Date }) =>
    tx.query(
      `insert into teams (id, community_id, unit_id, kind, name, description, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [team.id, team.owner.kind === 'community' ? team.owner.id : null, team.owner.kind === 'unit' ? team.owner.id : null, team.kind, team.name,
        team.description, team.createdBy, team.now],
    ),

  rename: (tx: Executor, teamId: string, name: string, description: string | undefined) =>
    tx.query('update teams set name = $2, description = coalesce($3, description) where id = $1', [teamId, name, description ?? null]),

  archive: (tx: Executor, teamId: string, now: Date) => tx.query('update teams set archived_at = $2 where id = $1', [teamId, now]),

  setCaptain: (tx: Executor, teamId: string, memberId: string | null) =>
    tx.query('update teams set captain_member_id = $2 where id = $1', [teamId, memberId]),

  /** Which of `memberIds` may be on the team (team-scope: its community's, or its unit's, current members). */
  membersInScope: async (tx: Executor, teamId: string, memberIds: string[]) =>
    (
      await tx.query<{ user_id: string }>(
        `select m.user_id from teams t join members m on m.user_id = any($2::uuid[]) join users u on u.id = m.user_id
          where t.id = $1 and ${IN_SCOPE('t', 'm', 'u')}`,
        [teamId, memberIds],
      )
    ).map((row) => row.user_id),

  /** Adds the members, or brings back those who had left (from now on). */
  addMembers: (tx: Executor, teamId: string, memberIds: string[], now: Date) =>
    tx.query(
      `insert into team_members (team_id, member_id, joined_at) select $1, id, $3 from unnest($2::uuid[]) as id
       on conflict (team_id, member_id) do update set joined_at = excluded.joined_at, left_at = null where team_members.left_at is not null`,
      [teamId, memberIds, now],
    ),

  isCurrentMember: async (tx: Executor, teamId: string, memberId: string) =>
    (
      await tx.query(
        `select 1 from team_members tm join teams t on t.id = tm.team_id join members m on m.user_id = tm.member_id join users u on u.id = m.user_id
          where tm.team_id = $1 and tm.member_id = $2 and tm.left_at is null and ${IN_SCOPE('t', 'm', 'u')}`,
        [teamId, memberId],
      )
    ).length > 0,

  removeMember: (tx: Executor, teamId: string, memberId: string, now: Date) =>
    tx.query('update team_members set left_at = $3 where team_id = $1 and member_id = $2 and left_at is null', [teamId, memberId, now]),

  currentMembers: (tx: Executor, teamId: string) =>
    tx.query<TeamMemberRow>(
      `select m.user_id as member_id, u.name, m.volunteer_no, m.member_type, grid.name as grid_name, u.phone, tm.joined_at
         from team_members tm join teams t on t.id = tm.team_id join members m on m.user_id = tm.member_id join users u on u.id = m.user_id
         left join organisations grid on grid.id = m.grid_id
        where tm.team_id = $1 and tm.left_at is null and ${IN_SCOPE('t', 'm', 'u')}
        order by tm.joined_at, m.volunteer_no`,
      [teamId],
    ),

  /** Members who may join: in the team's scope, not on it now, matching the name or the end of the phone. */
  candidates: (tx: Executor, teamId: string, query: string, limit: number) =>
    tx.query<Omit<TeamMemberRow, 'phone' | 'joined_at'>>(
      `select m.user_id as member_id, u.name, m.volunteer_no, m.member_type, grid.name as grid_name
         from teams t join members m on (t.community_id is not null and m.community_id = t.community_id) or (t.unit_id is not null and m.unit_id = t.unit_id)
         join users u on u.id = m.user_id and u.left_at is null
         left join organisations grid on grid.id = m.grid_id
        where t.id = $1
          and not exists (select 1 from team_members tm where tm.team_id = t.id and tm.member_id = m.user_id and tm.left_at is null)
          and ($2 = '' or strpos(lower(u.name), lower($2)) > 0 or ($2 ~ '^[0-9]{3,11}$' and right(u.phone, length($2)) = $2) or m.volunteer_no = $2)
        order by u.name, m.volunteer_no
        limit $3`,
      [teamId, query, limit],
    ),

  /** Orders marked as the teams' 集中性活动 that start in the year (Beijing time), with how many checked in. */
  focusedActivities: (tx: Executor, teamIds: string[], year: number) =>
    tx.query<FocusedActivityRow>(
      `select o.id, o.focused_team_id, o.title, o.starts_at, o.ends_at, o.status,
              (select count(*) from attendance a where a.order_id = o.id)::int as attended
         from orders o
        where o.focused_team_id = any($1::uuid[]) and o.starts_at >= $2 and o.starts_at < $3
        order by o.starts_at, o.id`,
      [teamIds, ...yearBounds(year)],
    ),

  /** The teams' 实事 for the year that the secretary confirmed. */
  confirmedDeeds: (tx: Executor, teamIds: string[], year: number) =>
    tx.query<{ team_id: string; confirmed_at: Date }>(
      `select team_id, confirmed_at from commitments where team_id = any($1::uuid[]) and year = $2 and status = 'confirmed'`,
      [teamIds, year],
    ),
};
