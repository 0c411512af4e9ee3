import type { Executor } from '../db/database';
import type { Role } from '../runtime/caller';
import type { UnitKind } from './org.schemas';

export type OrganisationKind = 'district' | 'street' | 'community' | 'grid';
export type MemberType = 'in_service' | 'community' | 'probationary' | 'activist';

export interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  parent_id: string | null;
  name: string;
  archived_at: Date | null;
  district_id: string;
}

export interface UnitRow {
  id: string;
  district_id: string;
  name: string;
  kind: UnitKind;
}

export interface GrantRow {
  id: string;
  user_id: string;
  role: Role;
  org_id: string | null;
  unit_id: string | null;
  /** The district the grant is held in (through its community or unit). */
  district_id: string | null;
}

/** An organisation with the district above it, found by walking up the tree. */
const SELECT_WITH_DISTRICT = `
  with recursive up as (
    select o.id as start_id, o.id, o.parent_id, o.kind from organisations o where o.id = any($1::uuid[])
    union all
    select up.start_id, p.id, p.parent_id, p.kind from organisations p join up on p.id = up.parent_id
  )
  select o.id, o.kind, o.parent_id, o.name, o.archived_at, up.id as district_id
    from organisations o join up on up.start_id = o.id and up.kind = 'district'`;

type Counted = { community_id: string; grid_id: string | null; n: string };

