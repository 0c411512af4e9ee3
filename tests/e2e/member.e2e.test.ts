import jsQR from 'jsqr';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { parseCheckinCode } from '@core/checkin/checkin-code';
import { launchChromium, logInInBrowser, screenshotPath, shown, phonePage } from './browser';

const MEMBER = { phone: '19900001001', password: 'demo1234' };

/** Reads a QR the way a scanner would: from the pixels on screen, not from the DOM. */
async function decodeQrOnScreen(page: Page, qr: Locator): Promise<string | null> {
  const png = (await qr.screenshot()).toString('base64');
  // Thresholded in the page at CSS-pixel scale and sent back as one character a pixel: small and quick.
  const image = await page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const width = Math.round(img.width / window.devicePixelRatio);
    const height = Math.round(img.height / window.devicePixelRatio);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.imageSmoothingEnabled = false;
    context.drawImage(img, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    let bits = '';
    for (let i = 0; i < data.length; i += 4) bits += data[i] + data[i + 1] + data[i + 2] < 384 ? '1' : '0';
    return { width, height, bits };
  }, png);
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.bits.length; i += 1) rgba.fill(image.bits[i] === '1' ? 0 : 255, i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4);
  return jsQR(rgba, image.width, image.height)?.data ?? null;
}

/** The code on screen, read from the pixels; the attribute is read around it in case a step boundary falls in between. */
async function scanCode(page: Page, qr: Locator): Promise<{ decoded: string | null; shown: string[] }> {
  const before = (await qr.getAttribute('data-code')) ?? '';
  const decoded = await decodeQrOnScreen(page, qr);
  const after = (await qr.getAttribute('data-code')) ?? '';
  return { decoded, shown: [before, after] };
}

const tab = (page: Page, text: string) => shown(page, '.role-tab-bar__item').filter({ hasText: text });

describe('the member (党员义工) pages in the H5 build', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ context, page } = await phonePage(browser, errors));
  });
  afterAll(async () => browser.close());

  it('should log in and land in the order hall with the invitation first', async () => {
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    await shown(page, '.order-card').first().waitFor({ timeout: 20_000 });

    await shown(page, '.order-card').first().getByText('定向邀请').waitFor({ state: 'visible', timeout: 10_000 });
    await shown(page, '.order-card').first().getByText(/还剩 \d+ 个名额/).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('member-hall') });
  });

  let acceptedTitle = '';
  it('should accept an open order after confirming in a dialog', async () => {
    const openCard = shown(page, '.order-card').filter({ hasText: '可接单' }).first();
    acceptedTitle = (await openCard.locator('.order-card__title').textContent()) ?? '';
    expect(acceptedTitle).not.toBe('');
    await openCard.tap();
    await page.waitForURL(/pages\/member\/order-detail/);
    await shown(page, '.member-order').waitFor();

    await shown(page, '.nut-button').filter({ hasText: /^接单$/ }).tap();
    const dialog = shown(page, '.nut-dialog');
    await dialog.getByText(acceptedTitle).waitFor({ state: 'visible', timeout: 10_000 });
    await dialog.locator('.nut-button').filter({ hasText: '确认接单' }).tap();

    await shown(page, '.member-order').getByText('已接单 · 待开始').waitFor({ timeout: 15_000 });
    await shown(page, '.nut-button').filter({ hasText: '取消接单' }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('member-accepted') });
  });

  it('should list the accepted order under 待开始 in my tasks', async () => {
    await page.goBack();
    await tab(page, '我的任务').tap();
    await page.waitForURL(/pages\/member\/my-tasks/);
    const task = shown(page, '.my-tasks .order-card').filter({ hasText: acceptedTitle });
    await task.waitFor({ timeout: 15_000 });
    expect(await task.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('member-tasks') });
  });

  it('should show a check-in code that parses, scans, and changes at the 30 s step even offline', async () => {
    await tab(page, '签到码').tap();
    await page.waitForURL(/pages\/member\/checkin-code/);
    const qr = shown(page, '[data-code]');
    await qr.waitFor({ timeout: 15_000 });
    const first = (await qr.getAttribute('data-code')) ?? '';
    const parsed = parseCheckinCode(first);
    expect(parsed).not.toBeNull();
    const firstScan = await scanCode(page, qr);
    expect(firstScan.shown).toContain(firstScan.decoded);
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(240);
    await shown(page, '.checkin-code').getByText('党员张一').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await shown(page, '.checkin-code__countdown').textContent()).toMatch(/^\d{1,2}秒后刷新$/);
    await shown(page, '.checkin-code').getByText(/无网络也能使用/).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('member-checkin-code') });

    // No network from here on: the code is computed on the phone.
    await context.setOffline(true);
    await page.waitForFunction((previous) => document.querySelector('[data-code]')?.getAttribute('data-code') !== previous, first, {
      timeout: 32_000,
    });
    await shown(page, '.checkin-code__offline').waitFor({ state: 'visible', timeout: 5_000 });
    const next = (await qr.getAttribute('data-code')) ?? '';
    const nextParsed = parseCheckinCode(next);
    expect(nextParsed).toMatchObject({ deviceId: parsed!.deviceId });
    expect(nextParsed!.step).toBeGreaterThan(parsed!.step);
    const nextScan = await scanCode(page, qr);
    expect(nextScan.shown).toContain(nextScan.decoded);
    await page.screenshot({ path: screenshotPath('member-checkin-code-offline') });
    await context.setOffline(false);
  });

  it('should show this year\'s hours against the target, by quarter, with the records', async () => {
    await tab(page, '我的时长').tap();
    await page.waitForURL(/pages\/member\/my-hours/);
    const total = shown(page, '.my-hours__total-number');
    await total.waitFor({ timeout: 15_000 });
    expect(Number(await total.textContent())).toBeGreaterThan(0);
    await shown(page, '.my-hours').getByText('按季度').waitFor({ state: 'visible', timeout: 10_000 });
    await shown(page, '.my-hours').getByText('扫码签到时长').waitFor({ state: 'visible', timeout: 10_000 });
    await shown(page, '.record-card').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('member-hours') });
    expect(errors).toEqual([]);
  });
});
