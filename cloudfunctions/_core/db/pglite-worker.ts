// The embedded engine's own thread: PGlite runs the whole query on the thread that calls it, so it
// lives here and the main thread's event loop stays free. Built beside each bundle as pglite-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite as PGliteEngine } from '@electric-sql/pglite';
import type { EngineRequest, EngineReply, EngineStart } from './pglite-worker-protocol';

const port = parentPort!;
const start = workerData as EngineStart;

/** What a fresh session must not inherit from the one before it on the engine's single backend. */
const SESSION_RESET = new Uint8Array(queryMessage('ROLLBACK; DEALLOCATE ALL'));

function queryMessage(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const head = Buffer.alloc(5);
  head[0] = 0x51; // 'Q'
  head.writeInt32BE(text.length + 4, 1);
  return Buffer.concat([head, text]);
}

const reply = (message: EngineReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const describe = (error: unknown) => ({ message: error instanceof Error ? error.message : String(error), code: (error as { code?: string })?.code });

async function open(): Promise<PGliteEngine> {
  // Resolved by the main thread: a worker started from an eval'd source has no file to resolve from.
  const { PGlite } = require(start.pgliteEntry) as typeof import('@electric-sql/pglite');
  const engine =
    start.target.kind === 'pglite'
      ? await PGlite.create(start.target.dataDir)
      : await PGlite.create({ loadDataDir: new Blob([start.target.dump]) });
  await engine.exec(start.setupSql);
  return engine;
}

async function serve(engine: PGliteEngine, request: EngineRequest): Promise<void> {
  switch (request.type) {
    case 'exec': {
      // A startup message (first byte 0) opens a new pg connection on the same backend.
      if (request.bytes[0] === 0 && request.bytes.length > 0) await engine.execProtocolRaw(SESSION_RESET);
      const bytes = await engine.execProtocolRaw(request.bytes);
      reply({ type: 'exec', id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'close':
      await engine.close();
      reply({ type: 'closed', id: request.id });
      port.close();
  }
}

const opening = open();
opening.then(
  () => reply({ type: 'ready' }),
  (error) => reply({ type: 'failed', error: describe(error) }),
);

// One request at a time, in arrival order: the engine is a single session.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: EngineRequest) => {
  queue = queue.then(async () => {
    try {
      await serve(await opening, request);
    } catch (error) {
      reply({ type: 'error', id: request.id, error: describe(error) });
    }
  });
});
