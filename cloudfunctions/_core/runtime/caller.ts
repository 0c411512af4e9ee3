import type { Executor } from '../db/database';

export const ROLES = ['resident', 'member', 'secretary', 'unit_admin', 'district_admin'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  /** The organisation the role is held in: community for resident/member/secretary, district for district_admin. */
  orgId: string | null;
  unitId: string | null;
}

export interface Caller {
  userId: string;
  name: string;
  grants: RoleGrant[];
}

/** Loads a user with every role they hold, or null when there is no such user. */
export async function loadCaller(tx: Executor, where: { userId: string } | { wxOpenId: string }): Promise<Caller | null> {
  const [user] =
    'userId' in where
      ? await tx.query<{ id: string; name: string }>('select id, name from users where id = $1', [where.userId])
      : await tx.query<{ id: string; name: string }>('select id, name from users where wx_openid = $1', [where.wxOpenId]);
  if (!user) return null;
  const grants = await tx.query<{ role: Role; org_id: string | null; unit_id: string | null }>(
    'select role, org_id, unit_id from user_roles where user_id = $1 order by role',
    [user.id],
  );
  return {
    userId: user.id,
    name: user.name,
    grants: grants.map((grant) => ({ role: grant.role, orgId: grant.org_id, unitId: grant.unit_id })),
  };
}

export const grantsOf = (caller: Caller, role: Role) => caller.grants.filter((grant) => grant.role === role);
