import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../cloudfunctions/_core/config/config';
import type { Database } from '../cloudfunctions/_core/db/database';
import { tick } from '../cloudfunctions/_core/notify/worker/tick';

/**
 * The gateway's drain of the job queue: a tick every `intervalSeconds`, never two at once (the next is timed from the
 * end of the last). `stop()` waits for a running tick, so the database can then close under no one.
 */
export function startJobWorker(db: Database, config: AppConfig, intervalSeconds: number) {
  const workerId = `gateway:${randomUUID()}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const schedule = () => {
    if (!stopped) timer = setTimeout(run, intervalSeconds * 1000);
  };
  const run = () => {
    running = tick(db, new Date(), { workerId, config })
      .catch((error) => console.error('[jobs] tick failed', error))
      .finally(() => {
        running = undefined;
        schedule();
      });
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
