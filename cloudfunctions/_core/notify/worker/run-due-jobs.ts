import type { AppConfig } from '../../config/config';
import type { Database, Executor } from '../../db/database';
import { JOB_HANDLERS, type DueJob, type JobHandler } from '../job-handlers';
import type { SubscribeSender } from '../wechat/sender';

export interface RunOptions {
  now: Date;
  /** Written into the lease, so that a job is finished only by the worker that holds it. */
  workerId: string;
  config: AppConfig;
  /** Jobs claimed at once (default 20). */
  limit?: number;
  /** How long a claimed job is this worker's (default 120 s); after it, another worker may run the job again. */
  leaseSeconds?: number;
  handlers?: Record<string, JobHandler>;
  sender?: SubscribeSender;
}

export interface RunCounts {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
  /** Claimed, but its lease ran out and another worker took it over before this one could record the outcome. */
  lost: number;
}

/** The pause before the next attempt after the n-th failed one: 1 min, 5 min, 30 min, then 2 h. */
export const BACKOFF_SECONDS = [60, 300, 1800, 7200] as const;
export const backoffSeconds = (attempts: number) => BACKOFF_SECONDS[Math.min(Math.max(attempts, 1), BACKOFF_SECONDS.length) - 1];

interface ClaimedRow {
  id: string;
  /** bigint, as text. */
  seq: string;
  kind: string;
  job_key: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * Claims the due jobs in one statement (`for update skip locked`: two workers never claim one job) and runs each in a
 * transaction of its own that also marks it done. The claim counts the attempt, so a job whose worker died mid-run
 * is claimed again after its lease with one attempt fewer left. No transaction is held between the claim and the
 * runs, nor across a handler's network call (afterCommit): PGlite has a single connection.
 */
export async function runDueJobs(db: Database, options: RunOptions): Promise<RunCounts> {
  const { now, workerId } = options;
  const handlers = options.handlers ?? JOB_HANDLERS;
  const leaseUntil = new Date(now.getTime() + (options.leaseSeconds ?? 120) * 1000);
  // A job whose last attempt's worker died is given up rather than claimed beyond its attempts.
  await db.query(
    `update jobs set failed_at = $1, locked_by = null, locked_until = null, last_error = coalesce(last_error, 'lease expired on the last attempt')
      where done_at is null and failed_at is null and attempts >= max_attempts and locked_until <= $1`,
    [now],
  );
  const claimed = await db.query<ClaimedRow>(
    `update jobs j set locked_by = $1, locked_until = $2, attempts = j.attempts + 1
       from (select id from jobs
              where done_at is null and failed_at is null and run_at <= $3 and attempts < max_attempts
                and (locked_until is null or locked_until <= $3)
              order by run_at, seq
              limit $4
              for update skip locked) due
      where j.id = due.id
      returning j.id, j.seq, j.kind, j.job_key, j.payload, j.attempts, j.max_attempts`,
    [workerId, leaseUntil, now, options.limit ?? 20],
  );
  const counts: RunCounts = { claimed: claimed.length, done: 0, retried: 0, failed: 0, lost: 0 };
  // UPDATE … RETURNING gives no order: run them in the order they were planned.
  claimed.sort((a, b) => Number(a.seq) - Number(b.seq));
  for (const row of claimed) {
    const outcome = await runOne(db, row, options, handlers);
    counts[outcome]++;
  }
  return counts;
}

type Outcome = 'done' | 'retried' | 'failed' | 'lost';

async function runOne(db: Database, row: ClaimedRow, options: RunOptions, handlers: Record<string, JobHandler>): Promise<Outcome> {
  const { now, workerId } = options;
  const job: DueJob = { id: row.id, kind: row.kind, key: row.job_key, payload: row.payload ?? {}, attempts: row.attempts };
  const later: ((db: Database) => Promise<void>)[] = [];
  try {
    const handler = Object.hasOwn(handlers, row.kind) ? handlers[row.kind] : undefined;
    if (!handler) throw new Error(`no handler for job kind ${row.kind}`);
    const ran = await db.transaction(async (tx) => {
      // Still ours: a lease that ran out meanwhile may have passed the job to another worker.
      const [held] = await tx.query(`select id from jobs where id = $1 and locked_by = $2 and done_at is null for update`, [row.id, workerId]);
      if (!held) return false;
      await handler(tx, job, { now, config: options.config, sender: options.sender, afterCommit: (work) => void later.push(work) });
      if (later.length === 0) await markDone(tx, row.id, workerId, now);
      return true;
    });
    if (!ran) return 'lost';
    for (const work of later) await work(db);
    if (later.length > 0 && !(await markDone(db, row.id, workerId, now))) return 'lost';
    return 'done';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const givesUp = row.attempts >= row.max_attempts;
    if (givesUp) console.error(`[jobs] ${row.kind} ${row.job_key} failed after ${row.attempts} attempts:`, message);
    const recorded = await db.query(
      `update jobs set locked_by = null, locked_until = null, last_error = $3,
              run_at = case when $4 then run_at else $5 end, failed_at = case when $4 then $6::timestamptz end
        where id = $1 and locked_by = $2
        returning id`,
      [row.id, workerId, message.slice(0, 1000), givesUp, new Date(now.getTime() + backoffSeconds(row.attempts) * 1000), now],
    );
    // Another worker holds the job now: its outcome is that worker's to record.
    if (recorded.length === 0) return 'lost';
    return givesUp ? 'failed' : 'retried';
  }
}

/** Marks the job done if this worker still holds it; answers whether it did. */
const markDone = async (tx: Executor, id: string, workerId: string, now: Date) =>
  (await tx.query(`update jobs set done_at = $3, locked_by = null, locked_until = null, last_error = null where id = $1 and locked_by = $2 returning id`, [id, workerId, now])).length > 0;
