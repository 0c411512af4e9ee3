import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { authErrors } from '../auth/auth.errors';
import { checkSessionToken } from '../auth/session-token';
import { loadConfig, type AppConfig } from '../config/config';
import { getDatabase, getReadDatabase } from '../db/database-context';
import type { Executor } from '../db/database';
import type { FileStore } from '../files/file-store';
import { localFileStore } from '../files/local-file-store';
import { filesOfCall } from '../files/transaction-files';
import type { DatabaseTarget } from '../db/open-database';
import { DomainError, commonErrors } from '../shared/domain-error';
import { failure, success, type Envelope, type ErrorBody } from '../shared/envelope';
import { parseInput } from '../shared/fields';
import { systemClock, type Clock } from '../shared/clock';
import type { ActionTable, PrepareContext } from './action';
import { loadCaller, loadSessionCaller, type Caller } from './caller';
import { clientAddressOf } from './client-address';

const EventSchema = z.object({
  action: z.string({ error: '缺少 action（要执行的操作）' }).min(1, '缺少 action（要执行的操作）'),
  data: z.unknown().optional(),
  /** Session token for callers outside WeChat (the gateway puts the Authorization header here). */
  token: z.string().optional(),
});

export interface Platform {
  /** The caller's openid inside WeChat cloud; undefined elsewhere. */
  wxOpenId?: () => string | undefined;
  /** The phone behind a WeChat `getPhoneNumber` code; undefined outside WeChat. */
  wxPhoneNumber?: PrepareContext['wxPhoneNumber'];
  /** Cloud storage inside WeChat cloud; undefined elsewhere (the local folder). */
  files?: () => FileStore | undefined;
  clock?: Clock;
}

/** A cloud-function instance runs one call at a time unless its concurrency is raised; a call holds one connection at a time. */
export const CLOUD_FUNCTION_POOL_SIZE = 2;

export const databaseTarget = (config: AppConfig, defaultPoolSize = CLOUD_FUNCTION_POOL_SIZE): DatabaseTarget =>
  config.DATABASE_URL
    ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE ?? defaultPoolSize, pooler: config.DATABASE_POOLER }
    : { kind: 'pglite', dataDir: `${config.DATA_DIR}/pglite` };

/** The replica's own budget: reports are read by few people at a time. */
export const readDatabaseTarget = (config: AppConfig): DatabaseTarget | null =>
  config.DATABASE_URL && config.DATABASE_READ_URL
    ? { kind: 'postgres', url: config.DATABASE_READ_URL, poolSize: config.DATABASE_POOL_SIZE ?? CLOUD_FUNCTION_POOL_SIZE, pooler: config.DATABASE_POOLER }
    : null;

