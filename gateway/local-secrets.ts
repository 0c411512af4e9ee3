import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * On one laptop (the embedded database, not production) nobody should have to invent keys: the first
 * start writes them into the data directory (readable by this user only) and later starts reuse them,
 * so sessions and members' check-in secrets survive a restart. Values set in the environment win.
 * A deployment never comes here: instances on one database must share their keys (see deployment.ts).
 */
export function ensureLocalSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.SESSION_SECRET && env.CHECKIN_KEY) return;
  const file = path.join(dataDir, 'secrets.json');
  fs.mkdirSync(dataDir, { recursive: true });
  let stored: { SESSION_SECRET?: string; CHECKIN_KEY?: string } = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!stored.SESSION_SECRET || !stored.CHECKIN_KEY) {
    stored = { SESSION_SECRET: randomBytes(32).toString('hex'), CHECKIN_KEY: randomBytes(32).toString('hex'), ...stored };
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  if (!env.SESSION_SECRET) env.SESSION_SECRET = stored.SESSION_SECRET;
  if (!env.CHECKIN_KEY) env.CHECKIN_KEY = stored.CHECKIN_KEY;
}
