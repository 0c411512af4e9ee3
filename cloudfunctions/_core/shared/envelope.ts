export interface ErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** The one answer shape of every cloud function. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const success = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const failure = (error: ErrorBody): Envelope<never> => ({ ok: false, error });
