// `npm start`: builds the H5 app when it is missing or stale, then runs the gateway.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureH5Build, root } from './h5-build.mjs';

if (process.env.SKIP_H5_BUILD !== 'true' && !ensureH5Build()) {
  console.error('H5 构建失败，网关仍会启动并提供云函数接口。');
}
const gateway = spawnSync(process.execPath, ['--enable-source-maps', path.join(root, '.build', 'gateway', 'main.js')], { cwd: root, stdio: 'inherit' });
process.exit(gateway.status ?? 1);
