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

/** Loads a user with every role they hold (one query: it runs on every call), or null when there is no such user or they left. */
export async function loadCaller(tx: Executor, where: { userId: string } | { wxOpenId: string }): Promise<Caller | null> {
  const [row] = await tx.query<{ id: string; name: string; grants: RoleGrant[] }>(
    `select u.id, u.name,
            coalesce(json_agg(json_build_object('role', r.role, 'orgId', r.org_id, 'unitId', r.unit_id) order by r.role, r.id)
                       filter (where r.role is not null), '[]') as grants
       from users u left join user_roles r on r.user_id = u.id
      where ${'userId' in where ? 'u.id = $1' : 'u.wx_openid = $1'} and u.left_at is null
      group by u.id`,
    ['userId' in where ? where.userId : where.wxOpenId],
  );
  return row ? { userId: row.id, name: row.name, grants: row.grants } : null;
}

export const grantsOf = (caller: Caller, role: Role) => caller.grants.filter((grant) => grant.role === role);
