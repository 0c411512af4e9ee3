import type { Executor } from '../../cloudfunctions/_core/db/database';
import { checkBalances } from '../../cloudfunctions/_core/ledger';

/**
 * Every way the ledger could be wrong, as readable lines (empty when it is right): a cached balance that differs from
 * the sum of its entries, a transaction whose entries do not sum to zero in a unit, an account below zero that may not be.
 */
export async function ledgerProblems(db: Executor): Promise<string[]> {
  const { mismatches } = await checkBalances(db);
  const unbalanced = await db.query<{ id: string; unit: string; total: string }>(
    `select e.transaction_id as id, a.unit, sum(e.amount) as total
       from ledger_entries e join ledger_accounts a on a.id = e.account_id
      group by e.transaction_id, a.unit having sum(e.amount) <> 0`,
  );
  const negative = await db.query<{ id: string; purpose: string; balance: string }>(
    `select id, purpose, balance from ledger_accounts where not allow_negative and balance < 0`,
  );
  return [
    ...mismatches.map((m) => `account ${m.purpose} ${m.accountId}: cached ${m.cached} ≠ entries ${m.summed}`),
    ...unbalanced.map((row) => `transaction ${row.id} sums to ${row.total} ${row.unit}`),
    ...negative.map((row) => `account ${row.purpose} ${row.id} is negative: ${row.balance}`),
  ];
}
