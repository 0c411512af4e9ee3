// `flock /tmp/h5-build.lock node bench/first-screen.mjs`: the cold login's FCP and the order hall's LCP in Chromium
// with the CPU slowed 4× and a Lighthouse-mobile network (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, as DevTools
// throttles it), each on a new empty profile, served compressed and, as the baseline in the same run, asking for
// no compression. Targets from issue 12: FCP < 1.8 s, LCP < 2.5 s. Not part of npm test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startGateway } from '../scripts/gateway-process.mjs';
import { ensureH5Build } from '../scripts/h5-build.mjs';

const TRIES = Number(process.env.BENCH_FIRST_SCREEN_TRIES ?? 3);
const MEMBER = { phone: '19900001001', password: 'demo1234' };
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const TARGETS = { fcp: 1800, lcp: 2500 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!ensureH5Build()) process.exit(1);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-first-screen-'));
const { url, stop } = await startGateway({ DATA_DIR: dataDir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const phone = (storageState) =>
  browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block', ...(storageState ? { storageState } : {}) });

/** A page on a new profile with the throttling on; `plain` asks the server for no compression. */
async function throttledPage(context, plain) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (plain) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  return page;
}

/** What the page's scripts and styles weighed on the wire and after decoding. */
const transferred = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce(
      (sum, entry) => ({ wire: sum.wire + entry.encodedBodySize, decoded: sum.decoded + entry.decodedBodySize }),
      { wire: 0, decoded: 0 },
    ),
  );

const paintOf = (page) => page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);

async function coldLogin(plain) {
  const context = await phone();
  const page = await throttledPage(context, plain);
  await page.goto(`${url}#/pages/auth/login/index`, { waitUntil: 'load', timeout: 120_000 });
  await page.locator('input[placeholder="请输入11位手机号码"] >> visible=true').waitFor({ timeout: 120_000 });
  const fcp = await paintOf(page);
  const bytes = await transferred(page);
  await context.close();
  return { fcp, bytes };
}

/** A member's session, logged in once without throttling, for the order hall's cold loads. */
async function memberSession() {
  const context = await phone();
  const page = await context.newPage();
  await page.goto(`${url}#/pages/auth/login/index`, { waitUntil: 'networkidle' });
  await page.locator('input[placeholder="请输入11位手机号码"]').fill(MEMBER.phone);
  await page.locator('input[placeholder="请输入密码"]').fill(MEMBER.password);
  await page.locator('.nut-button >> visible=true').filter({ hasText: '登录' }).first().tap();
  await page.waitForURL(/pages\/member\/order-hall/, { timeout: 60_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

async function coldOrderHall(session, plain) {
  const context = await phone(session);
  const page = await throttledPage(context, plain);
  await page.goto(`${url}#/pages/member/order-hall/index`, { waitUntil: 'networkidle', timeout: 120_000 });
  await page.locator('.page-shell__body >> visible=true').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  const lcp = await page.evaluate(() => window.__lcp);
  await context.close();
  return { lcp };
}

try {
  const session = await memberSession();
  const rows = [];
  for (const plain of [true, false]) {
    const logins = [];
    const halls = [];
    for (let i = 0; i < TRIES; i++) {
      logins.push(await coldLogin(plain));
      halls.push(await coldOrderHall(session, plain));
    }
    rows.push({
      label: plain ? '不压缩（基线）' : '压缩（br）',
      fcp: median(logins.map((run) => run.fcp)),
      lcp: median(halls.map((run) => run.lcp)),
      wireKb: logins[0].bytes.wire / 1024,
      decodedKb: logins[0].bytes.decoded / 1024,
    });
  }
  console.log(`\n== 首屏（Chromium，CPU 4× 降速，移动网络 150 ms RTT / 1.6 Mbit/s，新空白配置；${TRIES} 次取中位数）`);
  console.log('serving            login KB wire/decoded   login FCP ms   order hall LCP ms');
  for (const row of rows) {
    console.log(`${row.label.padEnd(14)} ${`${row.wireKb.toFixed(0)} / ${row.decodedKb.toFixed(0)}`.padStart(22)} ${row.fcp.toFixed(0).padStart(14)} ${row.lcp.toFixed(0).padStart(19)}`);
  }
  const [baseline, compressed] = rows;
  const verdict = (met) => (met ? '达标' : '未达标');
  console.log(`登录页 FCP ${compressed.fcp.toFixed(0)} ms（基线 ${baseline.fcp.toFixed(0)} ms，比值 ${(compressed.fcp / baseline.fcp).toFixed(2)}；目标 < ${TARGETS.fcp} ms：${verdict(compressed.fcp < TARGETS.fcp)}）`);
  console.log(`接单大厅 LCP ${compressed.lcp.toFixed(0)} ms（基线 ${baseline.lcp.toFixed(0)} ms，比值 ${(compressed.lcp / baseline.lcp).toFixed(2)}；目标 < ${TARGETS.lcp} ms：${verdict(compressed.lcp < TARGETS.lcp)}）`);
} finally {
  await browser.close();
  await stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
