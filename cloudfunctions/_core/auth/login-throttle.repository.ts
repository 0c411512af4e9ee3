import type { Executor } from '../db/database';
import { afterFailure, emptyThrottle, type ThrottleScope, type ThrottleState } from './login-throttle';

type Row = { failures: number; locks: number; last_failure_at: Date | null; locked_until: Date | null };
const toState = (row: Row | undefined): ThrottleState =>
  row ? { failures: row.failures, locks: row.locks, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until } : emptyThrottle();

/** An address that has not logged the phone in for this long is a stranger again. */
const KNOWN_ADDRESS_DAYS = 30;

const SELECT = 'select failures, locks, last_failure_at, locked_until from login_throttle where scope = $1 and key = $2';

export const loginThrottleRepository = {
  find: async (tx: Executor, scope: ThrottleScope, key: string) => toState((await tx.query<Row>(SELECT, [scope, key]))[0]),

  /** Counts one failure under a row lock, so that concurrent failures are all counted. */
  recordFailure: async (tx: Executor, scope: ThrottleScope, key: string, now: Date) => {
    await tx.query('insert into login_throttle (scope, key) values ($1, $2) on conflict do nothing', [scope, key]);
    const [row] = await tx.query<Row>(`${SELECT} for update`, [scope, key]);
    const next = afterFailure(toState(row), scope, now);
    await tx.query(
      'update login_throttle set failures = $3, locks = $4, last_failure_at = $5, locked_until = $6 where scope = $1 and key = $2',
      [scope, key, next.failures, next.locks, next.lastFailureAt, next.lockedUntil],
    );
    return next;
  },

  /** A right password: the phone's run of failures is over (an address's is not: see login-throttle.ts). */
  clearPhone: (tx: Executor, phone: string) => tx.query("delete from login_throttle where scope = 'phone' and key = $1", [phone]),

  isKnownAddress: async (tx: Executor, phone: string, address: string, now: Date) =>
    (await tx.query('select 1 from login_known_addresses where phone = $1 and address = $2 and last_success_at > $3', [
      phone, address, new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000),
    ])).length > 0,

  rememberAddress: (tx: Executor, phone: string, address: string, now: Date) =>
    tx.query(
      `insert into login_known_addresses (phone, address, last_success_at) values ($1, $2, $3)
       on conflict (phone, address) do update set last_success_at = excluded.last_success_at`,
      [phone, address, now],
    ),

  forgetAddress: (tx: Executor, phone: string, address: string) =>
    tx.query('delete from login_known_addresses where phone = $1 and address = $2', [phone, address]),
};
