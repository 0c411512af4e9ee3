import type { Database, Executor } from '../db/database';
import type { AppConfig } from '../config/config';
import type { SubscribeSender } from './wechat/sender';

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
  /** Sends a WeChat subscribe message; absent outside WeChat cloud (and in runs that only use the inbox). */
  sender?: SubscribeSender;
  /**
   * Work for after the job's transaction commits, outside any transaction (a network call): the job counts as done
   * only once it has finished; if it throws, the job is retried with back-off like a handler that threw.
   */
  afterCommit?: (work: (db: Database) => Promise<void>) => void;
}

/** Runs one job inside its own transaction; what it writes must be idempotent (it may run again after a crash). */
export type JobHandler = (tx: Executor, job: DueJob, env: JobEnvironment) => Promise<void>;

/**
 * Runs at every tick before the due jobs: finds what has become due from the domain (orders starting soon, quarters
 * ending, 简讯 late) and plans jobs or notifies. It may run every few minutes forever, so what it writes is idempotent.
 */
export type JobPlanner = (tx: Executor, now: Date) => Promise<void>;

// Part A: the WeChat channel's delivery. The import come after the types above, which
// the handler's own module imports back.
import { deliverToWechat } from './wechat/deliver';

/** Each part registers its job kinds here (part A the deliveries, reminders and deadlines; part D the 简讯's). */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  'wechat.deliver': deliverToWechat,
  // Part A: one community's 本季度尚无服务 notices, planned by JOB_PLANNERS.quarterWithoutService.
  'notify.quarter_without_service': (tx, job, env) => require('./planners/quarter-without-service').notifyQuarterWithoutService(tx, job, env),
};

/** Each part registers its planners here. */
export const JOB_PLANNERS: Record<string, JobPlanner> = {
  // Part D: 活动简讯 due within a working day, or overdue.
  briefDeadline: (tx, now) => require('../orders/briefs/brief-deadline').planBriefDeadlines(tx, now),
  // Part B: 请评价 for a need's order that a last scan completed inside the database.
  pleaseRate: (tx, now) => require('./events').planPleaseRate(tx, now),
  // Part A: the reminders before an order starts (the evening before, and the lead minutes before).
  orderReminders: (tx, now) => require('./planners/order-reminders').planOrderReminders(tx, now),
  // Part A: 本季度尚无服务 from the 1st of the quarter's last month, and 季报表 due on the 21st and the 27th.
  quarterWithoutService: (tx, now) => require('./planners/quarter-without-service').planQuarterWithoutService(tx, now),
  quarterlyReportDue: (tx, now) => require('./planners/quarterly-report-due').planQuarterlyReportDue(tx, now),
};
