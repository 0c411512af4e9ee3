import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const gatewayUrl = () => {
  const url = process.env.GATEWAY_URL;
  if (!url) throw new Error('GATEWAY_URL is not set: run the browser suite with npm run test:e2e');
  return url;
};

const QUIET_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium, headless and quiet on a closed network; Playwright gives each launch a new empty profile. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...QUIET_FLAGS, ...extraArgs],
  });
}

/** A phone: 375×812 at 2×, touch. */
export const newPhone = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });

/** A new phone and a page on it whose uncaught errors are pushed to `errors` (prefixed with `label` when given). */
export async function phonePage(browser: Browser, errors: string[], label?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhone(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(label ? `${label}: ${error.message}` : error.message));
  return { context, page };
}

export const screenshotPath = (name: string) => path.join(process.env.E2E_ARTIFACTS ?? os.tmpdir(), `${name}.png`);

/** Taro's H5 router keeps earlier pages in the DOM, hidden: look only at what is on screen. */
export const shown = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);

/** Logs in on the login page as a user would (phone, password, 登录) and waits until the page it lands on has settled. */
export async function logInInBrowser(page: Page, account: { phone: string; password: string }, landing: RegExp): Promise<void> {
  await page.goto(`${gatewayUrl()}#/pages/auth/login/index`, { waitUntil: 'networkidle' });
  await page.locator('input[placeholder="请输入11位手机号码"]').fill(account.phone);
  await page.locator('input[placeholder="请输入密码"]').fill(account.password);
  await shown(page, '.nut-button').filter({ hasText: '登录' }).first().tap();
  await page.waitForURL(landing, { timeout: 20_000 });
  await settled(page);
}

/**
 * Waits until the page on screen has drawn its frame and finished loading. Changing the address while
 * the router is still opening the previous page can lose the change, so tests wait for this first.
 */
async function settled(page: Page): Promise<void> {
  await shown(page, '.page-shell__body').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.page-shell__loading')).some((element) => element.checkVisibility()),
    undefined,
    { timeout: 20_000 },
  );
}

interface Envelope<T> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string };
}

/** Calls a cloud function through the gateway, as the H5 app does, for set-up a test does not click through. */
export async function callGateway<T>(fn: string, action: string, data: unknown, token?: string): Promise<T> {
  const response = await fetch(`${gatewayUrl()}api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const answer = (await response.json()) as Envelope<T>;
  if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.error?.code} ${answer.error?.message}`);
  return answer.data;
}

/**
 * Drags a finger up (positive rows) or down the wheel slowly enough that it does not fling. Like a thumb it stops a
 * little past the row, so the wheel snaps back and settles (it picks the row only when that snap ends).
 */
async function dragWheel(page: Page, wheel: Locator, rows: number) {
  const box = (await wheel.boundingBox())!;
  const rowHeight = (await wheel.locator('.nut-pickerview-roller-placeholder').boundingBox())!.height;
  const x = box.x + box.width / 2;
  const fromY = box.y + box.height / 2;
  const distance = (rows + Math.sign(rows) * 0.3) * rowHeight;
  const touch = await page.context().newCDPSession(page);
  await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
  for (let step = 1; step <= 10; step += 1) {
    await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: fromY - (distance * step) / 10 }] });
    await page.waitForTimeout(50);
  }
  await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await touch.detach();
}

/** The number a picker wheel stands on. */
export const wheelNumber = async (wheel: Locator) => Number.parseInt(await wheel.locator('.nut-pickerview-roller-item-active').innerText(), 10);

/** Turns one wheel of the open picker (0 = 年 or 时, 1 = 月 or 分) until it stands on the number, a few rows per drag as a thumb would. */
export async function turnWheel(page: Page, column: number, target: number) {
  const wheel = shown(page, '.nut-picker .nut-pickerview-list').nth(column);
  for (let drags = 0; drags < 20; drags += 1) {
    const rows = target - (await wheelNumber(wheel));
    if (rows === 0) return;
    await dragWheel(page, wheel, Math.max(-5, Math.min(5, rows)));
    await page.waitForTimeout(400); // the wheel settles
  }
  throw new Error(`the wheel did not reach ${target}`);
}

/** The demo seed's accounts (gateway/demo-seed.ts); suites log in as these and must leave their login flow as it is. */
export const DEMO = {
  secretary: { phone: '19900000001', password: 'demo1234' },
  member: { phone: '19900001001', password: 'demo1234' },
  resident: { phone: '19900002001', password: 'demo1234' },
  districtAdmin: { phone: '19900000010', password: 'demo1234' },
  unitAdmin: { phone: '19900000011', password: 'demo1234' },
} as const;

