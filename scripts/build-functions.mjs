// Bundles each cloud function with the domain core it uses into cloudfunctions/<fn>/index.js
// (deployable as it stands beside its package.json), and the Node entry points of the local
// gateway, the API-doc generator, the migration runner and the benchmark into .build/.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

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

// exceljs (1.1 MB) and pdfkit (with fontkit) go into files of their own beside the function that uses them, which
// requires them only when an export runs (reports/workbook-style.ts, documents/pdf.ts): the other actions neither
// parse nor evaluate them. A function that renders PDFs also gets the CJK font and its licence beside it
// (documents/font-file.ts finds them there), never inlined.
const APART = { exceljs: 'exceljs.js', pdfkit: 'pdfkit.js' };
const CJK_FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const CJK_FONT_FILES = { 'NotoSansSC-Regular.ttf': '400Regular/NotoSansSC_400Regular.ttf', 'OFL.txt': 'LICENSE_FONT' };
const modulesApart = (used) => ({
  name: 'modules-apart',
  setup(build) {
    build.onResolve({ filter: /^(exceljs|pdfkit)$/ }, (args) => {
      used.add(args.path);
      return { path: `./${APART[args.path]}`, external: true };
    });
  },
});

// pg asks at load whether it runs in a Cloudflare Worker by constructing a fetch `Response`, which makes Node load
// undici: 15–45 ms of every cold start. A cloud function is always Node, so the bundle answers no without asking.
const PG_STREAM = /[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/;
const CLOUDFLARE_PROBE = 'function isCloudflareRuntime() {';
const pgOnNode = {
  name: 'pg-on-node',
  setup(build) {
    build.onLoad({ filter: PG_STREAM }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes(CLOUDFLARE_PROBE)) throw new Error(`${args.path} no longer has ${CLOUDFLARE_PROBE}: review the pg-on-node plugin`);
      return { contents: source.replace(CLOUDFLARE_PROBE, `${CLOUDFLARE_PROBE}\n  return false;`), loader: 'js' };
    });
  },
};

async function buildCloudFunction(name) {
  const used = new Set();
  const functionOptions = { ...common, target: 'node16', minify: true };
  const dir = path.join(functionsDir, name);
  await build({
    ...functionOptions,
    entryPoints: [path.join(dir, 'index.ts')],
    outfile: path.join(dir, 'index.js'),
    // In WeChat cloud the SDK comes from the function's own package.json; PGlite is the local default only.
    // esbuild compiles the PGlite worker only when running from the sources; a bundle has it beside itself.
    external: ['wx-server-sdk', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native', 'esbuild'],
    plugins: [modulesApart(used), pgOnNode],
  });
  await buildPgliteWorker(dir);
  for (const [moduleName, file] of Object.entries(APART)) {
    const apart = path.join(dir, file);
    if (used.has(moduleName)) await build({ ...functionOptions, entryPoints: [require.resolve(moduleName)], outfile: apart });
    else fs.rmSync(apart, { force: true });
  }
  const fontDir = path.dirname(require.resolve(`${CJK_FONT_PACKAGE}/package.json`));
  for (const [file, source] of Object.entries(CJK_FONT_FILES)) {
    const target = path.join(dir, file);
    if (used.has('pdfkit')) fs.copyFileSync(path.join(fontDir, source), target);
    else fs.rmSync(target, { force: true });
  }
}

// The embedded engine runs on a thread of its own (cloudfunctions/_core/db/pglite-thread.ts), started from this file
// beside each bundle that may open PGlite.
const PGLITE_WORKER = path.join(functionsDir, '_core', 'db', 'pglite-worker.ts');
const buildPgliteWorker = (dir) =>
  build({ ...common, entryPoints: [PGLITE_WORKER], outfile: path.join(dir, 'pglite-worker.js'), target: 'node20', packages: 'external' });

async function buildCloudFunctions() {
  const names = cloudFunctionNames();
  await Promise.all(names.map(buildCloudFunction));
  return names;
}

const nodeEntries = {
  'gateway/main': 'gateway/main.ts',
  'scripts/generate-api-docs': 'scripts/api-docs/generate-api-docs.ts',
  'scripts/migrate': 'scripts/migrate.ts',
  'bench/run': 'bench/run.ts',
  'bench/large-district': 'bench/large-district-cli.ts',
};

async function buildNodeEntries() {
  const present = Object.entries(nodeEntries).filter(([, source]) => fs.existsSync(path.join(root, source)));
  const dirs = new Set(present.map(([out]) => path.dirname(path.join(root, '.build', out))));
  await Promise.all([...dirs].map(buildPgliteWorker));
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
const kb = (name, file) => `${(fs.statSync(path.join(functionsDir, name, file)).size / 1024).toFixed(0)} KB`;
const apartSizes = (name) => {
  const files = [...Object.values(APART), 'NotoSansSC-Regular.ttf'].filter((file) => fs.existsSync(path.join(functionsDir, name, file)));
  return files.length ? `（导出时另载 ${files.map((file) => `${file} ${kb(name, file)}`).join('、')}）` : '';
};
const sizes = functions.map((name) => `${name} ${kb(name, 'index.js')}${apartSizes(name)}`);
console.log(`已打包云函数：${sizes.join('，')}；本地入口：${entries.join('，')}（${Date.now() - started} ms）`);
