import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { commonErrors } from '../cloudfunctions/_core/shared/domain-error';
import { failure } from '../cloudfunctions/_core/shared/envelope';
import { FILE_CONTENT_TYPES, FILE_KEY_PATTERN, LOCAL_FILES_PATH } from '../cloudfunctions/_core/files';
import type { CloudFunction } from './cloud-functions';
import { readBody } from './request-body';
import { chooseEncoding, isCompressible, isHashedAsset, StaticFileCache } from './static-files';
import { API_SECURITY_POLICY, COMMON_SECURITY_HEADERS, inlineScriptHashes, pageSecurityPolicy } from './security-headers';

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
  /** The local file store's folder (DATA_DIR/files), served at `/files/<key>`: a 简讯's photos. */
  filesDir?: string;
  /** Behind one reverse proxy of our own (TRUST_PROXY=true): the client is the last X-Forwarded-For entry, not the socket. */
  trustProxy?: boolean;
  /** Origins besides the app's own whose pages may call the API (`CORS_ORIGINS`); none by default. */
  allowedOrigins?: readonly string[];
  /** Lowered only by tests. */
  timeouts?: Partial<GatewayTimeouts>;
}

export interface GatewayTimeouts {
  /** Until a request's headers are complete. */
  headersMs: number;
  /** Until the whole request has arrived. */
  requestMs: number;
  /** A body that stops arriving for this long is given up. */
  bodyIdleMs: number;
}

export const DEFAULT_TIMEOUTS: GatewayTimeouts = { headersMs: 5_000, requestMs: 15_000, bodyIdleMs: 5_000 };

/**
 * Hosts every cloud function at `POST /api/<function>` with WeChat's event shape
 * (`{ action, data }`; the session token comes from `Authorization: Bearer …`), and the H5 app at `/`.
 */
export function createGatewayServer(options: GatewayOptions): http.Server {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const staticFiles = new StaticFileCache();
  // Node 20 counts both timeouts from a request's first byte, not from an idle keep-alive socket's last answer,
  // so they can be short while keep-alive outlasts them; the check runs often enough to enforce a few seconds.
  const serverOptions = { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: 500 };
  const server = http.createServer(serverOptions, (request, response) => {
    for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.setHeader(name, value);
    handle(options, timeouts, staticFiles, request, response).catch((error) => {
      console.error('[gateway]', error);
      if (!response.headersSent) sendJson(response, 500, failure(commonErrors.error('INTERNAL').toBody()));
    });
  });
  // Outlive the clients' idle keep-alive, so that the server never closes a socket a client is about to reuse.
  server.keepAliveTimeout = 65_000;
  return server;
}

async function handle(options: GatewayOptions, timeouts: GatewayTimeouts, staticFiles: StaticFileCache, request: http.IncomingMessage, response: http.ServerResponse) {
  const pathname = pathOf(request.url);
  if (pathname === undefined) return sendBadAddress(response);
  if (pathname.startsWith('/api/')) {
    allowConfiguredOrigin(options.allowedOrigins ?? [], request, response);
    if (request.method === 'OPTIONS') return void response.writeHead(response.hasHeader('Access-Control-Allow-Origin') ? 204 : 403).end();
    return callFunction(options, timeouts, pathname.slice('/api/'.length), request, response);
  }
  if (pathname === '/healthz') return sendJson(response, 200, { ok: true });
  if (pathname.startsWith(LOCAL_FILES_PATH)) return serveStoredFile(options.filesDir, pathname.slice(LOCAL_FILES_PATH.length), response);
  return serveStatic(options.staticDir, staticFiles, pathname, request, response);
}

