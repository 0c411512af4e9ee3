import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const functionsDir = path.resolve(__dirname, '../../cloudfunctions');
const BUDGET_BYTES = 600 * 1024;

const functionNames = () =>
  fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .filter((entry) => fs.existsSync(path.join(functionsDir, entry.name, 'index.ts')))
    .map((entry) => entry.name);

// The bundles are built by the suite's global setup (scripts/build-functions.mjs), as they are deployed.
describe('the built cloud function bundles', () => {
  it('should build one bundle for every function', () => {
    const names = functionNames();
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !fs.existsSync(path.join(functionsDir, name, 'index.js')))).toEqual([]);
  });

  it('should keep each bundle under 600 KB, the size a cold instance loads before its first answer', () => {
    const oversized = Object.fromEntries(
      functionNames()
        .map((name) => [name, fs.statSync(path.join(functionsDir, name, 'index.js')).size] as const)
        .filter(([, bytes]) => bytes >= BUDGET_BYTES)
        .map(([name, bytes]) => [name, `${(bytes / 1024).toFixed(0)} KB`]),
    );
    expect(oversized).toEqual({});
  });

  it('should carry only the English messages of zod, not its other locales', () => {
    // zod's `locales` namespace (about 260 KB) comes in whole when `z` is imported by name rather than as a namespace.
    const withLocales = functionNames().filter((name) => fs.readFileSync(path.join(functionsDir, name, 'index.js'), 'utf8').includes('Ongeldige invoer'));
    expect(withLocales).toEqual([]);
  });

  it("should not make Node load its fetch (undici) at require, which pg's Cloudflare probe did on every cold start", () => {
    const script = `require(process.argv[1]); process.stdout.write(String(process.moduleLoadList.some((name) => name.includes('undici'))));`;
    const loadingFetch = functionNames().filter(
      (name) => execFileSync(process.execPath, ['-e', script, path.join(functionsDir, name, 'index.js')], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } }) === 'true',
    );
    expect(loadingFetch).toEqual([]);
  });
});
