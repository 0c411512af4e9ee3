import type { Browser, Page } from 'playwright-core';
import type { AssessmentWarnings } from '../../src/services/api/assessment';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown } from './browser';
import { keepRuleSet } from './rule-set-state';
import { auditPage } from './page-audit';

// 考核提醒 at 375×812: the member's at the top of 接单大厅 (tap → 我的考核), the community's on the secretary's
// 时长管理 (tap → 考核达标), and the secretary's 培养期日期 dialog on an activist's card of 党员登记表.
const MEMBER = { phone: '19900001001', password: 'demo1234' };
const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const DISTRICT_ADMIN = { phone: '19900000010', password: 'demo1234' };

interface Session { token: string }
interface RuleSetAnswer { document: { rules: { id: string; threshold: number }[] } & Record<string, unknown> }

const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshotPath(name) });
};
const tokenOf = async (account: { phone: string; password: string }) => (await callGateway<Session>('auth', 'login', account)).token;

async function turnElderMode(page: Page, on: boolean) {
  const toggle = shown(page, '.elder-toggle').first();
  await toggle.waitFor({ timeout: 10_000 });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.tap();
  await page.waitForFunction((wanted) => document.body.classList.contains('dy-elder') === wanted, on);
}

describe('考核提醒 on the member’s home and the secretary’s 时长管理 (H5 build)', () => {
  let browser: Browser;
  const errors: string[] = [];
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  let adminToken: string;
  let original: RuleSetAnswer['document'];
  let ruleSet: Awaited<ReturnType<typeof keepRuleSet>>;

  beforeAll(async () => {
    browser = await launchChromium();
    adminToken = await tokenOf(DISTRICT_ADMIN);
    ruleSet = await keepRuleSet(adminToken, year);
    original = ruleSet.original as RuleSetAnswer['document'];
  });
  afterAll(async () => {
    await ruleSet.restore();
    await browser.close();
  });

  it('shows the community’s warnings on 时长管理 and leads to 考核达标', async () => {
    const { page } = await phonePage(browser, errors, 'secretary');
    await logInInBrowser(page, SECRETARY, /pages\/secretary/);
    const expected = await callGateway<AssessmentWarnings>('assessment', 'warnings', { scope: 'community' }, await tokenOf(SECRETARY));
    expect(expected.items.length).toBeGreaterThan(0);
    await page.goto(`${gatewayUrl()}#/pages/secretary/hours/index`);
    const card = shown(page, '.dy-warnings');
    await card.waitFor({ timeout: 20_000 });
    await expect(card.locator('.dy-card__title').innerText()).resolves.toBe('本社区考核提醒');
    const texts = await card.locator('.dy-warnings__item').allInnerTexts();
    expect(texts).toEqual(expected.items.slice(0, 3).map((item) => item.text));
    await shoot(page, 'warnings-secretary-hours');

    // 时长管理 has no toggle of its own: 长辈模式 is turned on from 需求池 and holds on every page.
    await page.goto(`${gatewayUrl()}#/pages/secretary/needs/index`);
    await turnElderMode(page, true);
    await page.goto(`${gatewayUrl()}#/pages/secretary/hours/index`);
    await card.waitFor({ timeout: 20_000 });
    await expect(card.locator('.dy-warnings__item').allInnerTexts()).resolves.toEqual([expected.items[0].text]);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.dy-warnings' });
    expect(audit.smallText).toEqual([]);
    expect(audit.lowContrast).toEqual([]);
    await shoot(page, 'warnings-secretary-hours-elder');

    await card.tap();
    await page.waitForURL(/pages\/assessment\/compliance/, { timeout: 20_000 });
  });

  it('shows the member’s warnings above 接单大厅 once the district raises the hours target, and leads to 我的考核', async () => {
    // The demo member has met 25 h; a target no one can reach by now puts the year's hours behind (or near the deadline).
    const raised = { ...original, rules: original.rules.map((rule) => (rule.id === 'member-hours' ? { ...rule, threshold: 5000 } : rule)) };
    await callGateway('assessment', 'chooseRuleSet', { year, document: raised, reason: '浏览器测试：提高时数要求' }, adminToken);
    const expected = await callGateway<AssessmentWarnings>('assessment', 'warnings', {}, await tokenOf(MEMBER));
    expect(expected.items.map((item) => item.ruleId)).toEqual(['member-hours']);

    const { page } = await phonePage(browser, errors, 'member');
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    const card = shown(page, '.dy-warnings');
    await card.waitFor({ timeout: 20_000 });
    await expect(card.locator('.dy-warnings__item').allInnerTexts()).resolves.toEqual([expected.items[0].text]);
    await expect(card.locator('.dy-warnings__more').innerText()).resolves.toContain('查看我的考核');
    await shoot(page, 'warnings-member-hall');
    await turnElderMode(page, true);
    await shoot(page, 'warnings-member-hall-elder');
    await turnElderMode(page, false);

    await card.tap();
    await page.waitForURL(/pages\/assessment\/my-standing/, { timeout: 20_000 });
  });

  it('lets the secretary open an activist’s 培养期日期 from 党员登记表 and save them', async () => {
    const { page } = await phonePage(browser, errors, 'secretary-dates');
    await logInInBrowser(page, SECRETARY, /pages\/secretary/);
    await page.goto(`${gatewayUrl()}#/pages/secretary/member-register/index`);
    await shown(page, '.status-tabs__item').filter({ hasText: '入党积极分子' }).first().tap();
    const button = shown(page, '.register-card .nut-button').filter({ hasText: '培养期日期' }).first();
    await button.waitFor({ timeout: 20_000 });
    await button.tap();
    const dialog = shown(page, '.nut-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    // The demo activists are activists since they joined, recorded by the secretary.
    await dialog.locator('.member-register__dates-trail').waitFor({ timeout: 10_000 });
    await expect(dialog.locator('.month-field__value').first().innerText()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expect(dialog.locator('.month-field__value').nth(1).innerText()).resolves.toBe('未登记');
    await shoot(page, 'warnings-secretary-party-dates');
    await shown(page, '.nut-dialog-footer-ok').tap();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    expect(errors).toEqual([]);
  });
});
