// Builds the H5 app when dist-h5 is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const h5Index = path.join(root, 'dist-h5', 'index.html');
const SOURCE_DIRS = ['src', 'config', 'cloudfunctions/_core'];

const newestMtime = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true, recursive: true }).reduce((newest, entry) => {
    if (!entry.isFile()) return newest;
    return Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }, 0);

export const h5IsStale = () =>
  !fs.existsSync(h5Index) || Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir)))) > fs.statSync(h5Index).mtimeMs;

/** Returns false when the build failed. */
export function ensureH5Build() {
  if (!h5IsStale()) return true;
  console.log('正在构建 H5 页面（约半分钟）……');
  const startedAt = new Date();
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) return false;
  // Dated when the build began, so that a source saved while it ran makes the next check rebuild.
  fs.utimesSync(h5Index, startedAt, startedAt);
  return true;
}
