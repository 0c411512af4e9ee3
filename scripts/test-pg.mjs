// `npm run test:pg`: runs the jest suite against a real PostgreSQL server. With DATABASE_URL set it
// uses that server; otherwise it starts a throwaway one from Debian's postgresql package on
// 127.0.0.1 (a free port, a temporary directory) and removes it afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const extraArgs = process.argv.slice(2);

function findPgBin() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((version) => path.join(base, version, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!bin) throw new Error('找不到 PostgreSQL（initdb）。请先安装：apt-get install -y postgresql');
  return bin;
}

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function runJest(databaseUrl) {
  const result = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', path.join(root, 'node_modules/jest/bin/jest.js'), ...extraArgs],
    { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  return result.status ?? 1;
}

async function withThrowawayServer(run) {
  const bin = findPgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster belongs to the postgres user then.
  const as = (command, args) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  as(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  as(path.join(bin, 'pg_ctl'), [
    '-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off`, 'start',
  ]);
  console.log(`PostgreSQL ${path.basename(path.dirname(bin))} 已在 127.0.0.1:${port} 启动（临时目录 ${dir}）`);
  try {
    return await run(`postgres://postgres@127.0.0.1:${port}/postgres`);
  } finally {
    try {
      as(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

const status = process.env.DATABASE_URL ? runJest(process.env.DATABASE_URL) : await withThrowawayServer(async (url) => runJest(url));
process.exit(status);
