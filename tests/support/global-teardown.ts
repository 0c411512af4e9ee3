import fs from 'node:fs';

/** Removes the template database the global setup wrote for this run (about 5 MB in the temporary directory each time). */
export default async function globalTeardown(): Promise<void> {
  const file = process.env.DYG_TEMPLATE_WRITTEN;
  if (file) fs.rmSync(file, { force: true });
}
