import type { GenerateSWConfig } from 'workbox-webpack-plugin'
import type { Compilation, ChunkGroup } from 'webpack'

/** The pages a phone must be able to open with no network once it has opened them online. */
export const OFFLINE_PAGES = ['pages/member/checkin-code/index', 'pages/secretary/scanner/index']

/** Matches what the H5 app sends to the gateway's function endpoint, which must never come from a cache. */
const API_PATH = /^\/api\//

interface ManifestEntry {
  url: string
  revision: string | null
  size: number
}

const withoutLeadingSlash = (url: string) => url.replace(/^\//, '')

/** The chunk group an offline page's dynamic import opens, found by the request the router's import names. */
function isOfflinePageGroup(group: ChunkGroup): boolean {
  return group.origins.some((origin) => {
    const request = (origin.request ?? '').replace(/\\/g, '/')
    return OFFLINE_PAGES.some((page) => request.endsWith(page) || request.endsWith(`${page}.tsx`))
  })
}

/** Every file a group needs, with the groups it opens in turn (a page's own lazy imports). */
function groupFiles(group: ChunkGroup, into: Set<string>, seen = new Set<ChunkGroup>()): Set<string> {
  if (seen.has(group)) return into
  seen.add(group)
  for (const chunk of group.chunks) {
    for (const file of chunk.files) into.add(file)
    for (const file of chunk.auxiliaryFiles) into.add(file)
  }
  for (const child of group.childrenIterable) groupFiles(child, into, seen)
  return into
}

/**
 * Keeps in the precache only the shell (index.html and the entry chunks) and the offline pages' chunks:
 * the rest of the app is cached as it is visited, so a first visit does not download every page.
 */
export function keepShellAndOfflinePages(entries: ManifestEntry[], compilation?: unknown) {
  const build = compilation as Compilation
  const wanted = new Set<string>(['index.html'])
  for (const entrypoint of build.entrypoints.values()) for (const file of entrypoint.getFiles()) wanted.add(file)
  const pageGroups = build.chunkGroups.filter(isOfflinePageGroup)
  const warnings: string[] = []
  if (pageGroups.length < OFFLINE_PAGES.length) warnings.push(`离线页面的代码块没有全部找到（找到 ${pageGroups.length} 个，应有 ${OFFLINE_PAGES.length} 个）`)
  for (const group of pageGroups) groupFiles(group, wanted)
  const manifest = entries.filter((entry) => wanted.has(withoutLeadingSlash(entry.url)))
  return { manifest, warnings }
}

/**
 * The H5 build's service worker (Workbox): `sw.js` at the site root. The shell and the offline pages are
 * precached; other scripts and styles are cached when first loaded (their names carry a content hash);
 * the gateway's function calls always go to the network. A new version takes over at once.
 */
export function offlineWorkerOptions(): GenerateSWConfig {
  return {
    swDest: 'sw.js',
    inlineWorkboxRuntime: true,
    sourcemap: false,
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    exclude: [/\.map$/, /\.LICENSE\.txt$/],
    manifestTransforms: [keepShellAndOfflinePages],
    dontCacheBustURLsMatching: /\.[0-9a-f]{8,}\.(js|css)$/,
    // The router keeps the page in the hash, so every navigation is index.html.
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [API_PATH, /^\/healthz$/, /^\/sw\.js$/],
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/(js|css|static)\//.test(url.pathname),
        handler: 'CacheFirst',
        options: {
          cacheName: 'dyg-chunks',
          expiration: { maxEntries: 200, purgeOnQuotaError: true },
        },
      },
    ],
  }
}
