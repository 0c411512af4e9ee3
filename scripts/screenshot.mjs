// Screenshot a page as a phone would show it (375×812 @2x, touch), for checking H5 builds.
// Usage: node scripts/screenshot.mjs <url> <out.png> [--wait-for=<css selector>] [--full-page]
// CHROMIUM_PATH overrides the browser (default /usr/bin/chromium). Exits 1 if the page throws.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const flags = new Map(
  process.argv
    .slice(2)
    .filter((arg) => arg.startsWith('--'))
    .map((arg) => {
      const [key, ...value] = arg.slice(2).split('=')
      return [key, value.length ? value.join('=') : true]
    }),
)
const [url, out] = positional
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [--wait-for=<selector>] [--full-page]')
  process.exit(2)
}

// A fresh profile each run, so no cache or service worker from an earlier build leaks in.
const userDataDir = await mkdtemp(path.join(tmpdir(), 'screenshot-profile-'))
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
})

const pageErrors = []
try {
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('pageerror', (error) => pageErrors.push(error))
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[console] ${message.text()}`)
  })
  await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 })
  if (typeof flags.get('wait-for') === 'string') {
    await page.waitForSelector(flags.get('wait-for'), { timeout: 15_000 })
  }
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: out, fullPage: flags.has('full-page') })
  console.log(`${out} <- ${page.url()} (title: ${await page.title()})`)
} finally {
  await context.close()
  await rm(userDataDir, { recursive: true, force: true })
}

for (const error of pageErrors) console.error(`[pageerror] ${error.stack ?? error}`)
process.exit(pageErrors.length ? 1 : 0)
