import type { AppConfig } from '../../config/config';
import type { Database } from '../../db/database';
import { JOB_PLANNERS, type JobHandler, type JobPlanner } from '../job-handlers';
import type { SubscribeSender } from '../wechat/sender';
import { runDueJobs, type RunCounts } from './run-due-jobs';

export interface TickOptions {
  workerId: string;
  config: AppConfig;
  sender?: SubscribeSender;
  /** Stop claiming new batches after this long (default 15 s: the timer function has 20 s). */
  budgetMs?: number;
  /** Jobs per batch (default 20). */
  batchLimit?: number;
  leaseSeconds?: number;
  planners?: Record<string, JobPlanner>;
  handlers?: Record<string, JobHandler>;
}

export interface TickCounts extends RunCounts {
  planners: number;
  plannerFailures: string[];
}

/**
 * One round of the queue: every planner (each in its own transaction; one that fails is logged and the others still
 * run), then batches of due jobs until none is due or the time budget is spent. `now` is the rules' time; the budget
 * is measured on the process's monotonic clock.
 */
export async function tick(db: Database, now: Date, options: TickOptions): Promise<TickCounts> {
  const started = performance.now();
  const budgetMs = options.budgetMs ?? 15_000;
  const counts: TickCounts = { planners: 0, plannerFailures: [], claimed: 0, done: 0, retried: 0, failed: 0, lost: 0 };
  for (const [name, planner] of Object.entries(options.planners ?? JOB_PLANNERS)) {
    try {
      await db.transaction((tx) => planner(tx, now));
      counts.planners++;
    } catch (error) {
      console.error(`[jobs] planner ${name} failed`, error);
      counts.plannerFailures.push(name);
    }
  }
  while (performance.now() - started < budgetMs) {
    const batch = await runDueJobs(db, { now, workerId: options.workerId, config: options.config, sender: options.sender, limit: options.batchLimit, leaseSeconds: options.leaseSeconds, handlers: options.handlers });
    counts.claimed += batch.claimed;
    counts.done += batch.done;
    counts.retried += batch.retried;
    counts.failed += batch.failed;
    counts.lost += batch.lost;
    if (batch.claimed === 0) break;
  }
  return counts;
}
