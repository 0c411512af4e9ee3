import * as z from 'zod';
import { checkBalances } from '../ledger';
import { requireCaller } from '../runtime/access';
import { grantsOf } from '../runtime/caller';
import type { ActionContext } from '../runtime/action';
import { commonErrors } from '../shared/domain-error';

export const LedgerCheck = z.object({
  accounts: z.number().int().describe('核对的账户数'),
  mismatches: z
    .array(z.object({ accountId: z.string(), purpose: z.string(), cached: z.number().int(), summed: z.number().int() }))
    .describe('缓存余额与明细合计不符的账户（应为空）'),
});

/** 账目核对: every cached balance against the sum of its entries (a district admin's check). */
export async function checkLedger({ tx, caller }: ActionContext): Promise<z.input<typeof LedgerCheck>> {
  if (grantsOf(requireCaller(caller), 'district_admin').length === 0) throw commonErrors.error('FORBIDDEN', '需要区（街道）党（工）委管理员身份');
  const { accounts, mismatches } = await checkBalances(tx);
  return { accounts, mismatches: mismatches.map(({ accountId, purpose, cached, summed }) => ({ accountId, purpose, cached, summed })) };
}
