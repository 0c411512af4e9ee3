import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { median } from './measure';

const TARGET_KB = 600;
const TARGET_MS = 100;
const TRIES = 5;
/** Loaded on the first export only (scripts/build-functions.mjs). */
const LAZY_FILES = ['exceljs.js'];

/** Milliseconds to `require` the file in a fresh Node process: what a cold function instance pays before its first answer. */
function requireMs(file: string): number {
  const script = `const started = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } }));
}

const medianRequireMs = (file: string) => median(Array.from({ length: TRIES }, () => requireMs(file)));
/** Both files' median, the tries alternating between them so that both see the same noise. */
function interleavedRequireMs(file: string, baseline: string): [number, number] {
  const tries = Array.from({ length: TRIES }, () => [requireMs(file), requireMs(baseline)]);
  return [median(tries.map(([ms]) => ms)), median(tries.map(([, ms]) => ms))];
}

const verdict = (met: boolean) => (met ? '达标' : '未达标');
const kbOf = (file: string) => fs.statSync(file).size / 1024;

/**
 * The sources as they imported zod before issue 12 (`import { z } from 'zod'`): esbuild then keeps zod's whole
 * namespace, its 40-odd locales included, where `import * as z` lets it keep only what the schemas call.
 */
const zodImportedByName: Plugin = {
  name: 'zod-imported-by-name',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]cloudfunctions[\\/].*\.ts$/ }, (args) => ({
      contents: fs.readFileSync(args.path, 'utf8').replace(/^import \* as z from 'zod';$/gm, "import { z } from 'zod';"),
      loader: 'ts',
    }));
  },
};

/**
 * The function bundled as scripts/build-functions.mjs bundles it, but as before issue 12: zod imported by name, and
 * pg left to probe for Cloudflare at load. The baseline of the same run.
 */
async function buildBaseline(functionsDir: string, name: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, name, 'index.js');
  await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    loader: { '.sql': 'text' },
    entryPoints: [path.join(functionsDir, name, 'index.ts')],
    outfile,
    external: ['wx-server-sdk', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native', 'esbuild', 'exceljs'],
    plugins: [zodImportedByName],
  });
  return outfile;
}

/**
 * Each built cloud function's size and cold `require` time against the targets of issue 12 (< 600 KB, < 100 ms),
 * beside the same function built in this run as before (see buildBaseline), and their ratio.
 */
export async function reportFunctionColdStarts(functionsDir: string, baselineDir: string) {
  const names = fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(functionsDir, entry.name, 'index.js')))
    .map((entry) => entry.name);
  fs.rmSync(baselineDir, { recursive: true, force: true });
  const baselines = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await buildBaseline(functionsDir, name, baselineDir)] as const)));
  console.log(`\n== 云函数冷启动（各在新的 Node 进程中 require index.js，${TRIES} 次取中位数；目标 < ${TARGET_KB} KB、< ${TARGET_MS} ms；对照为同一次运行中照以前的方式打的包：按名导入 zod，pg 加载时探测 Cloudflare）`);
  // Cold require times scale with how busy the machine is: say how busy it was.
  console.log(`本机 ${os.cpus().length} 核，开始时 1 分钟平均负载 ${os.loadavg()[0].toFixed(1)}`);
  console.log('function       对照 KB  现 KB  比值   对照 ms  现 ms  比值   verdict');
  for (const name of names) {
    const file = path.join(functionsDir, name, 'index.js');
    const [kb, baseKb] = [kbOf(file), kbOf(baselines[name])];
    const [ms, baseMs] = interleavedRequireMs(file, baselines[name]);
    console.log(
      `${name.padEnd(14)} ${baseKb.toFixed(0).padStart(6)} ${kb.toFixed(0).padStart(6)} ${(kb / baseKb).toFixed(2).padStart(5)} ${baseMs.toFixed(1).padStart(9)} ${ms.toFixed(1).padStart(6)} ${(ms / baseMs).toFixed(2).padStart(5)}   大小${verdict(kb < TARGET_KB)}，require ${verdict(ms < TARGET_MS)}`,
    );
    for (const lazy of LAZY_FILES.filter((lazyFile) => fs.existsSync(path.join(functionsDir, name, lazyFile)))) {
      const lazyFile = path.join(functionsDir, name, lazy);
      console.log(`${''.padEnd(14)} 另有 ${lazy} ${kbOf(lazyFile).toFixed(0)} KB，仅在导出时加载（require ${medianRequireMs(lazyFile).toFixed(1)} ms）`);
    }
  }
  fs.rmSync(baselineDir, { recursive: true, force: true });
}
