import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { makeCheckinCode } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { createGatewayServer, listen } from '../../gateway/http-server';
import { inMinutes } from '../support/call';
import { buildCommunity, type TestCommunity } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

describe('the local gateway over HTTP', () => {
  let db: Database;
  let server: http.Server;
  let base: string;
  let community: TestCommunity;

  const post = async (fn: string, body: unknown, token?: string) => {
    const response = await fetch(`${base}/api/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    db = await openSuiteDatabase();
    community = await buildCommunity(db, 'H', { members: 2, residents: 1 });
    server = createGatewayServer({ functions: cloudFunctions, staticDir: '/nonexistent' });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  it('should run the loop over HTTP with the same event shape and envelope as WeChat', async () => {
    const login = await post('auth', { action: 'login', data: { phone: community.secretary.phone, password: community.secretary.password } });
    expect(login.status).toBe(200);
    expect(login.body.ok).toBe(true);
    const secretaryToken = login.body.data.token;

    const need = await post('demands', { action: 'post', data: { category: '社区服务', description: '楼道灯坏了需要更换', address: '2栋', contactPhone: '13700003333' } }, community.residents[0].token);
    expect(need.body).toMatchObject({ ok: true, data: { status: 'submitted' } });

    const order = await post('orders', {
      action: 'create',
      data: { demandId: need.body.data.id, title: '更换楼道灯', category: '社区服务', startsAt: inMinutes(5), endsAt: inMinutes(65), capacity: 1, dispatch: 'open' },
    }, secretaryToken);
    expect(order.body.ok).toBe(true);
    const [member] = community.members;
    expect((await post('orders', { action: 'accept', data: { orderId: order.body.data.id } }, member.token)).body.data.status).toBe('staffed');

    const device = (await post('checkin', { action: 'issueDeviceSecret', data: {} }, member.token)).body.data;
    const scan = await post('checkin', { action: 'scan', data: { scanId: randomUUID(), orderId: order.body.data.id, code: makeCheckinCode(device, new Date()) } }, secretaryToken);
    expect(scan.body).toMatchObject({ ok: true, data: { outcome: 'checked_in', member: { name: member.name } } });
  });

  it('should answer errors in the envelope with a stable code and a Chinese message', async () => {
    const missing = await post('demands', { action: 'post', data: {} }, community.residents[0].token);
    expect(missing.body.ok).toBe(false);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.fields).toMatchObject({ address: '请填写服务地址', contactPhone: '请填写联系电话' });
    expect((await post('orders', { action: 'listOpen', data: {} })).body.error.code).toBe('UNAUTHENTICATED');
    expect((await post('orders', { action: 'nope', data: {} })).body.error.code).toBe('UNKNOWN_ACTION');
  });

  it('should refuse what is not a function call', async () => {
    expect((await post('nosuch', { action: 'x' })).status).toBe(404);
    const bad = await post('auth', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('JSON') });
    const get = await fetch(`${base}/api/auth`);
    expect(get.status).toBe(405);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
  });

  it('should say how to build the H5 app when it is not built', async () => {
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('npm run build:h5');
  });

  describe('serving a built H5 app', () => {
    let staticDir: string;
    let staticServer: http.Server;
    let site: string;

    beforeAll(async () => {
      staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-h5-'));
      fs.mkdirSync(path.join(staticDir, 'js'));
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><div id="app"></div>');
      fs.writeFileSync(path.join(staticDir, 'sw.js'), 'self.skipWaiting()');
      fs.writeFileSync(path.join(staticDir, 'js', 'app.0123abcd.js'), 'console.log(1)');
      staticServer = createGatewayServer({ functions: cloudFunctions, staticDir });
      const address: AddressInfo = await listen(staticServer, 0, '127.0.0.1');
      site = `http://127.0.0.1:${address.port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => staticServer.close(resolve));
      fs.rmSync(staticDir, { recursive: true, force: true });
    });

    it('should serve the service worker from the root as a script the browser checks on every load', async () => {
      const worker = await fetch(`${site}/sw.js`);
      expect(worker.status).toBe(200);
      expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(worker.headers.get('cache-control')).toBe('no-cache');
      expect(await worker.text()).toBe('self.skipWaiting()');
    });

    it('should let hashed chunks be cached and the page be revalidated', async () => {
      expect((await fetch(`${site}/js/app.0123abcd.js`)).headers.get('cache-control')).toBe('public, max-age=3600');
      const page = await fetch(`${site}/`);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<div id="app">');
    });
  });
});
