import type { Browser, Page } from 'playwright-core';
import { gatewayUrl, launchChromium, logInInBrowser, newPhone, shown } from './browser';

// The gateway's Content-Security-Policy must be one the H5 build satisfies: every role's main pages load
// with nothing blocked (no securitypolicyviolation event, no CSP message in the console).
const route = (path: string) => `${gatewayUrl()}#/pages/${path}`;

const roles = [
  { name: 'resident', account: { phone: '19900002001', password: 'demo1234' }, landing: /pages\/resident/, pages: ['resident/post-need/index', 'resident/my-needs/index', 'profile/index'], detail: { list: 'resident/my-needs/index', card: '.dy-card--tappable' } },
  { name: 'member', account: { phone: '19900001001', password: 'demo1234' }, landing: /pages\/member\/order-hall/, pages: ['member/order-hall/index', 'member/my-tasks/index', 'member/checkin-code/index', 'member/my-hours/index', 'member/my-data/index'], detail: { list: 'member/my-tasks/index', card: '.dy-card--tappable' } },
  { name: 'secretary', account: { phone: '19900000001', password: 'demo1234' }, landing: /pages\/secretary\/needs/, pages: ['secretary/needs/index', 'secretary/orders/index', 'secretary/scanner/index', 'secretary/member-register/index', 'secretary/create-order/index', 'secretary/registrations/index', 'secretary/access-log/index', 'secretary/hours/index'], detail: { list: 'secretary/orders/index', card: '.dy-card--tappable' } },
  { name: 'unit admin', account: { phone: '19900000011', password: 'demo1234' }, landing: /pages\/unit\/slips/, pages: ['unit/slips/index', 'unit/statistics/index'] },
  { name: 'district admin', account: { phone: '19900000010', password: 'demo1234' }, landing: /pages\/district\/org/, pages: ['district/org/index', 'district/units/index', 'district/people/index'] },
];

/** A page that records every CSP violation and CSP console message into `blocked`. */
async function watchedPage(browser: Browser, blocked: string[], label: string): Promise<Page> {
  const page = await (await newPhone(browser)).newPage();
  await page.exposeFunction('reportViolation', (text: string) => blocked.push(`${label}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(`${label}: ${message.text()}`);
  });
  page.on('pageerror', (error) => blocked.push(`${label}: page error ${error.message}`));
  return page;
}

async function open(page: Page, path: string) {
  await page.goto(route(path), { waitUntil: 'networkidle' });
  await shown(page, '.page-shell__body').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.page-shell__loading')).some((element) => element.checkVisibility()), undefined, { timeout: 20_000 });
  await page.waitForTimeout(300);
}

describe('the Content-Security-Policy against the H5 build', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  it('should serve the app with a CSP and the other security headers', async () => {
    const page = await (await newPhone(browser)).newPage();
    const response = await page.goto(gatewayUrl(), { waitUntil: 'networkidle' });
    const headers = response!.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // The inline rem-sizing script ran (allowed by its hash) and the service worker registered (worker-src 'self').
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/px$/);
    expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()))).toBe(true);
    await page.context().close();
  });

  for (const role of roles) {
    it(`should block nothing on the ${role.name}'s pages`, async () => {
      const blocked: string[] = [];
      const page = await watchedPage(browser, blocked, role.name);
      await logInInBrowser(page, role.account, role.landing);
      for (const path of role.pages) await open(page, path);
      if (role.detail) {
        await open(page, role.detail.list);
        const card = shown(page, role.detail.card).first();
        if ((await card.count()) > 0) {
          await card.tap();
          await page.waitForTimeout(1000);
        }
      }
      expect(blocked).toEqual([]);
      await page.context().close();
    });
  }
});
