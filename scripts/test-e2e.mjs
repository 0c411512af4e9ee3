// `npm run test:e2e`: the browser suite. Builds what it needs, starts the gateway on a fresh data
// directory and a free port, runs tests/e2e with jest driving Debian's Chromium, then stops it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureH5Build, root } from './h5-build.mjs';

if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error('找不到 Chromium：请运行 apt-get install -y chromium fonts-wqy-zenhei（或用 CHROMIUM_PATH 指定）');
  process.exit(1);
}
if (spawnSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
if (!ensureH5Build()) process.exit(1);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-e2e-'));
const artifacts = path.join(root, '.e2e-artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const gateway = spawn(process.execPath, [path.join(root, '.build/gateway/main.js')], {
  cwd: root,
  env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', PASSWORD_COST: '1024' },
});
let banner = '';
const url = await new Promise((resolve, reject) => {
  const onData = (chunk) => {
    banner += chunk.toString();
    const found = /已启动：(http:\/\/\S+)/.exec(banner)?.[1];
    if (found) resolve(found);
  };
  gateway.stdout.on('data', onData);
  gateway.stderr.on('data', onData);
  gateway.on('exit', (code) => reject(new Error(`网关退出（${code}）：${banner}`)));
});
console.log(`网关 ${url}，数据目录 ${dataDir}；截图保存在 ${artifacts}`);

const jest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/jest/bin/jest.js'), '--config', path.join(root, 'jest.e2e.config.js'), '--runInBand', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, GATEWAY_URL: url, GATEWAY_DATA_DIR: dataDir, E2E_ARTIFACTS: artifacts } },
);
gateway.removeAllListeners('exit');
gateway.kill('SIGTERM');
await new Promise((resolve) => gateway.on('exit', resolve));
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(`截图：${artifacts}`);
process.exit(jest.status ?? 1);
