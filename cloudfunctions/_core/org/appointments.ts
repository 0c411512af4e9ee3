import { randomInt } from 'node:crypto';
import { hashPassword } from '../auth/password';
import { revokeSessionsOf } from '../auth/sessions';
import type { ActionContext, PrepareContext } from '../runtime/action';
import { commonErrors } from '../shared/domain-error';
import { maskPhone } from '../shared/masking';
import { districtsOf, assertInDistricts, organisationsInScope, unitInScope } from './district-scope';
import { orgErrors } from './org.errors';
import { orgRepository } from './org.repository';
import type { AppointInput, AppointmentView } from './org.schemas';

/** Eight digits, shown once to the admin who passes it on; the user changes it after logging in. */
const initialPassword = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

export interface InitialPassword {
  password: string;
  hash: string;
}

/** Before the transaction (the hash holds no database session): a new account's initial password, when the phone has none. */
export async function prepareAppoint(env: PrepareContext, input: AppointInput): Promise<InitialPassword | null> {
  if (await orgRepository.findUserByPhone(env.db, input.phone)) return null;
  const password = initialPassword();
  return { password, hash: await hashPassword(password, env.config.PASSWORD_COST) };
}

/** Appoints a community secretary or a unit admin; a phone nobody has yet gets a new account. */
export async function appoint(ctx: ActionContext, input: AppointInput, initial: InitialPassword | null): Promise<AppointmentView> {
  const scopeId =
    input.role === 'secretary'
      ? (await organisationsInScope(ctx.tx, ctx.caller, [{ id: input.orgId!, field: 'orgId' }], { kind: 'community' }))[0].id
      : (await unitInScope(ctx.tx, ctx.caller, input.unitId!)).id;
  let user = await orgRepository.findUserByPhone(ctx.tx, input.phone);
  let password: string | null = null;
  if (!user) {
    // Accounts are never deleted: a phone without one before the transaction got its password prepared.
    if (!initial) throw commonErrors.error('CONFLICT');
    password = initial.password;
    user = { id: ctx.newId(), name: input.name, phone: input.phone };
    await orgRepository.createUser(ctx.tx, {
      ...user, passwordHash: initial.hash, mustChangePassword: true,
    });
  } else if (await orgRepository.hasGrant(ctx.tx, user.id, input.role, scopeId)) {
    throw orgErrors.error('ORG_ALREADY_GRANTED', user.name, { phone: '该手机号码的用户已担任此职务' });
  }
  const grantId = ctx.newId();
  await orgRepository.grantRole(ctx.tx, {
    id: grantId, userId: user.id, role: input.role, ...(input.role === 'secretary' ? { orgId: scopeId } : { unitId: scopeId }),
  });
  return { grantId, userId: user.id, role: input.role, name: user.name, phone: maskPhone(user.phone), newAccount: password !== null, initialPassword: password };
}

/** Withdraws a secretary's, unit admin's or fellow district admin's role in the caller's district. */
export async function revoke(ctx: ActionContext, input: { grantId: string }) {
  const districts = districtsOf(ctx.caller);
  const grant = await orgRepository.findGrant(ctx.tx, input.grantId);
  if (!grant || !['secretary', 'unit_admin', 'district_admin'].includes(grant.role)) {
    throw orgErrors.error('ORG_GRANT_NOT_FOUND', undefined, { grantId: '找不到该任命' });
  }
  assertInDistricts(districts, grant.district_id);
  if (grant.role === 'district_admin' && grant.user_id === ctx.caller!.userId) throw orgErrors.error('ORG_CANNOT_REVOKE_SELF');
  await orgRepository.revokeGrant(ctx.tx, grant.id);
  // Pages opened under the withdrawn role must not stay usable: they log in again and see what they still hold.
  await revokeSessionsOf(ctx.tx, grant.user_id, 'role_revoked', ctx.clock.now());
  return { grantId: grant.id, role: grant.role, userId: grant.user_id };
}