/** Taps the first button on screen that carries the text. */
export const tapButton = (page: Page, text: string | RegExp) => shown(page, '.nut-button').filter({ hasText: text }).first().tap();

/** Waits until the text is somewhere on the page. */
export const waitForText = (page: Page, text: string) =>
  page.waitForFunction((wanted) => document.body.innerText.includes(wanted), text, { timeout: 20_000 });

/** Waits until no toast is on screen (a screenshot would otherwise show it over the page). */
export const toastGone = (page: Page) =>
  page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.taro__toast')).some((toast) => toast.checkVisibility({ opacityProperty: true })),
    undefined,
    { timeout: 5_000 },
  );

/** Sets 长辈模式 on or off with the page's toggle (the page must have one). */
export async function turnElderMode(page: Page, on: boolean): Promise<void> {
  const toggle = shown(page, '.elder-toggle').first();
  await toggle.waitFor({ timeout: 10_000 });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.tap();
  await page.waitForFunction((wanted) => document.body.classList.contains('dy-elder') === wanted, on);
}

/** A screenshot of the page in normal mode and in 长辈模式 (the page must have the toggle), ending in normal mode. */
export async function bothModes(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600); // a page that has just opened slides in
  await turnElderMode(page, false);
  await page.screenshot({ path: screenshotPath(name) });
  await turnElderMode(page, true);
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(`${name}-elder`) });
  await turnElderMode(page, false);
}

/** A phone that may read and write the clipboard, and a page on it whose uncaught errors are pushed to `errors`. */
export async function clipboardPhonePage(browser: Browser, errors: string[], label?: string): Promise<{ context: BrowserContext; page: Page }> {
  const phone = await phonePage(browser, errors, label);
  await phone.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(gatewayUrl()).origin });
  return phone;
}

/** What Taro's setClipboardData put on the clipboard (it keeps a copy in storage, the clipboard API may be refused headless). */
export async function copiedText(page: Page): Promise<string> {
  const fromClipboard = await page.evaluate(() => navigator.clipboard.readText().catch(() => '')).catch(() => '');
  if (fromClipboard) return fromClipboard;
  return page.evaluate(() => (JSON.parse(localStorage.getItem('taro_clipboard') ?? '{}') as { data?: string }).data ?? '');
}

/** Taps and answers the name and bytes of the file the tap downloads. */
export async function downloaded(page: Page, tap: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const coming = page.waitForEvent('download', { timeout: 20_000 });
  await tap();
  const file = await coming;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

/**
 * For a describe block: one browser for the suite and a new phone for each test, closed after it; uncaught page
 * errors gather in `errors`. Read `page` and `context` inside a test.
 */
export function phonePerTest(): { readonly page: Page; readonly context: BrowserContext; readonly errors: string[] } {
  let browser: Browser;
  let phone: { context: BrowserContext; page: Page } | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  beforeEach(async () => {
    phone = await phonePage(browser, errors);
  });
  afterEach(async () => phone?.context.close());
  afterAll(async () => browser?.close());
  return {
    get page() {
      return phone!.page;
    },
    get context() {
      return phone!.context;
    },
    errors,
  };
}

/** 我的 is every role's last tab; its unread badge's number comes before the word in the text. */
export const profileTab = (page: Page) => shown(page, '.role-tab-bar__item').filter({ hasText: /我的$/ }).last();

/** Opens 我的 and taps the cell whose title matches, then waits for the page it opens. */
export async function openProfileCell(page: Page, title: string | RegExp, landing: RegExp): Promise<void> {
  await page.goto(`${gatewayUrl()}#/pages/profile/index`);
  const cell = shown(page, '.nut-cell').filter({ hasText: title }).first();
  await cell.waitFor({ timeout: 20_000 });
  await cell.tap();
  await page.waitForURL(landing, { timeout: 20_000 });
}

/** Finds the member by name in the page's member picker and picks the first row. */
export async function pickMember(page: Page, name: string): Promise<void> {
  await shown(page, '.member-picker__query input').fill(name);
  await shown(page, '.member-picker__find').tap();
  const row = shown(page, '.member-picker__row').filter({ hasText: name }).first();
  await row.waitFor({ timeout: 20_000 });
  await row.tap();
}

/** Opens the page's first date field and confirms the day the picker offers (today). */
export async function confirmFirstDate(page: Page): Promise<void> {
  await shown(page, '.month-field__box').first().tap();
  const confirm = shown(page, '.nut-picker-confirm-btn');
  await confirm.waitFor();
  await page.waitForTimeout(600); // the picker slides up
  await confirm.tap();
  await confirm.waitFor({ state: 'hidden' });
}
