// Prints the weapp main package's size and fails above WeChat's 2 MB limit (subpackages counted apart, each
// under the same limit), or when the chart library is bundled anywhere but the pages/assessment subpackage.
import fs from 'node:fs';
import path from 'node:path';

const LIMIT_BYTES = 2 * 1024 * 1024;
const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subpackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));

const CHART_ROOT = 'pages/assessment';
// A string every ECharts build carries (the key of a chart instance on its element).
const CHART_LIBRARY_MARK = '_echarts_instance_';

const sizes = { main: 0 };
const chartLibraryOutside = [];
for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.map')) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  const relative = path.relative(dist, file);
  const owner = subpackageRoots.find((root) => relative.startsWith(`${root}/`)) ?? 'main';
  sizes[owner] = (sizes[owner] ?? 0) + fs.statSync(file).size;
  if (owner !== CHART_ROOT && entry.name.endsWith('.js') && fs.readFileSync(file, 'utf8').includes(CHART_LIBRARY_MARK)) chartLibraryOutside.push(relative);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`weapp 主包 ${kb(sizes.main)}（上限 2048 KB）${subpackageRoots.map((root) => `，分包 ${root} ${kb(sizes[root] ?? 0)}`).join('')}`);
if (sizes.main > LIMIT_BYTES) {
  console.error('主包超过微信 2 MB 上限');
  process.exit(1);
}
const overLimit = subpackageRoots.filter((root) => (sizes[root] ?? 0) > LIMIT_BYTES);
if (overLimit.length > 0) {
  console.error(`分包超过微信 2 MB 上限：${overLimit.join('，')}`);
  process.exit(1);
}
if (chartLibraryOutside.length > 0) {
  console.error(`图表库只应打包进分包 ${CHART_ROOT}，却出现在：${chartLibraryOutside.join('，')}`);
  process.exit(1);
}
