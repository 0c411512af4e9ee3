import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SERVER_TEMPLATE_DB, serverUrlFor } from '../support/template';

const root = path.resolve(__dirname, '../..');
const gatewayScript = path.join(root, '.build', 'gateway', 'main.js');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the built gateway as `npm start` would, on a free port, and waits for its banner. */
function startGateway(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawn(process.execPath, [gatewayScript], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', SESSION_SECRET: '', CHECKIN_KEY: '', CERTIFICATE_KEY: '', PASSWORD_COST: '1024', H5_DIR: '/nonexistent', ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /已启动：(http:\/\/[^\s]+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`gateway exited with ${code}: ${output}`)));
  });
}

function stop(running: Running): Promise<void> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', () => resolve());
    running.child.kill('SIGTERM');
  });
}

const login = async (url: string, phone: string, password: string) =>
  (await fetch(`${url}api/auth`, { method: 'POST', body: JSON.stringify({ action: 'login', data: { phone, password } }) })).json() as Promise<any>;

describe('the gateway process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-gateway-'));
  const environment = { ...process.env };
  beforeAll(() => {
    // The built gateway reads an empty value as unset; the suite must not leak its own test secrets into it.
    delete process.env.SESSION_SECRET;
    delete process.env.CHECKIN_KEY;
    delete process.env.CERTIFICATE_KEY;
  });
  afterAll(() => {
    Object.assign(process.env, environment);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should seed demo data on first start, print one login per role, and keep data and sessions across a restart', async () => {
    const first = await startGateway(dataDir);
    for (const role of ['社区党组织书记或管理员', '党员义工', '居民', '区（街道）党（工）委管理员', '单位党组织管理员']) {
      expect(first.output()).toContain(role);
    }
    const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'));
    const secretary = accounts.find((account: { role: string }) => account.role === 'secretary');
    const session = await login(first.url, secretary.phone, secretary.password);
    expect(session.ok).toBe(true);
    const need = await (await fetch(`${first.url}api/demands`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.data.token}` },
      body: JSON.stringify({ action: 'record', data: { category: '其他', description: '重启前登记的需求', address: '1栋', contactPhone: '13600004444', requesterName: '赵大爷', channel: 'window' } }),
    })).json() as any;
    expect(need.ok).toBe(true);

    await expect(startGateway(dataDir)).rejects.toThrow(/正被进程 \d+ 使用/);
    await stop(first);

    const second = await startGateway(dataDir);
    expect(second.output()).not.toContain('首次启动');
    const again = await (await fetch(`${second.url}api/demands`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.data.token}` },
      body: JSON.stringify({ action: 'get', data: { demandId: need.data.id } }),
    })).json() as any;
    expect(again).toMatchObject({ ok: true, data: { description: '重启前登记的需求' } });
    await stop(second);
  });

  describe('as a deployment (a PostgreSQL server or NODE_ENV=production)', () => {
    const SECRETS = { SESSION_SECRET: 's'.repeat(64), CHECKIN_KEY: 'k'.repeat(64), CERTIFICATE_KEY: 'c'.repeat(64) };
    // Credentials the gateway checks are all there; no code is asked for, so nothing is ever sent.
    const TENCENT_SMS = {
      SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'AKIDtest', TENCENT_SMS_SECRET_KEY: 'test-key', TENCENT_SMS_SDK_APP_ID: '1400000000',
      TENCENT_SMS_SIGN_NAME: '党员义工', TENCENT_SMS_TEMPLATE_ID: '123456',
    };

    /** Runs the gateway until it exits by itself; resolves with its exit code and output. */
    const runToExit = (env: NodeJS.ProcessEnv) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const refusedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-refused-'));
        const child = spawn(process.execPath, [gatewayScript], {
          cwd: root,
          env: { ...process.env, PORT: '0', DATA_DIR: refusedDir, DATABASE_URL: '', SESSION_SECRET: '', CHECKIN_KEY: '', CERTIFICATE_KEY: '', H5_DIR: '/nonexistent', ...env },
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => {
          fs.rmSync(refusedDir, { recursive: true, force: true });
          resolve({ code, output });
        });
      });

    it('should refuse to start without SESSION_SECRET and CHECKIN_KEY, saying how to make them', async () => {
      for (const env of [{ NODE_ENV: 'production' }, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, { NODE_ENV: 'production', SESSION_SECRET: SECRETS.SESSION_SECRET }]) {
        const { code, output } = await runToExit(env);
        expect({ env, code }).toEqual({ env, code: 1 });
        expect(output).toContain('启动失败');
        expect(output).toContain('CHECKIN_KEY');
        if (!env.SESSION_SECRET) expect(output).toContain('SESSION_SECRET');
        expect(output).toContain('openssl rand -hex 32');
        expect(output).not.toContain('已启动');
      }
    });

    it('should refuse to start without a real SMS sender, naming its variables', async () => {
      const unset = Object.fromEntries(Object.keys(TENCENT_SMS).map((name) => [name, '']));
      for (const env of [
        { ...unset, ...SECRETS, NODE_ENV: 'production' },
        { ...unset, ...SECRETS, NODE_ENV: 'production', SMS_PROVIDER: 'console' },
        { ...unset, ...SECRETS, NODE_ENV: 'production', ...TENCENT_SMS, TENCENT_SMS_SECRET_KEY: '' },
        { ...unset, ...SECRETS, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      ]) {
        const { code, output } = await runToExit(env);
        expect({ env, code }).toEqual({ env, code: 1 });
        expect(output).toContain('启动失败');
        expect(output).toMatch(/SMS_PROVIDER/);
        expect(output).toContain('TENCENT_SMS_SECRET_KEY');
        expect(output).not.toContain('已启动');
      }
    });

    it('should hold no demo data on a server database unless SEED_DEMO=true is asked for', async () => {
      const deploymentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-deployment-'));
      // On the PostgreSQL suite, a fresh server database; on PGlite, the embedded one run as production.
      const serverUrl = environment.DATABASE_URL;
      const database = serverUrl ? `dyg_test_${randomUUID().replace(/-/g, '').slice(0, 12)}` : null;
      if (serverUrl && database) await adminQuery(serverUrl, `create database ${database} template ${SERVER_TEMPLATE_DB}`);
      try {
        const env = { ...SECRETS, ...TENCENT_SMS, ...(serverUrl && database ? { DATABASE_URL: serverUrlFor(serverUrl, database) } : { NODE_ENV: 'production' }) };
        const running = await startGateway(deploymentDir, env);
        try {
          expect(running.output()).not.toContain('首次启动');
          expect(running.output()).not.toContain('演示账号');
          expect(fs.existsSync(path.join(deploymentDir, 'demo-accounts.json'))).toBe(false);
          expect(fs.existsSync(path.join(deploymentDir, 'secrets.json'))).toBe(false);
          const demoSecretary = await login(running.url, '19900000001', 'demo1234');
          expect(demoSecretary.ok).toBe(false);
        } finally {
          await stop(running);
        }
      } finally {
        if (serverUrl && database) await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
        fs.rmSync(deploymentDir, { recursive: true, force: true });
      }
    });
  });
});

async function adminQuery(url: string, sql: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
