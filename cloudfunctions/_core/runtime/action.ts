import type { z } from 'zod';
import type { AppConfig } from '../config/config';
import type { Executor } from '../db/database';
import type { FileStore } from '../files/file-store';
import type { Clock } from '../shared/clock';
import type { Caller } from './caller';

export interface ActionContext {
  tx: Executor;
  caller: Caller | null;
  clock: Clock;
  config: AppConfig;
  newId: () => string;
  /**
   * Writes that must outlive a refusal: the transaction rolls back on a domain error, then these run
   * in a transaction of their own (a refused scan is kept for the secretary, though nothing else is).
   * `sameTransaction`: the refusal came before the call wrote anything, so the write is made in the call's own
   * transaction, which then commits with only it: one round trip rather than a second transaction.
   */
  keepOnFailure: (write: (tx: Executor) => Promise<unknown>, options?: { sameTransaction?: boolean }) => void;
  /**
   * Work for after the commit, outside any transaction (a text message to send): it holds no database session
   * while it waits on the network, and a transaction retried after a deadlock does not do it twice. A domain
   * error it throws becomes the call's answer; what the transaction wrote stays, so it undoes its own part.
   */
  onCommit: (work: (db: Executor) => Promise<unknown>) => void;
  /** The caller's WeChat identity when the call came through WeChat. */
  wxOpenId?: string;
  /** Where the call came from (runtime/client-address.ts), for the login throttle. */
  clientAddress?: string;
  /**
   * Where uploaded files are kept: cloud storage inside WeChat, DATA_DIR/files elsewhere (files/). What the call puts
   * there is removed again if its transaction does not commit.
   */
  files: FileStore;
}

/** What slow work before the transaction may use: no transaction, no caller (it is not yet known). */
export interface PrepareContext {
  /** Single statements outside any transaction, each holding a database session only while it runs. */
  db: Executor;
  /** Inside WeChat: the phone WeChat vouches for behind a `getPhoneNumber` button's code (a network call, so never in a transaction). */
  wxPhoneNumber?: (code: string) => Promise<WechatPhone | undefined>;
  clock: Clock;
  config: AppConfig;
  /** Who the call says it is from: a well-signed token's user, or the WeChat openid; the database has not confirmed it yet. */
  claimed: { userId?: string; wxOpenId?: string };
}

export interface WechatPhone {
  phone: string;
  countryCode: string;
}

export interface ActionDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, P = undefined> {
  summary: string;
  /** Who may call it at all; finer checks (role, scope) are the use case's. */
  access: 'public' | 'user';
  input: I;
  output: O;
  /** Codes this action may answer with, besides the common ones. */
  errors: readonly string[];
  /** Open to a caller who must still change an initial password (the password change itself, logout, login). */
  openBeforePasswordChange?: boolean;
  /**
   * Writes nothing (no access log either): with DATABASE_READ_URL set it runs on the read replica, which may lag the
   * primary by the replication delay. Only for reports, whose figures a second's lag does not change.
   */
  readOnly?: boolean;
  /**
   * CPU-heavy work (a password hash) done before the transaction opens, so that it holds no database
   * session: PGlite has only one, and every other caller would wait. Its result is `run`'s third argument.
   */
  prepare?(env: PrepareContext, input: z.output<I>): Promise<P>;
  run(ctx: ActionContext, input: z.output<I>, prepared: P): Promise<z.input<O>>;
}

/** Declares one action of a cloud function; keeps input and run in step for the type checker. */
export const defineAction = <I extends z.ZodType, O extends z.ZodType, P = undefined>(definition: ActionDefinition<I, O, P>) =>
  definition as unknown as ActionDefinition<z.ZodType, z.ZodType, unknown>;

export type ActionTable = Record<string, ActionDefinition<z.ZodType, z.ZodType, unknown>>;
