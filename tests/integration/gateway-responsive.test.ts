import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { slowRead } from '../../bench/event-loop';
import { timed } from '../../bench/measure';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { createGatewayServer, listen } from '../../gateway/http-server';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// Timed by nature (issue 12, item 4). The slow read lasts seconds; each kind of answer must come within
// 100 ms in the median of several rounds and within 1 s every time, so a loaded 2-core machine cannot make
// it flake, while an engine on the main thread holds the first answer for the whole read.
const SLOW_READ_MS = 5_000;
const ROUNDS = 5;
const MEDIAN_WITHIN_MS = 100;
const EACH_WITHIN_MS = 1_000;

const timerLateness = (ms: number) =>
  new Promise<number>((resolve) => {
    const due = performance.now() + ms;
    setTimeout(() => resolve(performance.now() - due), ms);
  });

describe('the gateway while the embedded engine runs a slow read', () => {
  let db: Database;
  let server: http.Server;
  let base: string;
  let community: TestCommunity;
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-responsive-h5-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>党员义工</title>');
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'RSP', { members: 1, residents: 0 });
    server = createGatewayServer({ functions: cloudFunctions, staticDir });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  /** Three requests that need no database: the health check, a file of the H5 app, an action refused on its input. */
  const answers = async () => ({
    health: await timed(async () => expect((await fetch(`${base}/healthz`)).status).toBe(200)),
    page: await timed(async () => expect(await (await fetch(`${base}/index.html`)).text()).toContain('党员义工')),
    refusal: await timed(async () => {
      const response = await fetch(`${base}/api/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'accept', data: {} }) });
      expect((await response.json()).ok).toBe(false);
    }),
  });

  it('should keep timers, the health check, static files and refusals that need no database within 100 ms', async () => {
    await answers(); // the first call of each path loads and compiles its code
    const readStarted = performance.now();
    let readEnded = Infinity;
    const read = slowRead(db, SLOW_READ_MS).then((rows) => {
      readEnded = performance.now();
      return rows;
    });
    const rounds: Record<string, number>[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // The first timer is due while the statement is on its way to the engine, the others while it runs.
      rounds.push({ timerLateness: await timerLateness(200), ...(await answers()) });
    }
    const answeredAt = performance.now();

    const [row] = await read;
    expect(row.n).toBeGreaterThan(0);
    const slow = Object.keys(rounds[0]).flatMap((kind) => {
      const figures = rounds.map((figures) => figures[kind]);
      const median = [...figures].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
      return median >= MEDIAN_WITHIN_MS || Math.max(...figures) >= EACH_WITHIN_MS ? [{ kind, figures: figures.map(Math.round) }] : [];
    });
    expect(slow).toEqual([]);
    // Everything above was answered while the read was still running, and the read really was slow.
    expect(answeredAt).toBeLessThan(readEnded);
    expect(readEnded - readStarted).toBeGreaterThanOrEqual(SLOW_READ_MS - 50);
  });

  // PGlite is one session: a statement cannot be interrupted, so an action that needs the database waits for
  // the slow read however short it is. What the thread gives it is to be answered as soon as the read ends,
  // not after a backlog of the gateway's other work. The server runs it on another connection at once.
  it('should answer a short database action during the slow read on the server, and as soon as the read ends on PGlite', async () => {
    const me = () => fetch(`${base}/api/auth`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${community.members[0].token}` }, body: JSON.stringify({ action: 'me', data: {} }) });
    expect((await (await me()).json()).ok).toBe(true);
    let readEnded = 0;
    const read = slowRead(db, 2_000).then(() => (readEnded = performance.now()));
    await timerLateness(100);
    const sentAt = performance.now();
    const answeredAt = await Promise.all(
      Array.from({ length: 5 }, async () => {
        expect((await (await me()).json()).ok).toBe(true);
        return performance.now();
      }),
    );
    await read;
    const waited = answeredAt.map((at) => Math.round(at - (db.engine === 'pglite' ? readEnded : sentAt)));
    if (db.engine === 'pglite') expect(waited.every((ms) => ms >= 0)).toBe(true);
    else expect(answeredAt.every((at) => at < readEnded)).toBe(true);
    // They run one after another: the first is answered at once, the others each a transaction later.
    expect(Math.min(...waited)).toBeLessThan(MEDIAN_WITHIN_MS);
    expect(waited.filter((ms) => ms >= EACH_WITHIN_MS)).toEqual([]);
  });
});
