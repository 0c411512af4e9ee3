import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median } from './measure';

const TARGET_KB = 600;
const TARGET_MS = 100;
const TRIES = 3;
/** Loaded on the first export only (scripts/build-functions.mjs). */
const LAZY_FILES = ['exceljs.js'];

/** Milliseconds to `require` the file in a fresh Node process: what a cold function instance pays before its first answer. */
function requireMs(file: string): number {
  const script = `const started = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } }));
}

const medianRequireMs = (file: string) => median(Array.from({ length: TRIES }, () => requireMs(file)));
const verdict = (met: boolean) => (met ? '达标' : '未达标');

/** Each built cloud function's size and cold `require` time against the targets of issue 12 (< 600 KB, < 100 ms). */
export function reportFunctionColdStarts(functionsDir: string) {
  const names = fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(functionsDir, entry.name, 'index.js')))
    .map((entry) => entry.name);
  console.log(`\n== 云函数冷启动（各在新的 Node 进程中 require index.js，${TRIES} 次取中位数；目标 < ${TARGET_KB} KB、< ${TARGET_MS} ms）`);
  console.log('function        size KB   require ms   verdict');
  for (const name of names) {
    const file = path.join(functionsDir, name, 'index.js');
    const kb = fs.statSync(file).size / 1024;
    const ms = medianRequireMs(file);
    console.log(`${name.padEnd(14)} ${kb.toFixed(0).padStart(8)} ${ms.toFixed(1).padStart(12)}   大小${verdict(kb < TARGET_KB)}，require ${verdict(ms < TARGET_MS)}`);
    for (const lazy of LAZY_FILES.filter((lazyFile) => fs.existsSync(path.join(functionsDir, name, lazyFile)))) {
      const lazyFile = path.join(functionsDir, name, lazy);
      console.log(`${''.padEnd(14)} 另有 ${lazy} ${(fs.statSync(lazyFile).size / 1024).toFixed(0)} KB，仅在导出时加载（require ${medianRequireMs(lazyFile).toFixed(1)} ms）`);
    }
  }
  console.log('（其余的大头是 zod，每个函数约 447 KB（issue 12 的测量）；换成 zod/mini 不在这一步的范围内，尚未做。）');
}
