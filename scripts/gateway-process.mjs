// Starts the built gateway (.build/gateway/main.js) as a child process on a free port and a given data
// directory, and waits for its banner: for the browser suite and the export preview.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './h5-build.mjs';

/** Resolves with the gateway's address and a stop() that ends it; rejects with its output if it exits first. */
export async function startGateway(env) {
  const gateway = spawn(process.execPath, [path.join(root, '.build/gateway/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATABASE_URL: '', PASSWORD_COST: '1024', ...env },
  });
  let banner = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      banner += chunk.toString();
      const found = /已启动：(http:\/\/\S+)/.exec(banner)?.[1];
      if (found) resolve(found);
    };
    gateway.stdout.on('data', onData);
    gateway.stderr.on('data', onData);
    gateway.on('exit', (code) => reject(new Error(`网关退出（${code}）：${banner}`)));
  });
  const stop = async () => {
    gateway.removeAllListeners('exit');
    gateway.kill('SIGTERM');
    await new Promise((resolve) => gateway.on('exit', resolve));
  };
  return { url, stop };
}
