import type { z } from 'zod';
import type { AppConfig } from '../config/config';
import type { Executor } from '../db/database';
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
   */
  keepOnFailure: (write: (tx: Executor) => Promise<unknown>) => void;
  /** The caller's WeChat identity when the call came through WeChat. */
  wxOpenId?: string;
}

export interface ActionDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  /** Who may call it at all; finer checks (role, scope) are the use case's. */
  access: 'public' | 'user';
  input: I;
  output: O;
  /** Codes this action may answer with, besides the common ones. */
  errors: readonly string[];
  run(ctx: ActionContext, input: z.output<I>): Promise<z.input<O>>;
}

/** Declares one action of a cloud function; keeps input and run in step for the type checker. */
export const defineAction = <I extends z.ZodType, O extends z.ZodType>(definition: ActionDefinition<I, O>) =>
  definition as unknown as ActionDefinition;

export type ActionTable = Record<string, ActionDefinition>;
