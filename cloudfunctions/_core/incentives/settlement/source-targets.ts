import { createHash } from 'node:crypto';
import { organisationAccount, userAccount, type PostingLine } from '../../ledger';
import { bankAmountText, bankMinutesFor, hoursText, pointsForAdoptedSuggestion, pointsForService, type IncentiveRules } from '../rules';
import type { RecordFacts, SuggestionFacts } from './settlement.repository';

/** The two kinds of transaction a source settles into: its 积分, and the hours it banks. */
export type SettledKind = 'points_award' | 'bank_deposit';

/**
 * What a source should hold in the ledger now, before the cap splits a deposit. `value` names everything the posted
 * lines depend on: when it is unchanged, nothing is posted again.
 */
export type SourceTarget =
  | { kind: 'points_award'; value: string; memo: string; lines: PostingLine[] }
  | { kind: 'bank_deposit'; value: string; memo: string; memberId: string; communityId: string; districtId: string; minutes: number };

export const digestOf = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

/** 4月3日 from 2026-04-03. */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * A record's targets: only a credited record earns. Points follow the district's rule (hand-entered hours only if it
 * says so); every credited minute banks, scanned or entered by hand, since the bank deposits credited hours.
 */
export function recordTargets(record: RecordFacts, rules: IncentiveRules): SourceTarget[] {
  if (record.status !== 'credited' || record.minutesCredited <= 0) return [];
  const targets: SourceTarget[] = [];
  const valued = pointsForService(rules.points, {
    category: record.category,
    minutesCredited: record.minutesCredited,
    handEntered: record.source === 'manual',
    residentRating: record.residentRating,
    organisationRating: record.organisationRating,
    concentrated: record.concentrated,
  });
  const what = `${monthDay(record.serviceDate)} ${record.category} ${hoursText(record.minutesCredited)}小时`;
  if (valued.total > 0) {
    targets.push({
      kind: 'points_award',
      value: `points:${record.memberId}:${record.districtId}:${valued.total}`,
      memo: `${what}：${valued.parts.filter((part) => part.points > 0).map((part) => `${part.label} ${part.points}分`).join('，')}，共${valued.total}分`,
      lines: [
        { account: userAccount(record.memberId, 'points'), amount: valued.total },
        { account: organisationAccount(record.districtId, 'points_issued'), amount: -valued.total },
      ],
    });
  }
  const minutes = bankMinutesFor(rules.bank, record.minutesCredited);
  if (minutes > 0) {
    targets.push({
      kind: 'bank_deposit',
      value: `bank:${record.memberId}:${record.certifyingOrgId}:${record.districtId}:${minutes}`,
      memo: `${what}，存入${bankAmountText(rules.bank, minutes)}`,
      memberId: record.memberId,
      communityId: record.certifyingOrgId,
      districtId: record.districtId,
      minutes,
    });
  }
  return targets;
}

/** An adopted suggestion earns the rule's points once. */
export function suggestionTargets(suggestion: SuggestionFacts, rules: IncentiveRules): SourceTarget[] {
  const points = pointsForAdoptedSuggestion(rules.points);
  if (!suggestion.adopted || points <= 0) return [];
  return [
    {
      kind: 'points_award',
      value: `points:${suggestion.memberId}:${suggestion.districtId}:${points}`,
      memo: `意见建议被采纳（${suggestion.category}），${points}分`,
      lines: [
        { account: userAccount(suggestion.memberId, 'points'), amount: points },
        { account: organisationAccount(suggestion.districtId, 'points_issued'), amount: -points },
      ],
    },
  ];
}
