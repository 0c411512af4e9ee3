/** The messages between the main thread and the thread that runs the embedded engine. */

export type EngineTarget = { kind: 'pglite'; dataDir: string } | { kind: 'pglite-dump'; dump: ArrayBuffer };

export interface EngineStart {
  pgliteEntry: string;
  target: EngineTarget;
  setupSql: string;
}

export type EngineRequest =
  | { type: 'exec'; id: number; bytes: Uint8Array }
  | { type: 'close'; id: number };

export interface EngineError {
  message: string;
  code?: string;
}

export type EngineReply =
  | { type: 'ready' }
  | { type: 'failed'; error: EngineError }
  | { type: 'exec'; id: number; bytes: Uint8Array }
  | { type: 'closed'; id: number }
  | { type: 'error'; id: number; error: EngineError };
