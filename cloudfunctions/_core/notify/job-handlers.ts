import type { Executor } from '../db/database';
import type { AppConfig } from '../config/config';

export interface DueJob {
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  /** Counting this run. */
  attempts: number;
}

export interface JobEnvironment {
  now: Date;
  config: AppConfig;
}

/** Runs one job inside its own transaction; what it writes must be idempotent (it may run again after a crash). */
export type JobHandler = (tx: Executor, job: DueJob, env: JobEnvironment) => Promise<void>;

/** Each part registers its job kinds here (part A the deliveries, reminders and deadlines; part D the 简讯's). */
export const JOB_HANDLERS: Record<string, JobHandler> = {};

/**
 * Runs at every tick before the due jobs: finds what has become due from the domain (orders starting soon, quarters
 * ending, 简讯 late) and plans jobs or notifies. It may run every few minutes forever, so what it writes is idempotent.
 */
export type JobPlanner = (tx: Executor, now: Date) => Promise<void>;

/** Each part registers its planners here. */
export const JOB_PLANNERS: Record<string, JobPlanner> = {};