/** Writes of the organisation tree and of people in it; used by the seeders and the admin use cases. */
export const orgRepository = {
  createOrganisation: (tx: Executor, org: { id: string; kind: OrganisationKind; parentId: string | null; name: string }) =>
    tx.query('insert into organisations (id, kind, parent_id, name) values ($1, $2, $3, $4)', [org.id, org.kind, org.parentId, org.name]),

  createUnit: (tx: Executor, unit: { id: string; districtId: string; name: string; kind: '机关' | '事业' | '企业' | '高校' | '其他' }) =>
    tx.query('insert into units (id, district_id, name, kind) values ($1, $2, $3, $4)', [unit.id, unit.districtId, unit.name, unit.kind]),

  pairUnitWithCommunity: (tx: Executor, unitId: string, communityId: string, pairedOn: string) =>
    tx.query('insert into unit_community_pairings (unit_id, community_id, paired_on) values ($1, $2, $3)', [unitId, communityId, pairedOn]),

  createUser: (
    tx: Executor,
    user: { id: string; name: string; phone: string; passwordHash: string | null; photoUrl?: string | null; mustChangePassword?: boolean },
  ) =>
    tx.query('insert into users (id, name, phone, password_hash, photo_url, must_change_password) values ($1, $2, $3, $4, $5, $6)', [
      user.id, user.name, user.phone, user.passwordHash, user.photoUrl ?? null, user.mustChangePassword ?? false,
    ]),

  grantRole: (tx: Executor, grant: { id: string; userId: string; role: Role; orgId?: string | null; unitId?: string | null }) =>
    tx.query('insert into user_roles (id, user_id, role, org_id, unit_id) values ($1, $2, $3, $4, $5)', [
      grant.id, grant.userId, grant.role, grant.orgId ?? null, grant.unitId ?? null,
    ]),

  registerResident: (tx: Executor, resident: { userId: string; communityId: string; gridId: string | null; address: string }) =>
    tx.query('insert into residents (user_id, community_id, grid_id, address) values ($1, $2, $3, $4)', [
      resident.userId, resident.communityId, resident.gridId, resident.address,
    ]),

  findOrganisations: (tx: Executor, ids: string[]) => tx.query<OrganisationRow>(SELECT_WITH_DISTRICT, [ids]),

  /** Locks the organisations a merge changes, so that two merges of the same one run one after the other. */
  lockOrganisations: (tx: Executor, ids: string[]) => tx.query('select id from organisations where id = any($1::uuid[]) order by id for update', [ids]),

  nameTakenUnder: async (tx: Executor, parentId: string, name: string, exceptId: string | null = null) =>
    (await tx.query('select 1 from organisations where parent_id = $1 and name = $2 and id is distinct from $3', [parentId, name, exceptId])).length > 0,

  rename: (tx: Executor, id: string, name: string) => tx.query('update organisations set name = $2 where id = $1', [id, name]),

  setServicePhone: (tx: Executor, id: string, phone: string | null) =>
    tx.query('update organisations set service_phone = $2 where id = $1', [id, phone]),

  /** The district's tree below it, archived organisations left out. */
  activeTree: (tx: Executor, districtId: string) =>
    tx.query<{ id: string; kind: OrganisationKind; parent_id: string | null; name: string }>(
      `with recursive tree as (
         select id, kind, parent_id, name, created_at from organisations where id = $1
         union all
         select o.id, o.kind, o.parent_id, o.name, o.created_at from organisations o join tree t on o.parent_id = t.id where o.archived_at is null
       )
       select id, kind, parent_id, name from tree order by created_at, name`,
      [districtId],
    ),

  /** Members and residents still with us, by community and grid. */
  peopleCounts: async (tx: Executor, communityIds: string[]) => {
    const count = (table: 'members' | 'residents') =>
      tx.query<Counted>(
        `select p.community_id, p.grid_id, count(*) as n from ${table} p join users u on u.id = p.user_id
          where p.community_id = any($1::uuid[]) and u.left_at is null group by 1, 2`,
        [communityIds],
      );
    return { members: await count('members'), residents: await count('residents') };
  },

  grantsWithUsers: (tx: Executor, where: { role: 'secretary'; orgIds: string[] } | { role: 'unit_admin'; unitIds: string[] }) =>
    tx.query<{ id: string; user_id: string; org_id: string | null; unit_id: string | null; name: string; phone: string | null }>(
      `select r.id, r.user_id, r.org_id, r.unit_id, u.name, u.phone from user_roles r join users u on u.id = r.user_id
        where r.role = $1 and ${where.role === 'secretary' ? 'r.org_id' : 'r.unit_id'} = any($2::uuid[])
        order by u.name, r.id`,
      [where.role, where.role === 'secretary' ? where.orgIds : where.unitIds],
    ),

  unitsOfDistrict: (tx: Executor, districtId: string) =>
    tx.query<UnitRow>(
      `select un.id, un.district_id, un.name, un.kind from units un where un.district_id = $1 order by un.created_at, un.name`,
      [districtId],
    ),

  pairingsOfUnits: (tx: Executor, unitIds: string[]) =>
    tx.query<{ unit_id: string; community_id: string; community_name: string; paired_on: string }>(
      `select p.unit_id, p.community_id, o.name as community_name, to_char(p.paired_on, 'YYYY-MM-DD') as paired_on
         from unit_community_pairings p join organisations o on o.id = p.community_id
        where p.unit_id = any($1::uuid[]) and o.archived_at is null order by p.paired_on, o.name`,
      [unitIds],
    ),

  findUnit: async (tx: Executor, unitId: string) =>
    (await tx.query<UnitRow>('select id, district_id, name, kind from units where id = $1', [unitId]))[0],

  unitNameTaken: async (tx: Executor, districtId: string, name: string, exceptId: string | null = null) =>
    (await tx.query('select 1 from units where district_id = $1 and name = $2 and id is distinct from $3', [districtId, name, exceptId])).length > 0,

  renameUnit: (tx: Executor, unitId: string, name: string) => tx.query('update units set name = $2 where id = $1', [unitId, name]),

  findPairing: async (tx: Executor, unitId: string, communityId: string) =>
    (await tx.query('select 1 from unit_community_pairings where unit_id = $1 and community_id = $2', [unitId, communityId])).length > 0,

  unpair: (tx: Executor, unitId: string, communityId: string) =>
    tx.query('delete from unit_community_pairings where unit_id = $1 and community_id = $2', [unitId, communityId]),

  findUserByPhone: async (tx: Executor, phone: string) =>
    (await tx.query<{ id: string; name: string; phone: string }>('select id, name, phone from users where phone = $1', [phone]))[0],

  hasGrant: async (tx: Executor, userId: string, role: Role, scopeId: string) =>
    (await tx.query('select 1 from user_roles where user_id = $1 and role = $2 and coalesce(org_id, unit_id) = $3', [userId, role, scopeId])).length > 0,

  findGrant: async (tx: Executor, grantId: string) =>
    (await tx.query<GrantRow>(
      `select r.id, r.user_id, r.role, r.org_id, r.unit_id, coalesce(un.district_id, street.parent_id, org.id) as district_id
         from user_roles r
         left join units un on un.id = r.unit_id
         left join organisations org on org.id = r.org_id
         left join organisations street on street.id = org.parent_id and org.kind = 'community'
        where r.id = $1`,
      [grantId],
    ))[0],

  revokeGrant: (tx: Executor, grantId: string) => tx.query('delete from user_roles where id = $1', [grantId]),

  settingsOf: async (tx: Executor, districtId: string) =>
    (await tx.query<{ collect_id_numbers: boolean; updated_at: Date; updated_by: string | null }>(
      `select s.collect_id_numbers, s.updated_at, u.name as updated_by
         from district_settings s left join users u on u.id = s.updated_by where s.district_id = $1`,
      [districtId],
    ))[0],

  saveSettings: (tx: Executor, districtId: string, collectIdNumbers: boolean, userId: string, at: Date) =>
    tx.query(
      `insert into district_settings (district_id, collect_id_numbers, updated_by, updated_at) values ($1, $2, $3, $4)
       on conflict (district_id) do update set collect_id_numbers = excluded.collect_id_numbers, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [districtId, collectIdNumbers, userId, at],
    ),

  /** Registers a member and gives them the next volunteer number. */
  registerMember: async (
    tx: Executor,
    member: { userId: string; communityId: string; gridId: string | null; unitId: string | null; memberType: MemberType; skills?: string[]; posts?: string[]; availability?: object },
  ) =>
    (await tx.query<{ volunteer_no: string }>(
      `with member as (
         insert into members (user_id, volunteer_no, community_id, grid_id, unit_id, member_type, skills, posts, availability)
         values ($1, 'DY' || nextval('volunteer_no_seq'), $2, $3, $4, $5, $6, $7, $8)
         returning user_id, volunteer_no, community_id, grid_id, created_at
       ), history as (
         insert into member_community_history (id, member_id, community_id, grid_id, joined_at)
         select gen_random_uuid(), user_id, community_id, grid_id, created_at from member
       )
       select volunteer_no from member`,
      [member.userId, member.communityId, member.gridId, member.unitId, member.memberType, member.skills ?? [], member.posts ?? [],
        JSON.stringify(member.availability ?? {})],
    ))[0].volunteer_no,
};
