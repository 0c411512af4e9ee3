// `npm run test:e2e`: the browser suite. Builds what it needs, starts the gateway on a fresh data
// directory and a free port, runs tests/e2e with jest driving Debian's Chromium, then stops it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway } from './gateway-process.mjs';
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
const { url, stop } = await startGateway({ DATA_DIR: dataDir });
console.log(`网关 ${url}，数据目录 ${dataDir}；截图保存在 ${artifacts}`);

const jest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/jest/bin/jest.js'), '--config', path.join(root, 'jest.e2e.config.js'), '--runInBand', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, GATEWAY_URL: url, GATEWAY_DATA_DIR: dataDir, E2E_ARTIFACTS: artifacts } },
);
await stop();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(`截图：${artifacts}`);
process.exit(jest.status ?? 1);