/** Builds a cloud function's `main(event, context)`: parse, identify, one transaction, one use case, one envelope. */
export function createHandler(actions: ActionTable, platform: Platform = {}) {
  return async function main(event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    try {
      const { action, data, token } = parseInput(EventSchema, event, { opaque: ['data'] });
      const definition = Object.hasOwn(actions, action) ? actions[action] : undefined;
      if (!definition) throw commonErrors.error('UNKNOWN_ACTION');
      const input = parseInput(definition.input, data);
      const config = loadConfig();
      const clock = platform.clock ?? systemClock;
      const wxOpenId = platform.wxOpenId?.();
      // What the call stores is removed again unless its transaction commits (files/transaction-files.ts).
      const { files, keep: keepFiles, discard: discardFiles } = filesOfCall(platform.files?.() ?? localFileStore(config.DATA_DIR));
      const clientAddress = clientAddressOf(context, wxOpenId);
      const db = await getDatabase(() => databaseTarget(config));
      const runsOn = (definition.readOnly ? await getReadDatabase(() => readDatabaseTarget(config)) : null) ?? db;
      const claim = claimOfToken(config, clock, token);
      const claimed = { userId: claim?.userId, wxOpenId };
      const prepared = definition.prepare ? await definition.prepare({ db, clock, config, claimed, wxPhoneNumber: platform.wxPhoneNumber }, input) : undefined;
      const kept: ((tx: Executor) => Promise<unknown>)[] = [];
      const keptInPlace: ((tx: Executor) => Promise<unknown>)[] = [];
      const keepOnFailure = (write: (tx: Executor) => Promise<unknown>, options?: { sameTransaction?: boolean }) =>
        void (options?.sameTransaction ? keptInPlace : kept).push(write);
      let refusedInPlace: DomainError | undefined;
      const afterCommit: ((db: Executor) => Promise<unknown>)[] = [];
      const onCommit = (work: (db: Executor) => Promise<unknown>) => void afterCommit.push(work);
      try {
        const discardingFilesOnFailure = <T>(run: () => Promise<T>) => async () => {
          try {
            return await run();
          } catch (error) {
            await discardFiles();
            throw error;
          }
        };
        const result = await withDeadlockRetry(discardingFilesOnFailure(() =>
          runsOn.transaction(async (tx) => {
            kept.length = 0;
            keptInPlace.length = 0;
            refusedInPlace = undefined;
            afterCommit.length = 0;
            const caller = await identify(tx, clock, claim, wxOpenId);
            if (definition.access === 'user' && !caller) throw commonErrors.error('UNAUTHENTICATED');
            if (caller?.mustChangePassword && !definition.openBeforePasswordChange) throw authErrors.error('AUTH_PASSWORD_CHANGE_REQUIRED');
            try {
              return await definition.run({ tx, caller, clock, config, newId: randomUUID, wxOpenId, clientAddress, keepOnFailure, onCommit, files }, input, prepared);
            } catch (error) {
              if (!(error instanceof DomainError) || keptInPlace.length === 0) throw error;
              for (const write of keptInPlace) await write(tx);
              refusedInPlace = error;
              return undefined;
            }
          }),
        ));
        kept.length = 0;
        if (refusedInPlace) {
          await discardFiles();
          return failure(refusedInPlace.toBody());
        }
        keepFiles();
        for (const work of afterCommit) await work(db);
        return success(result);
      } catch (error) {
        // A call that kept losing to others (BUSY_RETRY) was never judged: nothing of it is kept.
        if (error instanceof DomainError && error.code !== 'BUSY_RETRY' && kept.length > 0) {
          await db.transaction(async (tx) => {
            for (const write of kept) await write(tx);
          });
        }
        throw error;
      }
    } catch (error) {
      return failure(toErrorBody(error));
    }
  };
}

type SessionClaim = { sessionId: string; userId: string };

/** The session a token names, checked before any work is spent on the call: a forged or expired token is refused here. */
function claimOfToken(config: AppConfig, clock: Clock, token: string | undefined): SessionClaim | undefined {
  if (!token) return undefined;
  const check = checkSessionToken(token, config.SESSION_SECRET, clock.now());
  if (!check.ok) throw commonErrors.error(check.reason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  return { sessionId: check.sessionId, userId: check.userId };
}

async function identify(tx: Executor, clock: Clock, claim: SessionClaim | undefined, wxOpenId: string | undefined): Promise<Caller | null> {
  if (claim) {
    const session = await loadSessionCaller(tx, claim, clock.now());
    if (!session.found) throw commonErrors.error('UNAUTHENTICATED');
    // Logged out, password changed, role withdrawn, or run out meanwhile: the person logs in again, as after an expiry.
    if (!session.open) throw commonErrors.error('SESSION_EXPIRED');
    return session.caller;
  }
  return wxOpenId ? loadCaller(tx, { wxOpenId }) : null;
}

const PG_DEADLOCK = '40P01';
const PG_SERIALIZATION_FAILURE = '40001';
export const RETRIES_ON_DEADLOCK = 3;
/** The longest pause before a retry; each pause is random so that two victims do not meet again in step. */
const MOST_BACKOFF_MS = 40;

/**
 * A transaction the server chose as a deadlock victim did nothing: run it again, after a short random pause,
 * rather than answer INTERNAL; when it keeps losing, answer BUSY_RETRY, which the caller may simply retry.
 */
async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const pgCode = (error as { code?: string } | null)?.code;
      const retryable = pgCode === PG_DEADLOCK || pgCode === PG_SERIALIZATION_FAILURE;
      if (!retryable) throw error;
      if (attempt > RETRIES_ON_DEADLOCK) throw commonErrors.error('BUSY_RETRY');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * MOST_BACKOFF_MS * attempt));
    }
  }
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_CHECK_VIOLATION = '23514';

/** Domain errors pass through; races the database caught become CONFLICT; anything else is hidden. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return error.toBody();
  const pgCode = (error as { code?: string } | null)?.code;
  if (pgCode === PG_UNIQUE_VIOLATION || pgCode === PG_CHECK_VIOLATION) return commonErrors.error('CONFLICT').toBody();
  console.error('[cloud-function] unexpected error', error);
  return commonErrors.error('INTERNAL').toBody();
}
