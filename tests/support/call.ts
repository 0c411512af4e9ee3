import type { Envelope } from '../../cloudfunctions/_core/shared/envelope';
import type { TestUser } from './fixtures';

export type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/** Calls a cloud function's real entry point as `user` would. */
export const call = (main: Main, action: string, data: unknown, user?: TestUser) =>
  main({ action, data, ...(user ? { token: user.token } : {}) }, {});

/** The data of a successful answer; fails the test with the error otherwise. */
export async function ok<T = any>(answer: Promise<Envelope<unknown>> | Envelope<unknown>): Promise<T> {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(`expected success, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}

/** The error of a failed answer; fails the test if it succeeded. */
export async function failed(answer: Promise<Envelope<unknown>> | Envelope<unknown>) {
  const envelope = await answer;
  if (envelope.ok) throw new Error(`expected an error, got success: ${JSON.stringify(envelope.data).slice(0, 300)}`);
  return envelope.error;
}

/**
 * A refusal that writes nothing: the error has `code` and a message in Chinese, and `state()` reads the same after the
 * call as before it (`act` makes the call only once the first read is done).
 */
export async function refusedUnchanged(state: () => Promise<unknown>, act: () => Promise<Envelope<unknown>>, code: string) {
  const before = await state();
  const error = await failed(act());
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await state()).toEqual(before);
  return error;
}

export const inMinutes = (minutes: number, from = new Date()) => new Date(from.getTime() + minutes * 60_000).toISOString();
