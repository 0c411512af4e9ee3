import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseCheckinCode } from '@core/checkin/checkin-code';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, screenshotPath, shown, phonePage } from './browser';

const MEMBER = { phone: '19900001001', password: 'demo1234' };
const SECRETARY = { phone: '19900000001', password: 'demo1234' };

const route = (path: string) => `${gatewayUrl()}#/pages/${path}`;

/** Waits until the service worker has installed (the shell and the offline pages are in its cache) and controls the page. */
async function offlineReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

/** What the browser keeps in its caches: every URL, by cache. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });

/** The gateway's function endpoint, as the app calls it: offline it must fail, never answer from a cache. */
const callApiFromPage = (page: Page) =>
  page.evaluate(() =>
    fetch('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"listOpen","data":{}}' }).then(
      () => 'answered',
      () => 'failed',
    ),
  );

const setElderMode = (page: Page, on: boolean) =>
  page.evaluate((value) => localStorage.setItem('dyg.elderMode', JSON.stringify({ data: value })), on);

describe('the H5 app with no network (service worker)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let shownCode = '';

  const newPage = async () => {
    const phone = await phonePage(browser, errors);
    contexts.push(phone.context);
    return phone;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  it('should serve the worker from the root, checked on every load', async () => {
    const response = await fetch(`${gatewayUrl()}sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const script = await response.text();
    expect(script).toContain('url:"/index.html"');
    expect(script).not.toMatch(/url:"\/api\//);
  });

  it('should open the member’s check-in code after a reload with no network, once visited', async () => {
    const { context, page } = await newPage();
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    await page.goto(route('member/checkin-code/index'), { waitUntil: 'networkidle' });
    await shown(page, '.checkin-qr[data-code]').waitFor({ timeout: 20_000 });
    await offlineReady(page);

    await context.setOffline(true);
    const reload = await page.reload({ waitUntil: 'load' });
    expect(reload?.fromServiceWorker()).toBe(true);
    const qr = shown(page, '.checkin-qr[data-code]');
    await qr.waitFor({ timeout: 20_000 });
    shownCode = (await qr.getAttribute('data-code')) ?? '';
    expect(parseCheckinCode(shownCode)).not.toBeNull();
    expect(await qr.locator('.checkin-qr__dark').count()).toBeGreaterThan(50);
    await shown(page, '.checkin-code__offline').filter({ hasText: '当前没有网络，签到码照常可用' }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: screenshotPath('offline-member-checkin-code') });

    // A reload from the address bar with no network, in 长辈模式.
    await setElderMode(page, true);
    await page.goto(route('member/checkin-code/index'), { waitUntil: 'load' });
    await shown(page, '.checkin-qr[data-code]').waitFor({ timeout: 20_000 });
    await shown(page, '.checkin-code__offline').waitFor();
    await page.screenshot({ path: screenshotPath('offline-member-checkin-code-elder') });

    expect(await callApiFromPage(page)).toBe('failed');
    const cached = await cachedUrls(page);
    expect(cached).toContain('/index.html');
    expect(cached.some((url) => url.startsWith('/api/'))).toBe(false);
  });

  it('should open the secretary’s scanner with no network and keep a scan for upload', async () => {
    const { token } = await callGateway<{ token: string }>('auth', 'login', SECRETARY);
    const orders = await callGateway<{ items: { id: string; title: string }[] }>(
      'orders', 'listForCommunity', { status: 'published', page: { limit: 1, offset: 0 } }, token,
    );
    const order = orders.items[0];
    expect(order).toBeDefined();

    const { context, page } = await newPage();
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await page.goto(route(`secretary/scanner/index?orderId=${order.id}`), { waitUntil: 'networkidle' });
    await shown(page, '.scanner__order-title').filter({ hasText: order.title }).waitFor({ timeout: 20_000 });
    await offlineReady(page);

    await context.setOffline(true);
    const reload = await page.reload({ waitUntil: 'load' });
    expect(reload?.fromServiceWorker()).toBe(true);
    await shown(page, '.scanner__order-title').filter({ hasText: order.title }).waitFor({ timeout: 20_000 });
    await shown(page, '.scanner__offline').waitFor({ timeout: 5_000 });
    await shown(page, '.scanner__manual-input input').fill(shownCode);
    await shown(page, '.scanner__manual .nut-button').filter({ hasText: '提交' }).tap();
    await shown(page, '.scan-result__headline').filter({ hasText: '已离线保存' }).waitFor({ timeout: 10_000 });
    await shown(page, '.scanner__pending').getByText('待上传 1 条').waitFor();
    await page.screenshot({ path: screenshotPath('offline-secretary-scanner') });

    await setElderMode(page, true);
    await page.reload({ waitUntil: 'load' });
    await shown(page, '.scanner__offline').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('offline-secretary-scanner-elder') });
    // The kept scan stays on this phone; the context closes without uploading it.
    expect(errors).toEqual([]);
  });
});