/** The decoded path of a request, or undefined when it is not a well-formed address (`/%E0%A4%A`). */
function pathOf(requestUrl: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(requestUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

function sendBadAddress(response: http.ServerResponse) {
  const text = '请求地址无效';
  response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  response.end(text);
}

/** The H5 app calls from its own origin and needs no CORS; another origin only when the deployment lists it. */
function allowConfiguredOrigin(allowed: readonly string[], request: http.IncomingMessage, response: http.ServerResponse) {
  response.setHeader('Vary', 'Origin');
  const origin = request.headers.origin;
  if (!origin || !allowed.includes(origin)) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Methods', 'POST');
  response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  response.setHeader('Access-Control-Max-Age', '600');
}

async function callFunction(options: GatewayOptions, timeouts: GatewayTimeouts, name: string, request: http.IncomingMessage, response: http.ServerResponse) {
  const main = Object.hasOwn(options.functions, name) ? options.functions[name] : undefined;
  if (!main) return sendJson(response, 404, failure({ code: 'UNKNOWN_FUNCTION', message: '没有这个云函数' }));
  if (request.method !== 'POST') return sendJson(response, 405, failure({ code: 'METHOD_NOT_ALLOWED', message: '请使用 POST 调用云函数' }));
  const body = await readBody(request, timeouts.bodyIdleMs);
  if (body.kind === 'aborted') return void response.destroy();
  // Either way the connection is not reused: what is left of the body must not be read as the next request.
  if (body.kind === 'too_large') return sendRefusal(response, 413, '请求内容过大');
  if (body.kind === 'stalled') return sendRefusal(response, 408, '请求内容接收超时，请重试');
  let event: { action?: unknown; data?: unknown };
  try {
    event = JSON.parse(body.text || '{}');
  } catch {
    return sendJson(response, 400, failure(commonErrors.error('VALIDATION_FAILED', '请求内容不是有效的 JSON').toBody()));
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

function sendRefusal(response: http.ServerResponse, status: number, detail: string) {
  response.setHeader('Connection', 'close');
  sendJson(response, status, failure(commonErrors.error('VALIDATION_FAILED', detail).toBody()));
}

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': API_SECURITY_POLICY,
  });
  response.end(text);
}

async function serveStatic(staticDir: string | undefined, cache: StaticFileCache, pathname: string, request: http.IncomingMessage, response: http.ServerResponse) {
  const index = staticDir && path.join(staticDir, 'index.html');
  if (!staticDir || !index || !fs.existsSync(index)) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': pageSecurityPolicy() });
    return void response.end(
      '<!doctype html><meta charset="utf-8"><title>党员义工 · 三单制</title><p>云函数网关已启动（POST /api/&lt;函数名&gt;）。H5 页面尚未构建：请运行 <code>npm run build:h5</code> 后刷新。</p>',
    );
  }
  const requested = path.normalize(path.join(staticDir, pathname));
  const inside = requested.startsWith(path.resolve(staticDir) + path.sep);
  const file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : index;
  // The page and the service worker are checked on every load, so that a new build takes over; the chunks carry a content hash.
  const revalidate = file === index || file === path.join(staticDir, SERVICE_WORKER_FILE);
  const { plain, body, encoding } = await cache.read(file, chooseEncoding(request.headers['accept-encoding']));
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': revalidate ? 'no-cache' : isHashedAsset(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    'Content-Length': body.length,
    // The policy hashes the page's inline scripts in the bytes before compression, which are what the browser sees.
    'Content-Security-Policy': pageSecurityPolicy(file === index ? inlineScriptHashes(plain.toString('utf8')) : []),
  };
  if (isCompressible(file)) headers['Vary'] = 'Accept-Encoding';
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  response.writeHead(200, headers);
  response.end(body);
}

/**
 * A file of the local store: only a key our store makes (FILE_KEY_PATTERN, so no `..` or other folders), with the
 * content type of its kind and nosniff, so that no upload is ever read as a page or a script.
 */
function serveStoredFile(filesDir: string | undefined, key: string, response: http.ServerResponse) {
  const file = filesDir && FILE_KEY_PATTERN.test(key) ? path.join(filesDir, key) : undefined;
  if (!file || !fs.existsSync(file)) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    return void response.end('没有这个文件');
  }
  const body = fs.readFileSync(file);
  response.writeHead(200, {
    'Content-Type': FILE_CONTENT_TYPES[path.extname(file).slice(1)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    // A key names one upload forever (a new photo gets a new key).
    'Cache-Control': 'private, max-age=86400',
    'Content-Security-Policy': "default-src 'none'",
  });
  response.end(body);
}

export function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}
