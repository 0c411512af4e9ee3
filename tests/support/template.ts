import os from 'node:os';
import path from 'node:path';

/** Where the migrated PGlite template lives for one jest run. */
export const pgliteTemplatePath = () =>
  process.env.PGLITE_TEMPLATE ?? path.join(os.tmpdir(), `dyg-pglite-template-${process.ppid}.tgz`);

export const SERVER_TEMPLATE_DB = 'dyg_test_template';

export function serverUrlFor(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
