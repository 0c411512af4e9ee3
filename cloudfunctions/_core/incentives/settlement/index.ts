import type { Database, Executor } from '../../db/database';
import { balanceOf, userAccount } from '../../ledger';
import type { ActionTable } from '../../runtime';
import { incentiveRulesOf, starStanding, type IncentiveRules, type StarStanding } from '../rules';
import { settleSource } from './settle-source';
import { settlementRepository } from './settlement.repository';

export { settleSource };
export { monthDay } from './source-targets';

const isDatabase = (db: Executor): db is Database => typeof (db as Partial<Database>).transaction === 'function';

export interface SettleOptions {
  sourceRefs?: string[];
  /** Only the sources a member's balance waits on. */
  memberId?: string;
  /** Only the sources of these districts' members. */
  districtIds?: string[];
  limit?: number;
  /** The newest first: what the call just committed queued (the drain after a call). */
  newestFirst?: boolean;
  at?: Date;
}

/**
 * Brings the ledger in line with the records: takes queued sources (points and time-bank deposits), each settled in a
 * transaction of its own when `db` is the database, or inside the caller's transaction when it is one. Sources
 * another settler holds are skipped. Answers how many were settled.
 */
export async function settleQueued(db: Executor, options: SettleOptions = {}): Promise<number> {
  const refs = await settlementRepository.queuedRefs(db, { ...options, limit: options.limit ?? 500 });
  let settled = 0;
  for (const ref of refs) {
    const settleOne = async (tx: Executor) => {
      if (!(await settlementRepository.take(tx, ref))) return false;
      await settleSource(tx, ref, options.at ?? new Date());
      await settlementRepository.done(tx, ref);
      return true;
    };
    if (await (isDatabase(db) ? db.transaction(settleOne) : settleOne(db))) settled += 1;
  }
  return settled;
}

/** Settles what one member's balances wait on (call it before reading them). */
export const settleMember = (db: Executor, memberId: string, at?: Date) => settleQueued(db, { memberId, at, limit: 10_000 });

export interface MemberIncentiveSummary {
  points: number;
  stars: StarStanding;
  bankMinutes: number;
  rules: IncentiveRules;
}

/** 我的激励: a member's points, 星级 (over every credited record, scanned or entered by hand) and banked minutes. */
export async function memberIncentiveSummary(tx: Executor, memberId: string, today: string): Promise<MemberIncentiveSummary> {
  const place = await settlementRepository.communityOfMember(tx, memberId);
  if (!place) throw new Error(`${memberId} is not a member`);
  const rules = await incentiveRulesOf(tx, place.districtId);
  const points = await balanceOf(tx, userAccount(memberId, 'points'));
  const bankMinutes = await balanceOf(tx, userAccount(memberId, 'time_bank'));
  const services = await settlementRepository.creditedServices(tx, memberId);
  return { points, bankMinutes, stars: starStanding(rules.stars, services, today), rules };
}

/**
 * The record-writing actions of a function, each draining the settlement queue after its commit so that points follow
 * at once. A failure there is logged and never fails the call: the queue keeps the source for the next read.
 */
export function settlingAfterCommit(actions: ActionTable, names: string[]): ActionTable {
  const wrapped: ActionTable = { ...actions };
  for (const name of names) {
    const definition = actions[name];
    if (!definition) throw new Error(`no action ${name} to settle after`);
    wrapped[name] = {
      ...definition,
      run: (ctx, input, prepared) => {
        ctx.onCommit((db) => settleQueued(db, { limit: 50, newestFirst: true }).catch((error) => console.error('[settlement] after commit', error)));
        return definition.run(ctx, input, prepared);
      },
    };
  }
  return wrapped;
}
