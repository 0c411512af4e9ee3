import type { Executor } from '../db/database';
import type { Role } from '../runtime/caller';

export type OrganisationKind = 'district' | 'street' | 'community' | 'grid';
export type MemberType = 'in_service' | 'community' | 'probationary' | 'activist';

/** Writes of the organisation tree and of people in it; used by the seeders and the admin use cases. */
export const orgRepository = {
  createOrganisation: (tx: Executor, org: { id: string; kind: OrganisationKind; parentId: string | null; name: string }) =>
    tx.query('insert into organisations (id, kind, parent_id, name) values ($1, $2, $3, $4)', [org.id, org.kind, org.parentId, org.name]),

  createUnit: (tx: Executor, unit: { id: string; districtId: string; name: string; kind: '机关' | '事业' | '企业' | '高校' | '其他' }) =>
    tx.query('insert into units (id, district_id, name, kind) values ($1, $2, $3, $4)', [unit.id, unit.districtId, unit.name, unit.kind]),

  pairUnitWithCommunity: (tx: Executor, unitId: string, communityId: string, pairedOn: string) =>
    tx.query('insert into unit_community_pairings (unit_id, community_id, paired_on) values ($1, $2, $3)', [unitId, communityId, pairedOn]),

  createUser: (tx: Executor, user: { id: string; name: string; phone: string; passwordHash: string | null; photoUrl?: string | null }) =>
    tx.query('insert into users (id, name, phone, password_hash, photo_url) values ($1, $2, $3, $4, $5)', [
      user.id, user.name, user.phone, user.passwordHash, user.photoUrl ?? null,
    ]),

  grantRole: (tx: Executor, grant: { id: string; userId: string; role: Role; orgId?: string | null; unitId?: string | null }) =>
    tx.query('insert into user_roles (id, user_id, role, org_id, unit_id) values ($1, $2, $3, $4, $5)', [
      grant.id, grant.userId, grant.role, grant.orgId ?? null, grant.unitId ?? null,
    ]),

  registerResident: (tx: Executor, resident: { userId: string; communityId: string; gridId: string | null; address: string }) =>
    tx.query('insert into residents (user_id, community_id, grid_id, address) values ($1, $2, $3, $4)', [
      resident.userId, resident.communityId, resident.gridId, resident.address,
    ]),

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
