import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { useDatabase } from '../../cloudfunctions/_core/db/database-context';
import type { FileStore } from '../../cloudfunctions/_core/files';
import { orderActions } from '../../cloudfunctions/_core/orders';
import * as z from 'zod';
import { createHandler, defineAction } from '../../cloudfunctions/_core/runtime';
import { DomainError } from '../../cloudfunctions/_core/shared/domain-error';
import { demoPhotoPng } from '../../gateway/demo-photo';
import { addActivity } from '../support/assessment-fixtures';
import { call, failed, ok } from '../support/call';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// The local file store writes under DATA_DIR/files: a folder of this suite's own (config is read on the first call).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-file-rollback-'));
process.env.DATA_DIR = dataDir;

let db: Database;
let place: TestCommunity;

beforeAll(async () => {
  db = await openSuiteDatabase();
  place = await buildCommunity(db, '存档', { members: 1, residents: 0 });
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function filesOnDisk(): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
}
const photoRows = async (orderId: string) => db.query<{ store_ref: string }>(`select store_ref from activity_brief_photos where order_id = $1`, [orderId]);

const finishedActivity = () => addActivity(db, { communityId: place.communityId, startsAt: '2026-03-02T09:00:00+08:00', createdBy: place.secretary.id });
const uploadData = (orderId: string) => ({ orderId, fileName: 'photo.png', dataBase64: demoPhotoPng().toString('base64') });

/**
 * Makes the cloud functions' transactions fail as their COMMIT would (the work ran, then the transaction is rolled
 * back with an error): every one while `failing` says so, with `code` as the server's error code.
 */
function failCommits(failing: () => boolean, code?: string) {
  useDatabase({
    ...db,
    transaction: (run) =>
      db.transaction(async (tx) => {
        const value = await run(tx);
        if (failing()) throw Object.assign(new Error('could not commit'), code ? { code } : {});
        return value;
      }),
  } as Database);
}

/** A cloud storage that keeps what it was given, by reference. */
function cloudStore() {
  const kept = new Map<string, Buffer>();
  let serial = 0;
  const store: FileStore = {
    put: async (_key, bytes) => {
      const ref = `cloud://env/${++serial}`;
      kept.set(ref, bytes);
      return ref;
    },
    remove: async (ref) => void kept.delete(ref),
    urlsOf: async (refs) => refs.map((ref) => `https://tmp/${ref}`),
    read: async (ref) => kept.get(ref)!,
    readUpload: async () => undefined,
    removeUpload: async () => undefined,
  };
  return { store, kept };
}

describe('a file stored by a call whose transaction does not commit', () => {
  afterEach(() => useDatabase(db));

  test('the local store: the photo stored for a 简讯 is removed again, no row, when the commit fails', async () => {
    const orderId = await finishedActivity();
    failCommits(() => true);
    const error = await failed(call(orders, 'uploadBriefPhoto', uploadData(orderId), place.secretary));
    expect(error.code).toBe('INTERNAL');
    useDatabase(db);
    expect(await photoRows(orderId)).toEqual([]);
    expect(filesOnDisk()).toEqual([]);
    // The same upload committed keeps its file.
    const photo = await ok(call(orders, 'uploadBriefPhoto', uploadData(orderId), place.secretary));
    expect(filesOnDisk()).toEqual([path.basename(photo.url)]);
  });

  test('cloud storage: a deadlock victim retried keeps only the file of the attempt that committed', async () => {
    const orderId = await finishedActivity();
    const cloud = cloudStore();
    const wxOrders = createHandler(orderActions, { files: () => cloud.store });
    let attempts = 0;
    failCommits(() => ++attempts === 1, '40P01');
    const photo = await ok(call(wxOrders, 'uploadBriefPhoto', uploadData(orderId), place.secretary));
    expect(attempts).toBe(2);
    useDatabase(db);
    const rows = await photoRows(orderId);
    expect(rows).toHaveLength(1);
    expect([...cloud.kept.keys()]).toEqual([rows[0].store_ref]);
    expect(photo.url).toBe(`https://tmp/${rows[0].store_ref}`);
  });

  test('cloud storage: nothing is left when every attempt fails', async () => {
    const orderId = await finishedActivity();
    const cloud = cloudStore();
    const wxOrders = createHandler(orderActions, { files: () => cloud.store });
    failCommits(() => true);
    await failed(call(wxOrders, 'uploadBriefPhoto', uploadData(orderId), place.secretary));
    expect(cloud.kept.size).toBe(0);
  });

  test('a refusal after the put, rolled back or kept in place, leaves no file either', async () => {
    const cloud = cloudStore();
    const refusing = (sameTransaction: boolean) =>
      defineAction({
        summary: '测试',
        access: 'user',
        input: z.object({}),
        output: z.object({}),
        errors: [],
        async run(ctx) {
          ctx.keepOnFailure(async () => undefined, { sameTransaction });
          await ctx.files!.put('briefs/x', Buffer.from('x'), 'image/png');
          throw new DomainError('VALIDATION_FAILED', '不行');
        },
      });
    const handler = createHandler({ inPlace: refusing(true), rolledBack: refusing(false) }, { files: () => cloud.store });
    for (const action of ['inPlace', 'rolledBack']) {
      expect((await failed(call(handler, action, {}, place.secretary))).code).toBe('VALIDATION_FAILED');
    }
    expect(cloud.kept.size).toBe(0);
  });
});
