import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const gatewayScript = path.join(root, '.build', 'gateway', 'main.js');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the built gateway as `npm start` would, on a free port, and waits for its banner. */
function startGateway(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, [gatewayScript], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', SESSION_SECRET: '', CHECKIN_KEY: '', PASSWORD_COST: '1024', H5_DIR: '/nonexistent' },
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
});
