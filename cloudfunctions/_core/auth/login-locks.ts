import { grantsOf } from '../runtime/caller';
import { requireCaller } from '../runtime/access';
import type { ActionContext } from '../runtime/action';
import { commonErrors } from '../shared/domain-error';
import { maskPhone } from '../shared/masking';
import type { LiftLoginLockInput, LoginLockView } from './login-lock.schemas';

/** Whom the caller may unlock: a secretary her community's members and residents, a district admin anyone in the district. */
function careOf(ctx: ActionContext) {
  const caller = requireCaller(ctx.caller);
  const communities = grantsOf(caller, 'secretary').flatMap((grant) => (grant.orgId ? [grant.orgId] : []));
  const districts = grantsOf(caller, 'district_admin').flatMap((grant) => (grant.orgId ? [grant.orgId] : []));
  if (communities.length === 0 && districts.length === 0) throw commonErrors.error('FORBIDDEN', '需要社区书记或区管理员身份');
  return { communities, districts };
}

// `u` is in the care of communities $2 or districts $3 (communities sit two levels under their district).
const IN_CARE = `(
  exists (select 1 from (select community_id from members where user_id = u.id
                         union select community_id from residents where user_id = u.id
                         union select org_id from user_roles where user_id = u.id and role in ('member', 'resident')) mine (community_id)
           where mine.community_id = any($2::uuid[]))
  or exists (select 1 from (select community_id from members where user_id = u.id
                            union select community_id from residents where user_id = u.id
                            union select org_id from user_roles where user_id = u.id and role in ('member', 'resident', 'secretary')) mine (community_id)
               join organisations c on c.id = mine.community_id join organisations s on s.id = c.parent_id
              where s.parent_id = any($3::uuid[]))
  or exists (select 1 from user_roles r left join units un on un.id = r.unit_id
              where r.user_id = u.id and (r.role = 'district_admin' and r.org_id = any($3::uuid[]) or un.district_id = any($3::uuid[])))
)`;

type LockRow = { id: string; name: string; phone: string; locked_until: Date };

/** Accounts in the caller's care whose login is locked now, soonest unlocked first. */
export async function listLoginLocks(ctx: ActionContext): Promise<LoginLockView[]> {
  const { communities, districts } = careOf(ctx);
  const rows = await ctx.tx.query<LockRow>(
    `select u.id, u.name, u.phone, t.locked_until
       from login_throttle t join users u on u.phone = t.key
      where t.scope = 'phone' and t.locked_until > $1 and ${IN_CARE}
      order by t.locked_until, u.id limit 100`,
    [ctx.clock.now(), communities, districts],
  );
  return rows.map((row) => ({ userId: row.id, name: row.name, phoneMasked: maskPhone(row.phone), lockedUntil: row.locked_until.toISOString() }));
}

/** Lifts a locked account's login lock at once, and records who did it. Someone outside the caller's care is FORBIDDEN. */
export async function liftLoginLock(ctx: ActionContext, input: LiftLoginLockInput) {
  const { communities, districts } = careOf(ctx);
  const [user] = await ctx.tx.query<{ id: string; phone: string }>(`select u.id, u.phone from users u where u.id = $1 and ${IN_CARE}`, [
    input.userId, communities, districts,
  ]);
  if (!user) throw commonErrors.error('FORBIDDEN', '只能解除本社区（区管理员：本区）人员的登录锁定');
  const now = ctx.clock.now();
  const [lock] = await ctx.tx.query<{ locked_until: Date }>(
    `delete from login_throttle where scope = 'phone' and key = $1 and locked_until > $2 returning locked_until`,
    [user.phone, now],
  );
  const lifted = lock !== undefined;
  if (lifted) {
    await ctx.tx.query('insert into login_lock_lifts (id, user_id, lifted_by, lifted_at, locked_until) values ($1, $2, $3, $4, $5)', [
      ctx.newId(), user.id, ctx.caller!.userId, now, lock.locked_until,
    ]);
  }
  return { userId: user.id, lifted };
}
