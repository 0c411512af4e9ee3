import type { PrepareContext } from '../runtime/action';
import { commonErrors } from '../shared/domain-error';
import { hashPassword } from './password';
import { newPasswordProblem } from './password-rules';

/**
 * A password a person chooses for their own account, refused by 修改密码's rules under its field, then hashed
 * outside the transaction.
 */
export async function hashChosenPassword(env: PrepareContext, password: string, rule: { phone: string; field: string; label: string }) {
  const problem = newPasswordProblem(password, { phone: rule.phone, label: rule.label });
  if (problem) throw commonErrors.error('VALIDATION_FAILED', problem, { [rule.field]: problem });
  return { passwordHash: await hashPassword(password, env.config.PASSWORD_COST) };
}
