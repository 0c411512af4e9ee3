import type { Executor } from '../../db/database';
import { passbook, type AccountKey, type PassbookLine } from '../../ledger';
import { bankAmountText, type BankRule } from '../rules';

interface TransactionFacts {
  id: string;
  created_by_name: string | null;
  lines: { ownerKind: string; ownerId: string; purpose: string; amount: number; name: string | null }[];
  service_date: string | null;
  category: string | null;
}

export interface PassbookEntry {
  entryId: number;
  at: string;
  summary: string;
  amount: number;
  balanceAfter: number;
}

const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The people, the record and every line of each transaction, to say in a line of the 存折 what it was. */
async function factsOf(tx: Executor, transactionIds: string[]): Promise<Map<string, TransactionFacts>> {
  if (transactionIds.length === 0) return new Map();
  const rows = await tx.query<TransactionFacts>(
    `select t.id, cu.name as created_by_name,
            (select json_agg(json_build_object('ownerKind', a.owner_kind, 'ownerId', a.owner_id, 'purpose', a.purpose, 'amount', e.amount, 'name', u.name) order by e.id)
               from ledger_entries e join ledger_accounts a on a.id = e.account_id left join users u on a.owner_kind = 'user' and u.id = a.owner_id
              where e.transaction_id = t.id) as lines,
            to_char(r.service_date, 'YYYY-MM-DD') as service_date, o.category
       from ledger_transactions t
       left join users cu on cu.id = t.created_by
       left join service_records r on t.source_ref like 'record:%' and r.id::text = substr(t.source_ref, 8)
       left join orders o on o.id = r.order_id
      where t.id = any($1::uuid[])`,
    [transactionIds],
  );
  return new Map(rows.map((row) => [row.id, { ...row, lines: row.lines.map((line) => ({ ...line, amount: Number(line.amount) })) }]));
}

const personOf = (facts: TransactionFacts | undefined) => facts?.lines.find((line) => line.ownerKind === 'user')?.name ?? facts?.created_by_name ?? '';

/** A member's or resident's line: 「存入：4月3日 助老服务 2小时」, 「转赠给 母亲 王某某」, 「核减（记录更正）」… */
function personalSummary(line: PassbookLine, facts: TransactionFacts | undefined, rule: BankRule): string {
  const amount = bankAmountText(rule, Math.abs(line.amount));
  if (line.reversesId) {
    const why = facts?.service_date ? (line.memo.startsWith('变更后') ? '记录更正' : '记录不再计入') : line.memo || '冲正';
    return line.amount < 0 ? `核减（${why}）` : `冲正退回（${why}）`;
  }
  const overflow = facts?.lines.find((other) => other.purpose === 'community_bank' && other.amount > 0)?.amount ?? 0;
  const overflowText = overflow > 0 ? `；超出上限 ${bankAmountText(rule, overflow)}捐入社区` : '';
  switch (line.kind) {
    case 'hold':
      return line.memo.replace(/^预留：/, '使用：');
    case 'spend':
      return `${line.memo.replace(/^使用：/, '结算：')}，未用的${amount}退回`;
    case 'release':
      return line.memo;
    case 'gift':
      return line.amount < 0 ? line.memo : `收到 ${facts?.created_by_name ?? ''} 转赠${overflowText}`;
    case 'donate':
      return '捐赠给社区';
    case 'grant':
      return '社区时间银行发放';
    case 'write_off':
      return line.memo;
    case 'expire':
      return `到期（${line.memo}）`;
    default:
      if (facts?.service_date && line.amount > 0) return `存入：${monthDay(facts.service_date)} ${facts.category ?? ''} ${amount}${overflowText}`.replace('  ', ' ');
      return line.memo || (line.amount > 0 ? '存入' : '支出');
  }
}

/** The community bank's line: who donated, to whom it was granted and why. */
function communitySummary(line: PassbookLine, facts: TransactionFacts | undefined): string {
  const person = personOf(facts);
  if (line.reversesId) return `冲正（${person}）`;
  switch (line.kind) {
    case 'donate':
      return `${person} 捐赠`;
    case 'grant':
      return `发放给 ${person}：${line.memo}`;
    case 'gift':
      return `${facts?.lines.find((other) => other.ownerKind === 'user' && other.amount > 0)?.name ?? person} 获赠超出上限 捐入社区`;
    default:
      return facts?.service_date ? `${person} 超出上限 捐入社区（${monthDay(facts.service_date)}服务）` : line.memo || `${person} 存入`;
  }
}

/** A page of an account's 存折, newest first, each line saying what it was. */
export async function passbookPage(
  tx: Executor,
  account: AccountKey,
  options: { limit: number; beforeEntryId?: number; rule: BankRule; view: 'personal' | 'community' },
): Promise<{ lines: PassbookEntry[]; nextBefore: number | null }> {
  const lines = await passbook(tx, account, { limit: options.limit + 1, beforeEntryId: options.beforeEntryId });
  const page = lines.slice(0, options.limit);
  const facts = await factsOf(tx, [...new Set(page.map((line) => line.transactionId))]);
  return {
    lines: page.map((line) => ({
      entryId: line.entryId,
      at: line.at.toISOString(),
      summary:
        options.view === 'personal'
          ? personalSummary(line, facts.get(line.transactionId), options.rule)
          : communitySummary(line, facts.get(line.transactionId)),
      amount: line.amount,
      balanceAfter: line.balanceAfter,
    })),
    nextBefore: lines.length > options.limit ? page[page.length - 1].entryId : null,
  };
}

