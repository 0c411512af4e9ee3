// Prints the weapp main package's size and fails above WeChat's 2 MB limit (subpackages counted apart).
import fs from 'node:fs';
import path from 'node:path';

const LIMIT_BYTES = 2 * 1024 * 1024;
const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subpackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));

const sizes = { main: 0 };
for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.map')) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  const relative = path.relative(dist, file);
  const owner = subpackageRoots.find((root) => relative.startsWith(`${root}/`)) ?? 'main';
  sizes[owner] = (sizes[owner] ?? 0) + fs.statSync(file).size;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`weapp 主包 ${kb(sizes.main)}（上限 2048 KB）${subpackageRoots.map((root) => `，分包 ${root} ${kb(sizes[root] ?? 0)}`).join('')}`);
if (sizes.main > LIMIT_BYTES) {
  console.error('主包超过微信 2 MB 上限');
  process.exit(1);
}
