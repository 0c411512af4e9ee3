// Bundles each cloud function with the domain core it uses into cloudfunctions/<fn>/index.js
// (deployable as it stands beside its package.json), and the Node entry points of the local
// gateway, the API-doc generator, the migration runner and the benchmark into .build/.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const functionsDir = path.join(root, 'cloudfunctions');

export const cloudFunctionNames = () =>
  fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .filter((entry) => fs.existsSync(path.join(functionsDir, entry.name, 'index.ts')))
    .map((entry) => entry.name);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  loader: { '.sql': 'text' },
  logLevel: 'warning',
  legalComments: 'none',
};

async function buildCloudFunctions() {
  const names = cloudFunctionNames();
  await Promise.all(
    names.map((name) =>
      build({
        ...common,
        entryPoints: [path.join(functionsDir, name, 'index.ts')],
        outfile: path.join(functionsDir, name, 'index.js'),
        target: 'node16',
        // In WeChat cloud the SDK comes from the function's own package.json; PGlite is the local default only.
        external: ['wx-server-sdk', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native'],
        minify: true,
      }),
    ),
  );
  return names;
}

const nodeEntries = {
  'gateway/main': 'gateway/main.ts',
  'scripts/generate-api-docs': 'scripts/api-docs/generate-api-docs.ts',
  'scripts/migrate': 'scripts/migrate.ts',
  'bench/run': 'bench/run.ts',
};

async function buildNodeEntries() {
  const present = Object.entries(nodeEntries).filter(([, source]) => fs.existsSync(path.join(root, source)));
  await Promise.all(
    present.map(([out, source]) =>
      build({
        ...common,
        entryPoints: [path.join(root, source)],
        outfile: path.join(root, '.build', `${out}.js`),
        target: 'node20',
        packages: 'external',
        sourcemap: 'inline',
      }),
    ),
  );
  return present.map(([out]) => out);
}

const started = Date.now();
const functions = await buildCloudFunctions();
const entries = await buildNodeEntries();
const sizes = functions.map((name) => `${name} ${(fs.statSync(path.join(functionsDir, name, 'index.js')).size / 1024).toFixed(0)} KB`);
console.log(`已打包云函数：${sizes.join('，')}；本地入口：${entries.join('，')}（${Date.now() - started} ms）`);
