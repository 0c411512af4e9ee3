import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { makeCheckinCode } from '../../cloudfunctions/_core/checkin';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { createGatewayServer, DEFAULT_TIMEOUTS, listen } from '../../gateway/http-server';
import { inlineScriptHashes } from '../../gateway/security-headers';
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

  describe('hardening', () => {
    const big = (bytes: number) => JSON.stringify({ action: 'login', data: { phone: 'x'.repeat(bytes) } });

    it('should answer a body over 1 MiB with the 413 envelope and close the connection, not reset it', async () => {
      for (const bytes of [1024 * 1024 + 1, 5 * 1024 * 1024]) {
        const response = await fetch(`${base}/api/auth`, { method: 'POST', body: big(bytes) });
        expect({ bytes, status: response.status }).toEqual({ bytes, status: 413 });
        expect(response.headers.get('connection')).toBe('close');
        expect(await response.json()).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: '填写的内容有误：请求内容过大' } });
      }
    });

    it('should let a client that sends its whole body before reading still read the 413', async () => {
      const answer = await rawExchange(base, `POST /api/auth HTTP/1.1\r\nHost: x\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n`, Buffer.alloc(5 * 1024 * 1024, 'a'));
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toContain('请求内容过大');
    });

    it('should send security headers, no-store and no wildcard CORS with every API answer', async () => {
      const answer = await fetch(`${base}/api/orders`, { method: 'POST', headers: { Origin: 'https://evil.example' }, body: JSON.stringify({ action: 'listOpen', data: {} }) });
      expectSecurityHeaders(answer);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${base}/api/orders`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      for (const refused of [await fetch(`${base}/api/nosuch`, { method: 'POST' }), await fetch(`${base}/healthz`)]) {
        expect(refused.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('should name no function the caller asked for in its refusal', async () => {
      const answer = await post(`x${'<b>'.repeat(100)}`, {});
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).not.toContain('<b>');
    });

    it('should answer an origin listed in CORS_ORIGINS, and only that one', async () => {
      const admin = 'https://admin.example.org';
      const corsServer = createGatewayServer({ functions: cloudFunctions, staticDir: '/nonexistent', allowedOrigins: [admin] });
      const address: AddressInfo = await listen(corsServer, 0, '127.0.0.1');
      try {
        const url = `http://127.0.0.1:${address.port}/api/orders`;
        const preflight = await fetch(url, { method: 'OPTIONS', headers: { Origin: admin, 'Access-Control-Request-Method': 'POST' } });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe(admin);
        expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
        const call = await fetch(url, { method: 'POST', headers: { Origin: admin }, body: JSON.stringify({ action: 'listOpen', data: {} }) });
        expect(call.headers.get('access-control-allow-origin')).toBe(admin);
        expect(call.headers.get('vary')).toBe('Origin');
        const other = await fetch(url, { method: 'POST', headers: { Origin: 'https://admin.example.org.evil.example' }, body: '{}' });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await new Promise((resolve) => corsServer.close(resolve));
      }
    });

    it('should give up half-sent headers and stalled bodies within a few seconds by default', () => {
      expect(server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
      expect(server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
      expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(10_000);
      expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(30_000);
      expect(DEFAULT_TIMEOUTS.bodyIdleMs).toBeLessThanOrEqual(10_000);
      // Keep-alive outlives the clients' idle sockets (Node 20 counts the timeouts per request, not while idle).
      expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    });

    describe('with short timeouts', () => {
      let quick: http.Server;
      let quickBase: string;
      beforeAll(async () => {
        quick = createGatewayServer({ functions: cloudFunctions, staticDir: '/nonexistent', timeouts: { headersMs: 400, requestMs: 1500, bodyIdleMs: 400 } });
        quickBase = `http://127.0.0.1:${(await listen(quick, 0, '127.0.0.1')).port}`;
      });
      afterAll(() => new Promise((resolve) => quick.close(resolve)));

      it('should close a connection whose headers never finish', async () => {
        const answer = await rawExchange(quickBase, 'POST /api/auth HTTP/1.1\r\nHost: x\r\n', undefined);
        expect(answer).toMatch(/^HTTP\/1\.1 408/);
      });

      it('should answer a body that stops arriving with an envelope and close the connection', async () => {
        const answer = await rawExchange(quickBase, 'POST /api/auth HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"action"', undefined);
        expect(answer).toMatch(/^HTTP\/1\.1 408/);
        expect(answer).toContain('Connection: close');
        expect(answer).toContain('请求内容接收超时');
      });

      it('should keep an idle keep-alive connection usable for longer than the header timeout', async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        let connections = 0;
        quick.on('connection', () => connections++);
        try {
          const get = () => rawRequest(quickBase, { method: 'GET', path: '/healthz', agent });
          expect((await get()).status).toBe(200);
          await new Promise((resolve) => setTimeout(resolve, 1700));
          expect((await get()).status).toBe(200);
          expect(connections).toBe(1);
        } finally {
          agent.destroy();
        }
      });
    });
  });

  it('should say how to build the H5 app when it is not built', async () => {
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('npm run build:h5');
  });

  describe('serving a built H5 app', () => {
    const INLINE_SCRIPT = 'document.documentElement.style.fontSize="20px"';
    const CHUNK = Array.from({ length: 400 }, (_, i) => `export const field${i} = { label: '字段${i}', required: ${i % 2 === 0} };`).join('\n');
    let staticDir: string;
    let staticServer: http.Server;
    let site: string;

    beforeAll(async () => {
      staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-h5-'));
      fs.mkdirSync(path.join(staticDir, 'js'));
      fs.writeFileSync(path.join(staticDir, 'index.html'), `<!doctype html><script>${INLINE_SCRIPT}</script><div id="app"></div>`);
      fs.writeFileSync(path.join(staticDir, 'sw.js'), 'self.skipWaiting()');
      fs.writeFileSync(path.join(staticDir, 'js', 'app.0123abcd.js'), 'console.log(1)');
      fs.writeFileSync(path.join(staticDir, 'js', '581.8b9d60d0.js'), CHUNK);
      fs.mkdirSync(path.join(staticDir, 'css'));
      fs.writeFileSync(path.join(staticDir, 'css', 'app.59ad7602a320c64aeb9a.css'), '.page{color:red}\n'.repeat(200));
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

    it('should let hashed chunks be cached for a year without revalidation and the page be revalidated', async () => {
      for (const chunk of ['/js/app.0123abcd.js', '/js/581.8b9d60d0.js', '/css/app.59ad7602a320c64aeb9a.css']) {
        expect({ chunk, cache: (await fetch(`${site}${chunk}`)).headers.get('cache-control') }).toEqual({ chunk, cache: 'public, max-age=31536000, immutable' });
      }
      const page = await fetch(`${site}/`);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<div id="app">');
      expect((await fetch(`${site}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
    });

    it('should send a chunk brotli-compressed when the client accepts it, else gzip, else plain', async () => {
      const plain = Buffer.from(CHUNK);
      const br = await rawGet(site, '/js/581.8b9d60d0.js', 'gzip, deflate, br');
      expect([br.status, br.headers['content-encoding'], br.headers.vary]).toEqual([200, 'br', 'Accept-Encoding']);
      expect(Number(br.headers['content-length'])).toBe(br.body.length);
      expect(br.body.length).toBeLessThan(plain.length / 4);
      expect(zlib.brotliDecompressSync(br.body).equals(plain)).toBe(true);

      const gzip = await rawGet(site, '/js/581.8b9d60d0.js', 'gzip, deflate, br;q=0');
      expect([gzip.headers['content-encoding'], gzip.headers.vary]).toEqual(['gzip', 'Accept-Encoding']);
      expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);
      expect(zlib.gunzipSync(gzip.body).equals(plain)).toBe(true);

      for (const accept of [undefined, 'identity', 'deflate']) {
        const none = await rawGet(site, '/js/581.8b9d60d0.js', accept);
        expect({ accept, encoding: none.headers['content-encoding'], vary: none.headers.vary }).toEqual({ accept, encoding: undefined, vary: 'Accept-Encoding' });
        expect(none.body.equals(plain)).toBe(true);
        expect(Number(none.headers['content-length'])).toBe(plain.length);
      }
      const css = await rawGet(site, '/css/app.59ad7602a320c64aeb9a.css', 'gzip');
      expect(zlib.gunzipSync(css.body).toString()).toBe('.page{color:red}\n'.repeat(200));
    });

    it('should compress the page and hash its inline scripts in the bytes the browser decompresses', async () => {
      const page = await rawGet(site, '/', 'br');
      expect(page.headers['content-encoding']).toBe('br');
      const html = zlib.brotliDecompressSync(page.body).toString('utf8');
      expect(html).toContain('<div id="app">');
      expect(page.headers['content-security-policy']).toContain(`script-src 'self' '${inlineScriptHashes(html)[0]}'`);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    });

    it('should send the page with security headers and a CSP that allows only its own inline script', async () => {
      const page = await fetch(`${site}/`);
      expectSecurityHeaders(page);
      const csp = page.headers.get('content-security-policy')!;
      const [hash] = inlineScriptHashes(await page.text());
      expect(csp).toContain(`script-src 'self' '${hash}'`);
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self'");
      expectSecurityHeaders(await fetch(`${site}/js/app.0123abcd.js`));
    });

    it('should answer 400, not 500, for a malformed address', async () => {
      for (const address of ['/%E0%A4%A', '/%', '/js/%zz.js']) {
        const answer = await rawRequest(site, { method: 'GET', path: address });
        expect({ address, status: answer.status }).toEqual({ address, status: 400 });
        expect(answer.body).toBe('请求地址无效');
      }
      expect((await rawRequest(site, { method: 'POST', path: '/api/%E0%A4%A' })).status).toBe(400);
    });
  });
});

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

/** A GET through node:http with exactly this Accept-Encoding (fetch always sends its own and decompresses). */
function rawGet(site: string, pathname: string, acceptEncoding: string | undefined): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { hostname, port } = new URL(site);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: pathname, headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** One request through node:http, so that the path goes out exactly as written (fetch would normalise it). */
function rawRequest(site: string, options: { method: string; path: string; agent?: http.Agent }): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(site);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, ...options }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Writes the request (the body, if any, all at once) and only then reads, as simple clients do; resolves with what came back. */
function rawExchange(site: string, head: string, body: Buffer | undefined): Promise<string> {
  const { hostname, port } = new URL(site);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    socket.write(head);
    if (body) socket.write(body, (error) => error && reject(error));
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(received).toString('utf8')));
  });
}
