import fs from 'node:fs';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { EngineError, EngineReply, EngineRequest, EngineStart, EngineTarget } from './pglite-worker-protocol';

type Waiting = { resolve: (reply: EngineReply) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const toError = ({ message, code }: EngineError) => Object.assign(new Error(message), code ? { code } : {});

/**
 * The embedded engine on a thread of its own. Requests are answered in the order they were sent;
 * the thread keeps the process alive only while one is outstanding, as an in-process engine would.
 */
export class EngineThread {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private exited: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: EngineReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('嵌入式数据库线程已退出')));
  }

  static async start(target: EngineTarget, setupSql: string): Promise<EngineThread> {
    const data: EngineStart = { pgliteEntry: require.resolve('@electric-sql/pglite'), target, setupSql };
    const script = workerScript();
    const worker =
      'file' in script
        ? new Worker(script.file, { workerData: data })
        : new Worker(script.code, { eval: true, workerData: data });
    const thread = new EngineThread(worker);
    await new Promise<void>((resolve, reject) => {
      const onReady = (reply: EngineReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'failed') reject(toError(reply.error));
        else return;
        worker.off('message', onReady);
        worker.off('exit', onExit);
      };
      const onExit = () => reject(thread.exited ?? new Error('嵌入式数据库线程启动失败'));
      worker.on('message', onReady);
      worker.once('exit', onExit);
    }).catch(async (error) => {
      await worker.terminate();
      throw error;
    });
    worker.unref();
    return thread;
  }

  async exec(bytes: Uint8Array): Promise<Uint8Array> {
    const reply = await this.request({ type: 'exec', bytes }, [bytes.buffer as ArrayBuffer]);
    return (reply as Extract<EngineReply, { type: 'exec' }>).bytes;
  }

  /** Closes the engine (flushing its data directory) and ends the thread. */
  async close(): Promise<void> {
    if (!this.exited) await this.request({ type: 'close' });
    await this.worker.terminate();
  }

  private request(message: DistributiveOmit<EngineRequest, 'id'>, transfer: ArrayBuffer[] = []): Promise<EngineReply> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  private settle(reply: EngineReply) {
    if (!('id' in reply)) return;
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (reply.type === 'error') waiting.reject(toError(reply.error));
    else waiting.resolve(reply);
  }

  private fail(error: Error) {
    this.exited ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/** The built worker beside the bundle; from the TypeScript sources (tests, tsx) it is compiled once here. */
let compiledWorker: string | undefined;
function workerScript(): { file: string } | { code: string } {
  const built = path.join(__dirname, 'pglite-worker.js');
  if (fs.existsSync(built)) return { file: built };
  if (!compiledWorker) {
    const esbuild = require('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({
      entryPoints: [path.join(__dirname, 'pglite-worker.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    compiledWorker = result.outputFiles[0].text;
  }
  return { code: compiledWorker };
}

// Frontend messages after which the backend answers: pg may write a request in several pieces.
const SYNC = 0x53;
const QUERY = 0x51;
const FLUSH = 0x48;
const COPY_DONE = 0x63;
const COPY_FAIL = 0x66;
const TERMINATE = 0x58;
const ANSWERED_AFTER = new Set([SYNC, QUERY, FLUSH, COPY_DONE, COPY_FAIL, TERMINATE]);

/**
 * A socket for `pg` that carries the wire protocol to the engine thread: pg's own parser reads the
 * answers, so types, prepared statements and errors (message, SQLSTATE code) are those of a server.
 */
export class EngineSocket extends Duplex {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly engine: EngineThread) {
    super();
  }

  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  _read(): void {}

  _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const batch = this.takeAnsweredMessages();
    if (batch) {
      this.engine.exec(batch).then(
        (bytes) => {
          if (bytes.length > 0 && !this.destroyed) this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
        },
        (error: Error) => this.destroy(error),
      );
    }
    callback();
  }

  _final(callback: (error?: Error | null) => void): void {
    this.push(null);
    callback();
  }

  /** The complete messages up to the last one the backend answers, copied out of the pending bytes. */
  private takeAnsweredMessages(): Uint8Array | undefined {
    let offset = 0;
    let answeredUpTo = 0;
    const buffer = this.pending;
    while (true) {
      if (!this.started) {
        // The startup message has no type byte.
        if (buffer.length < 4) break;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) break;
        offset = answeredUpTo = length;
        this.started = true;
        continue;
      }
      if (buffer.length < offset + 5) break;
      const type = buffer[offset];
      const end = offset + 1 + buffer.readInt32BE(offset + 1);
      if (buffer.length < end) break;
      offset = end;
      if (ANSWERED_AFTER.has(type)) answeredUpTo = end;
    }
    if (answeredUpTo === 0) return undefined;
    const batch = new Uint8Array(answeredUpTo);
    batch.set(buffer.subarray(0, answeredUpTo));
    this.pending = buffer.subarray(answeredUpTo);
    return batch;
  }
}
