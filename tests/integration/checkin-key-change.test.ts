import { randomUUID } from 'node:crypto';
import { main as checkin } from '../../cloudfunctions/checkin/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { makeCheckinCode, type DeviceSecret } from '../../cloudfunctions/_core/checkin';
import { encryptSecret } from '../../cloudfunctions/_core/checkin/device-secret-cipher';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, inMinutes, ok } from '../support/call';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

/** What a second instance with its own made-up CHECKIN_KEY, or a changed key, leaves in the database. */
const OTHER_KEY = 'a-checkin-key-this-instance-never-had-0123456789';

describe('a check-in code whose device secret was sealed under another CHECKIN_KEY', () => {
  let db: Database;
  let community: TestCommunity;

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'K', { members: 1, residents: 0 });
  });
  afterAll(() => db.close());

  it('should refuse the scan with a domain error that says what to do, not INTERNAL, and write no attendance', async () => {
    const [member] = community.members;
    const order = await ok(call(orders, 'create', {
      title: '楼道清扫', category: '社区服务', place: '3栋', startsAt: inMinutes(5), endsAt: inMinutes(65), capacity: 1, dispatch: 'open',
    }, community.secretary));
    await ok(call(orders, 'accept', { orderId: order.id }, member));
    const device: DeviceSecret = await ok(call(checkin, 'issueDeviceSecret', {}, member));
    await db.query('update member_devices set secret_ciphertext = $1 where id = $2', [encryptSecret(device.secretHex, OTHER_KEY), device.deviceId]);

    const error = await failed(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(device, new Date()) }, community.secretary));
    expect(error.code).toBe('CHECKIN_DEVICE_KEY_RETIRED');
    expect(error.message).toContain('重新领取签到码');
    expect(Number((await db.query<{ n: string }>('select count(*) as n from attendance where order_id = $1', [order.id]))[0].n)).toBe(0);

    const renewed: DeviceSecret = await ok(call(checkin, 'issueDeviceSecret', {}, member));
    const scan = await ok(call(checkin, 'scan', { scanId: randomUUID(), orderId: order.id, code: makeCheckinCode(renewed, new Date()) }, community.secretary));
    expect(scan.outcome).toBe('checked_in');
  });
});
