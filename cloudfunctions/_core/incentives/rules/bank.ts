import type { BankRule } from './rules.schemas';

/** The time-bank minutes a credited service deposits: credited minutes × units per hour (60 = one unit). */
export const bankMinutesFor = (rule: BankRule, creditedMinutes: number): number => Math.max(0, creditedMinutes) * rule.unitsPerHour;

/**
 * Where a deposit goes under the cap (南京): what would take the account above capMinutes goes to the
 * community's bank; without a cap it all goes to the account.
 */
export function splitDeposit(rule: BankRule, heldMinutes: number, minutes: number): { toAccount: number; toCommunity: number } {
  if (rule.capMinutes === null) return { toAccount: minutes, toCommunity: 0 };
  const room = Math.max(0, rule.capMinutes - heldMinutes);
  const toAccount = Math.min(minutes, room);
  return { toAccount, toCommunity: minutes - toAccount };
}

/** 90 minutes as 1.5 小时, or under 长沙's rule (6 per hour) 540 minutes as 9 时间币. */
export const bankAmountText = (rule: Pick<BankRule, 'unitName'>, minutes: number) =>
  `${Math.round((minutes / 60) * 100) / 100}${rule.unitName === '小时' ? '小时' : '个时间币'}`;
