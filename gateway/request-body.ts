import type http from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Past the limit the rest is read and dropped, up to this much, so that a client that sends its whole
 * body before it reads (most do) gets the 413 instead of a reset connection.
 */
const MAX_DISCARDED_BYTES = 16 * MAX_BODY_BYTES;

export type RequestBody =
  | { kind: 'text'; text: string }
  /** `drained`: the client finished sending, so the answer can be read before the connection closes. */
  | { kind: 'too_large'; drained: boolean }
  | { kind: 'stalled' }
  | { kind: 'aborted' };

/** Reads a request body of at most 1 MiB; a body that stops arriving for `idleMs` is given up. */
export function readBody(request: http.IncomingMessage, idleMs: number): Promise<RequestBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: RequestBody) => {
      clearTimeout(timer);
      request.removeAllListeners('data');
      resolve(result);
    };
    const waitForMore = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ kind: 'stalled' }), idleMs);
    };
    if (Number(request.headers['content-length']) > MAX_DISCARDED_BYTES) return finish({ kind: 'too_large', drained: false });
    waitForMore();
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DISCARDED_BYTES) return finish({ kind: 'too_large', drained: false });
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
      waitForMore();
    });
    request.on('end', () =>
      finish(size > MAX_BODY_BYTES ? { kind: 'too_large', drained: true } : { kind: 'text', text: Buffer.concat(chunks).toString('utf8') }),
    );
    request.on('error', () => finish({ kind: 'aborted' }));
    request.on('close', () => finish({ kind: 'aborted' }));
  });
}
