import type { Browser, Page } from 'playwright-core';
import { gatewayUrl, launchChromium, logInInBrowser, newPhone, screenshotPath, shown } from './browser';
import { auditPage, type PageAudit } from './page-audit';

// 长辈模式 as an elderly resident or member sees it at 375×812: every text at least 18 CSS px, every button at
// least 48 px tall, every text at least 4.5:1 against what it is drawn on; normal mode keeps the contrast too.
const RESIDENT = { phone: '19900002001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234' };
const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const UNIT_ADMIN = { phone: '19900000011', password: 'demo1234' };
const DISTRICT_ADMIN = { phone: '19900000010', password: 'demo1234' };

const route = (path: string) => `${gatewayUrl()}#/pages/${path}`;

async function open(page: Page, path: string) {
  await page.goto(route(path), { waitUntil: 'networkidle' });
  await shown(page, '.page-shell__body').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll('.page-shell__loading')).some((element) => element.checkVisibility()) &&
      Array.from(document.querySelectorAll('.page-shell__body')).some((element) => element.checkVisibility() && (element as HTMLElement).innerText.trim().length > 0),
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(300);
}

async function turnElderMode(page: Page, on: boolean) {
  const toggle = shown(page, '.elder-toggle').first();
  await toggle.waitFor({ timeout: 10_000 });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.tap();
  await page.waitForFunction((wanted) => document.body.classList.contains('dy-elder') === wanted, on);
}

/** The first link of a list page, as an id for its detail page. */
async function firstDetail(page: Page, listPath: string, card: string): Promise<boolean> {
  await open(page, listPath);
  const first = shown(page, card).first();
  if ((await first.count()) === 0) return false;
  await first.tap();
  await shown(page, '.page-shell__body').first().waitFor();
  await page.waitForTimeout(800);
  return true;
}

const describeFailures = (audit: PageAudit) =>
  [
    ...audit.smallText.map((item) => `${item.size}px 「${item.text}」`),
    ...audit.shortButtons.map((item) => `button ${item.height}px 「${item.text}」`),
    ...audit.lowContrast.map((item) => `${item.ratio}:1 「${item.text}」 ${item.color} on ${item.background}`),
  ].slice(0, 12);

describe('长辈模式 in the H5 build at 375×812', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  const roles = [
    {
      name: 'resident',
      account: RESIDENT,
      landing: /pages\/resident/,
      pages: ['resident/post-need/index', 'resident/my-needs/index', 'activities/calendar/index', 'profile/index', 'inbox/messages/index', 'inbox/preferences/index'],
      detail: { list: 'resident/my-needs/index', card: '.need-card, .my-needs .dy-card--tappable', name: 'resident-need-detail' },
    },
    {
      name: 'member',
      account: MEMBER,
      landing: /pages\/member\/order-hall/,
      pages: ['member/order-hall/index', 'activities/calendar/index', 'member/my-tasks/index', 'member/checkin-code/index', 'member/my-hours/index', 'profile/index',
        'inbox/messages/index', 'inbox/preferences/index'],
      detail: { list: 'member/order-hall/index', card: '.order-card, .order-hall .dy-card--tappable', name: 'member-order-detail' },
    },
    {
      name: 'secretary',
      account: SECRETARY,
      landing: /pages\/secretary\/needs/,
      pages: [
        'secretary/needs/index', 'secretary/orders/index', 'secretary/scanner/index', 'secretary/member-register/index',
        'secretary/create-order/index', 'secretary/record-need/index', 'secretary/registrations/index', 'secretary/access-log/index',
        'secretary/hours/index', 'secretary/hours-queue/index?queue=pending', 'activities/briefs-due/index',
      ],
      detail: { list: 'secretary/orders/index', card: '.sec-order-card, .orders-list .dy-card--tappable', name: 'secretary-order-detail' },
      // 活动简讯 of an activity waiting for it, as the secretary writes it.
      moreDetails: [{ list: 'activities/briefs-due/index', card: '.briefs-due__card', name: 'secretary-activity-brief' }],
    },
    {
      name: 'unit admin',
      account: UNIT_ADMIN,
      landing: /pages\/unit\/slips/,
      pages: ['unit/slips/index', 'unit/statistics/index'],
    },
    {
      name: 'district admin',
      account: DISTRICT_ADMIN,
      landing: /pages\/district\/org/,
      pages: ['district/org/index', 'district/units/index', 'district/people/index', 'district/notify-settings/index'],
    },
  ];

  for (const role of roles) {
    it(`should draw the ${role.name}'s pages large and legible in 长辈模式, and legible in normal mode`, async () => {
      const page = await (await newPhone(browser)).newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await logInInBrowser(page, role.account, role.landing);
      const failures: string[] = [];

      for (const elder of [false, true]) {
        await open(page, role.pages[0]);
        await turnElderMode(page, elder);
        const mode = elder ? 'elder' : 'normal';
        const check = async (name: string) => {
          await page.screenshot({ path: screenshotPath(`mode-${mode}-${name}`), fullPage: true });
          const audit = await auditPage(page, { minTextPx: elder ? 18 : 12, minButtonPx: elder ? 48 : 0 });
          if (audit.textNodes < 3) failures.push(`${mode} ${name}: only ${audit.textNodes} texts on screen`);
          for (const failure of describeFailures(audit)) failures.push(`${mode} ${name}: ${failure}`);
        };
        for (const path of role.pages) {
          await open(page, path);
          await check(path.replace(/\/index(\?.*)?$/, '').replace(/\//g, '-'));
        }
        if (role.detail && (await firstDetail(page, role.detail.list, role.detail.card))) await check(role.detail.name);
        for (const more of role.moreDetails ?? []) {
          if (await firstDetail(page, more.list, more.card)) await check(more.name);
          else failures.push(`${mode} ${more.name}: nothing in ${more.list} to open`);
        }
      }

      expect([...failures, ...errors]).toEqual([]);
    });
  }

  it('should scale the dialogs and the month picker in 长辈模式 too', async () => {
    const page = await (await newPhone(browser)).newPage();
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    await open(page, 'profile/index');
    await turnElderMode(page, true);
    const failures: string[] = [];
    const check = async (name: string, scope: string) => {
      await page.screenshot({ path: screenshotPath(`mode-elder-${name}`) });
      const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope });
      if (audit.textNodes < 2) failures.push(`${name}: only ${audit.textNodes} texts`);
      for (const failure of describeFailures(audit)) failures.push(`${name}: ${failure}`);
    };

    await shown(page, '.nut-button').filter({ hasText: '退出登录' }).tap();
    await page.locator('.taro-modal__content').waitFor();
    await page.waitForTimeout(500); // the dialog fades in
    await check('dialog-log-out', '.taro-modal__content');
    await page.locator('.taro-model__cancel').click();

    await open(page, 'join/register/index');
    await shown(page, '.month-field__box').first().tap();
    await shown(page, '.nut-picker').first().waitFor();
    await page.waitForTimeout(600);
    await check('month-picker', '.nut-popup');
    // The wheel's rows stand one under the other, each as tall as the row height (not drawn on top of each other).
    const rowGap = await shown(page, '.nut-picker .nut-pickerview-roller-item-active').first().evaluate((active) => {
      const next = active.nextElementSibling ?? active.previousElementSibling;
      return Math.abs(next!.getBoundingClientRect().top - active.getBoundingClientRect().top);
    });
    expect(rowGap).toBeGreaterThanOrEqual(44);

    expect(failures).toEqual([]);
  });
});
