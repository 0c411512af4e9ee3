import type { Executor } from '../db/database';

export interface UserCredentials {
  id: string;
  password_hash: string | null;
  wx_openid: string | null;
}

export const authRepository = {
  findCredentialsByPhone: async (tx: Executor, phone: string) =>
    (await tx.query<UserCredentials>('select id, password_hash, wx_openid from users where phone = $1', [phone]))[0],

  /** The stored hash of a caller not yet confirmed (before the transaction), with the phone the new password must not hold. */
  findPasswordOf: async (db: Executor, who: { userId?: string; wxOpenId?: string }) =>
    (
      await db.query<{ id: string; phone: string | null; password_hash: string | null }>(
        'select id, phone, password_hash from users where (id = $1 or wx_openid = $2) and left_at is null order by id = $1 desc nulls last limit 1',
        [who.userId ?? null, who.wxOpenId ?? null],
      )
    )[0],

  /** The hash now, locked until the transaction ends, so that two changes cannot cross. */
  lockPasswordHash: async (tx: Executor, userId: string) =>
    (await tx.query<{ password_hash: string | null }>('select password_hash from users where id = $1 for update', [userId]))[0]?.password_hash,

  setPassword: (tx: Executor, userId: string, passwordHash: string) =>
    tx.query('update users set password_hash = $2, must_change_password = false where id = $1', [userId, passwordHash]),

  bindWechat: (tx: Executor, userId: string, openid: string) =>
    tx.query('update users set wx_openid = $2 where id = $1', [userId, openid]),
  unbindWechat: (tx: Executor, userId: string, openid: string) =>
    tx.query('update users set wx_openid = null where id = $1 and wx_openid = $2', [userId, openid]),

  findOpenidOwner: async (tx: Executor, openid: string) =>
    (await tx.query<{ id: string }>('select id from users where wx_openid = $1', [openid]))[0]?.id,

  loadProfileRows: async (tx: Executor, userId: string) => {
    const [user] = await tx.query<{
      id: string; name: string; phone: string; photo_url: string | null; wx_openid: string | null; must_change_password: boolean;
    }>(
      'select id, name, phone, photo_url, wx_openid, must_change_password from users where id = $1',
      [userId],
    );
    const roles = await tx.query<{
      role: string; org_id: string | null; org_name: string | null; unit_id: string | null; unit_name: string | null; service_phone: string | null;
    }>(
      `select r.role, r.org_id, o.name as org_name, r.unit_id, u.name as unit_name, o.service_phone
         from user_roles r left join organisations o on o.id = r.org_id left join units u on u.id = r.unit_id
        where r.user_id = $1 order by r.role, r.id`,
      [userId],
    );
    const [member] = await tx.query<{ volunteer_no: string; community_id: string; member_type: string; grid_name: string | null }>(
      `select m.volunteer_no, m.community_id, m.member_type, g.name as grid_name
         from members m left join organisations g on g.id = m.grid_id where m.user_id = $1`,
      [userId],
    );
    return { user, roles, member };
  },
};
