import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main as auth } from '../../cloudfunctions/auth/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { seedDemoData, type DemoAccount } from '../../gateway/demo-seed';
import { call, ok } from '../support/call';
import type { TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// The demo's photo goes to DATA_DIR/files like an upload: a folder of this suite's own.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-demo-briefs-'));
process.env.DATA_DIR = dataDir;

describe('the demo seed’s 活动简讯', () => {
  let db: Database;
  let accounts: DemoAccount[];

  beforeAll(async () => {
    db = await openSuiteDatabase();
    accounts = await seedDemoData(db, { now: new Date(), passwordCost: 1024 });
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function logIn(role: DemoAccount['role']): Promise<TestUser> {
    const account = accounts.find((item) => item.role === role)!;
    const session = await ok(call(auth, 'login', { phone: account.phone, password: account.password }));
    return { id: session.profile.userId, name: account.name, phone: account.phone, password: account.password, token: session.token };
  }

  it('should show the secretary the submitted 简讯, one with its photo and participants, and the latest two activities still due', async () => {
    const secretary = await logIn('secretary');
    const written = await db.query<{ order_id: string }>(`select order_id from activity_briefs`);
    expect(written.length).toBeGreaterThan(0);
    const [withPhoto] = await db.query<{ order_id: string }>(`select distinct order_id from activity_brief_photos`);
    const view = await ok(call(orders, 'brief', { orderId: withPhoto.order_id }, secretary));
    expect(view).toMatchObject({ submitted: true, late: false, participantsFrozen: true, canEdit: true, text: expect.stringContaining('党员义工') });
    expect(view.photos).toEqual([expect.objectContaining({ mime: 'image/png', width: 320, height: 240, url: expect.stringMatching(/^\/files\/briefs\//) })]);
    expect(fs.existsSync(path.join(dataDir, 'files', view.photos[0].url.slice('/files/'.length)))).toBe(true);
    expect(view.participants.length).toBeGreaterThan(0);
    const due = await ok(call(orders, 'briefsDue', {}, secretary));
    expect(due.total).toBe(2);
    expect(due.items.map((item: { orderId: string }) => item.orderId)).not.toContain(withPhoto.order_id);
  });
});
