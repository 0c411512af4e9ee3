import { defineErrors } from '../shared/domain-error';

export const ledgerErrors = defineErrors({
  LEDGER_INSUFFICIENT: '余额不足',
  LEDGER_UNBALANCED: '账目不平：一笔交易的各项合计必须为零',
  LEDGER_ALREADY_REVERSED: '这笔交易已经冲正过，不能再次冲正',
  LEDGER_KEY_REUSED: '同一个请求编号已用于另一笔不同的交易',
});
