import { OFFLINE_PAGES, keepShellAndOfflinePages, offlineWorkerOptions } from '../../config/offline-worker';

/** Just enough of a webpack compilation: the entry's files and the chunk groups the router's imports open. */
function fakeCompilation() {
  const chunk = (...files: string[]) => ({ files: new Set(files), auxiliaryFiles: new Set<string>() });
  const group = (request: string, chunks: ReturnType<typeof chunk>[], children: unknown[] = []) => ({
    origins: [{ request }], chunks, childrenIterable: new Set(children),
  });
  const jsqr = group('jsqr', [chunk('js/9.aaaaaaaa.js')]);
  return {
    entrypoints: new Map([['app', { getFiles: () => ['js/app.11111111.js', 'js/232.11111111.js', 'css/app.1111111111111111.css'] }]]),
    chunkGroups: [
      group('./pages/member/checkin-code/index', [chunk('js/1.22222222.js', 'css/1.2222222222.css')]),
      group('/work/main/src/pages/secretary/scanner/index', [chunk('js/2.33333333.js'), chunk('js/3.44444444.js')], [jsqr]),
      group('./pages/member/order-hall/index', [chunk('js/4.55555555.js')]),
    ],
  };
}

const entry = (url: string) => ({ url, revision: null, size: 1 });

describe('the H5 service worker build', () => {
  it('should precache the shell and the offline pages with every chunk they load, and nothing else', () => {
    const urls = ['/index.html', '/js/app.11111111.js', '/js/232.11111111.js', '/css/app.1111111111111111.css', '/js/1.22222222.js',
      '/css/1.2222222222.css', '/js/2.33333333.js', '/js/3.44444444.js', '/js/9.aaaaaaaa.js', '/js/4.55555555.js', '/js/app.11111111.js.LICENSE.txt'];
    const { manifest, warnings } = keepShellAndOfflinePages(urls.map(entry), fakeCompilation());
    expect(manifest.map((item) => item.url)).toEqual(urls.filter((url) => !url.includes('/4.') && !url.endsWith('.txt')));
    expect(warnings).toEqual([]);
  });

  it('should warn when an offline page is missing from the build', () => {
    const compilation = fakeCompilation();
    compilation.chunkGroups = compilation.chunkGroups.slice(1);
    expect(keepShellAndOfflinePages([entry('/index.html')], compilation).warnings[0]).toMatch(/离线页面的代码块没有全部找到/);
  });

  it('should take over at once, never answer the function endpoint, and serve index.html for the app’s addresses', () => {
    const options = offlineWorkerOptions();
    expect(options).toMatchObject({ swDest: 'sw.js', skipWaiting: true, clientsClaim: true, cleanupOutdatedCaches: true, navigateFallback: '/index.html' });
    expect(options.navigateFallbackDenylist?.some((pattern) => pattern.test('/api/orders'))).toBe(true);
    const chunks = options.runtimeCaching![0].urlPattern as (context: { url: URL; sameOrigin: boolean }) => boolean;
    expect(chunks({ url: new URL('http://h/js/4.55555555.js'), sameOrigin: true })).toBe(true);
    expect(chunks({ url: new URL('http://h/api/orders'), sameOrigin: true })).toBe(false);
    expect(chunks({ url: new URL('http://cdn/js/x.js'), sameOrigin: false })).toBe(false);
    expect(OFFLINE_PAGES).toEqual(['pages/member/checkin-code/index', 'pages/secretary/scanner/index']);
  });
});
