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
  /** The session the call came with; none for a WeChat caller known by openid. */
  sessionId?: string;
  /** Still on an initial password someone else has seen: only the password change is open to them. */
  mustChangePassword: boolean;
}

type CallerRow = { id: string; name: string; must_change_password: boolean; grants: RoleGrant[] };

const GRANTS = `coalesce(json_agg(json_build_object('role', r.role, 'orgId', r.org_id, 'unitId', r.unit_id) order by r.role, r.id)
                       filter (where r.role is not null), '[]') as grants`;

/** Loads a user with every role they hold (one query: it runs on every call), or null when there is no such user or they left. */
export async function loadCaller(tx: Executor, where: { userId: string } | { wxOpenId: string }): Promise<Caller | null> {
  const [row] = await tx.query<CallerRow>(
    `select u.id, u.name, u.must_change_password, ${GRANTS}
       from users u left join user_roles r on r.user_id = u.id
      where ${'userId' in where ? 'u.id = $1' : 'u.wx_openid = $1'} and u.left_at is null
      group by u.id`,
    ['userId' in where ? where.userId : where.wxOpenId],
  );
  return row ? toCaller(row) : null;
}

export type SessionCaller = { found: false } | { found: true; open: boolean; caller: Caller };

/** The caller of a session token and whether that session is still open at `now`, in the same one query. */
export async function loadSessionCaller(tx: Executor, session: { sessionId: string; userId: string }, now: Date): Promise<SessionCaller> {
  const [row] = await tx.query<CallerRow & { open: boolean }>(
    `select u.id, u.name, u.must_change_password, (s.revoked_at is null and s.expires_at > $3) as open, ${GRANTS}
       from sessions s join users u on u.id = s.user_id and u.left_at is null left join user_roles r on r.user_id = u.id
      where s.id = $1 and s.user_id = $2
      group by s.id, u.id`,
    [session.sessionId, session.userId, now],
  );
  return row ? { found: true, open: row.open, caller: { ...toCaller(row), sessionId: session.sessionId } } : { found: false };
}

const toCaller = (row: CallerRow): Caller => ({ userId: row.id, name: row.name, grants: row.grants, mustChangePassword: row.must_change_password });

export const grantsOf = (caller: Caller, role: Role) => caller.grants.filter((grant) => grant.role === role);
