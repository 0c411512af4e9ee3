import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip' | 'identity';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.ttf']);

/** Webpack names the H5 chunks `<name>.<hash>.<ext>` (config/index.ts): such a file never changes under its name. */
const HASHED_ASSET = /^[\w-]+\.[0-9a-f]{8,}\.(js|css|woff2?|ttf|png|jpe?g|svg)$/;

export function isHashedAsset(file: string): boolean {
  return HASHED_ASSET.test(path.basename(file));
}

/** The encoding to answer with: brotli when the client accepts it, else gzip, else none (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface CachedFile {
  version: string;
  bytes: Buffer;
  encoded: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
}

const PRECOMPRESSED_SUFFIX = { br: '.br', gzip: '.gz' } as const;

/**
 * The bytes the H5 build wrote beside a hashed file for this encoding (config/precompress-assets.ts), if it wrote
 * them after the file last changed: the build compresses harder than the gateway can afford to on a request.
 */
function readPrecompressed(file: string, encoding: 'br' | 'gzip', plain: fs.Stats): Promise<Buffer> | undefined {
  if (!isHashedAsset(file)) return undefined;
  const encoded = file + PRECOMPRESSED_SUFFIX[encoding];
  if (!fs.existsSync(encoded) || fs.statSync(encoded).mtimeMs < plain.mtimeMs) return undefined;
  return fs.promises.readFile(encoded);
}

/**
 * The H5 build's files in memory, each compressed once per encoding on first request (on the libuv pool, not the
 * event loop) unless the build wrote it compressed beside it, and kept until its mtime or size changes, so that a
 * rebuild takes over without a restart and a start pays nothing for chunks nobody asks for. Brotli quality 5: 13 ms for the largest chunk against 350 ms at
 * quality 11 (which is 18 % smaller), so the first visitor after a start does not wait for the compressor.
 */
export class StaticFileCache {
  private readonly files = new Map<string, CachedFile>();

  /** The file's bytes as sent (`encoding` says how), or plain when compressing does not make it smaller. */
  async read(file: string, wanted: ContentEncoding): Promise<{ plain: Buffer; body: Buffer; encoding: ContentEncoding }> {
    const stat = fs.statSync(file);
    const version = `${stat.mtimeMs}:${stat.size}`;
    let cached = this.files.get(file);
    if (!cached || cached.version !== version) {
      cached = { version, bytes: fs.readFileSync(file), encoded: {} };
      this.files.set(file, cached);
    }
    const plain = cached.bytes;
    if (wanted === 'identity' || !isCompressible(file)) return { plain, body: plain, encoding: 'identity' };
    cached.encoded[wanted] ??=
      readPrecompressed(file, wanted, stat) ??
      (wanted === 'br'
        ? brotli(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length } })
        : gzip(plain, { level: 9 }));
    const body = await cached.encoded[wanted]!;
    return body.length < plain.length ? { plain, body, encoding: wanted } : { plain, body: plain, encoding: 'identity' };
  }
}

export function isCompressible(file: string): boolean {
  return COMPRESSIBLE.has(path.extname(file));
}
