import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/database';

export interface JobRequest {
  kind: string;
  /** The job's identity: the same key enqueued twice is one job (a reminder planned by two paths runs once). */
  key: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
}

/** Puts work on the queue inside the caller's transaction, so that it exists exactly when what caused it commits. */
export async function enqueueJob(tx: Executor, job: JobRequest, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `insert into jobs (id, kind, job_key, payload, run_at, max_attempts, created_at)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7)
     on conflict (job_key) do nothing
     returning id`,
    [randomUUID(), job.kind, job.key, JSON.stringify(job.payload ?? {}), job.runAt, job.maxAttempts ?? 5, at],
  );
  return rows.length > 0;
}
