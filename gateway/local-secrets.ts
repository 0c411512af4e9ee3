import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const LOCAL_SECRETS = ['SESSION_SECRET', 'CHECKIN_KEY', 'CERTIFICATE_KEY'] as const;
type LocalSecrets = Partial<Record<(typeof LOCAL_SECRETS)[number], string>>;

/**
 * On one laptop (the embedded database, not production) nobody should have to invent keys: the first
 * start writes them into the data directory (readable by this user only) and later starts reuse them,
 * so sessions, members' check-in secrets and certificates' verification codes survive a restart. Values set in the
 * environment win. A deployment never comes here: instances on one database must share their keys (see deployment.ts).
 */
export function ensureLocalSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): void {
  if (LOCAL_SECRETS.every((name) => env[name])) return;
  const file = path.join(dataDir, 'secrets.json');
  fs.mkdirSync(dataDir, { recursive: true });
  let stored: LocalSecrets = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (LOCAL_SECRETS.some((name) => !stored[name])) {
    stored = { ...Object.fromEntries(LOCAL_SECRETS.map((name) => [name, randomBytes(32).toString('hex')])), ...stored };
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  for (const name of LOCAL_SECRETS) if (!env[name]) env[name] = stored[name];
}
