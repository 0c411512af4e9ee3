import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { commonErrors } from '../cloudfunctions/_core/shared/domain-error';
import { failure } from '../cloudfunctions/_core/shared/envelope';
import type { CloudFunction } from './cloud-functions';

const MAX_BODY_BYTES = 1024 * 1024;
/** The H5 build's service worker (config/offline-worker.ts), served from the root so that it controls the whole app. */
export const SERVICE_WORKER_FILE = 'sw.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface GatewayOptions {
  functions: Record<string, CloudFunction>;
  /** The H5 build to serve at `/`, when it exists. */
  staticDir?: string;
  /** Behind one reverse proxy of our own (TRUST_PROXY=true): the client is the last X-Forwarded-For entry, not the socket. */
  trustProxy?: boolean;
}

/**
 * Hosts every cloud function at `POST /api/<function>` with WeChat's event shape
 * (`{ action, data }`; the session token comes from `Authorization: Bearer …`), and the H5 app at `/`.
 */
export function createGatewayServer(options: GatewayOptions): http.Server {
  const server = http.createServer((request, response) => {
    handle(options, request, response).catch((error) => {
      console.error('[gateway]', error);
      if (!response.headersSent) sendJson(response, 500, failure(commonErrors.error('INTERNAL').toBody()));
    });
  });
  // Outlive the clients' idle keep-alive, so that the server never closes a socket a client is about to reuse.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

async function handle(options: GatewayOptions, request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    return callFunction(options, url.pathname.slice('/api/'.length), request, response);
  }
  if (url.pathname === '/healthz') return sendJson(response, 200, { ok: true });
  return serveStatic(options.staticDir, url.pathname, response);
}

async function callFunction(options: GatewayOptions, name: string, request: http.IncomingMessage, response: http.ServerResponse) {
  const main = Object.hasOwn(options.functions, name) ? options.functions[name] : undefined;
  if (!main) return sendJson(response, 404, failure({ code: 'UNKNOWN_FUNCTION', message: `没有名为 ${name} 的云函数` }));
  if (request.method !== 'POST') return sendJson(response, 405, failure({ code: 'METHOD_NOT_ALLOWED', message: '请使用 POST 调用云函数' }));
  let event: { action?: unknown; data?: unknown };
  try {
    event = JSON.parse((await readBody(request)) || '{}');
  } catch (error) {
    const tooLarge = (error as Error).message === 'too large';
    return sendJson(response, tooLarge ? 413 : 400, failure(commonErrors.error('VALIDATION_FAILED', tooLarge ? '请求内容过大' : '请求内容不是有效的 JSON').toBody()));
  }
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const envelope = await main({ action: event?.action, data: event?.data, ...(token ? { token } : {}) }, { source: 'gateway', clientAddress: clientAddressOf(request, options.trustProxy) });
  sendJson(response, 200, envelope);
}

/** The login throttle's client address: the socket's peer; a client-sent header only when our own proxy set it. */
function clientAddressOf(request: http.IncomingMessage, trustProxy = false): string | undefined {
  const forwarded = trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : undefined;
  return forwarded || request.socket.remoteAddress;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function serveStatic(staticDir: string | undefined, pathname: string, response: http.ServerResponse) {
  const index = staticDir && path.join(staticDir, 'index.html');
  if (!staticDir || !index || !fs.existsSync(index)) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    return void response.end(
      '<!doctype html><meta charset="utf-8"><title>党员义工 · 三单制</title><p>云函数网关已启动（POST /api/&lt;函数名&gt;）。H5 页面尚未构建：请运行 <code>npm run build:h5</code> 后刷新。</p>',
    );
  }
  const requested = path.normalize(path.join(staticDir, decodeURIComponent(pathname)));
  const inside = requested.startsWith(path.resolve(staticDir) + path.sep);
  const file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : index;
  // The page and the service worker are checked on every load, so that a new build takes over; the chunks carry a content hash.
  const revalidate = file === index || file === path.join(staticDir, SERVICE_WORKER_FILE);
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': revalidate ? 'no-cache' : 'public, max-age=3600',
  });
  fs.createReadStream(file).pipe(response);
}

export function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}
