import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { precompressFiles } from '../../config/precompress-assets';
import { StaticFileCache } from '../../gateway/static-files';

const chunkText = Array.from({ length: 400 }, (_, i) => `export const item${i} = { id: ${i}, label: "第${i}项", done: ${i % 3 === 0} };`).join('\n');

describe('the H5 build compressed at build time', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-precompress-'));
    fs.mkdirSync(path.join(dir, 'js'));
    fs.writeFileSync(path.join(dir, 'js/app.8da0afc6.js'), chunkText);
    fs.writeFileSync(path.join(dir, 'js/tiny.0123abcd.js'), 'a');
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${chunkText}`);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should write brotli and gzip beside each named file that decode to it, and none where they are not smaller', async () => {
    await precompressFiles(dir, ['js/app.8da0afc6.js', 'js/tiny.0123abcd.js']);
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'js/app.8da0afc6.js.br'))).toString()).toBe(chunkText);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'js/app.8da0afc6.js.gz'))).toString()).toBe(chunkText);
    expect(fs.readdirSync(path.join(dir, 'js')).sort()).toEqual(['app.8da0afc6.js', 'app.8da0afc6.js.br', 'app.8da0afc6.js.gz', 'tiny.0123abcd.js']);
  });

  it('should not compress again a file whose compressed copies are newer than it', async () => {
    expect(await precompressFiles(dir, ['js/app.8da0afc6.js'])).toEqual({ written: 2 });
    expect(await precompressFiles(dir, ['js/app.8da0afc6.js'])).toEqual({ written: 0 });
  });

  it('should make the gateway send the build’s bytes for a hashed file, for brotli and for gzip', async () => {
    await precompressFiles(dir, ['js/app.8da0afc6.js']);
    // Marked so that bytes the gateway compressed itself could not pass for them.
    const marked = (suffix: string, encode: (text: string) => Buffer) => {
      const bytes = encode(`${chunkText}\n// from the build`);
      fs.writeFileSync(path.join(dir, `js/app.8da0afc6.js${suffix}`), bytes);
      return bytes;
    };
    const br = marked('.br', (text) => zlib.brotliCompressSync(text));
    const gz = marked('.gz', (text) => zlib.gzipSync(text));
    const cache = new StaticFileCache();
    const file = path.join(dir, 'js/app.8da0afc6.js');
    expect(await cache.read(file, 'br')).toMatchObject({ body: br, encoding: 'br' });
    expect(await cache.read(file, 'gzip')).toMatchObject({ body: gz, encoding: 'gzip' });
    expect((await cache.read(file, 'identity')).body.toString()).toBe(chunkText);
  });

  it('should compress on the fly a file the build left uncompressed, or whose copy is older than it', async () => {
    const file = path.join(dir, 'js/app.8da0afc6.js');
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync('stale'));
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.br`, past, past);
    const cache = new StaticFileCache();
    const stale = await cache.read(file, 'br');
    expect(stale.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(stale.body).toString()).toBe(chunkText);
    const gzipped = await cache.read(file, 'gzip');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(chunkText);
  });

  it('should never send a copy beside a file without a content hash (the page), which changes under its name', async () => {
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(`${index}.br`, zlib.brotliCompressSync('an older page'));
    const sent = await new StaticFileCache().read(index, 'br');
    expect(zlib.brotliDecompressSync(sent.body).toString()).toBe(`<!doctype html>${chunkText}`);
  });
});
