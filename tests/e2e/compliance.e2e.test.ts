import type { Browser, Page } from 'playwright-core';
import type { ComplianceList, UnitStanding } from '../../src/services/api/assessment';
import { rowFigure } from '../../src/pages/assessment/compliance/compliance-display';
import { beijingParts } from '../../src/services/beijing-time';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, phonePage, profileTab, screenshotPath, shown } from './browser';
import { auditPage } from './page-audit';

// 考核达标 as the demo secretary sees it at 375×812: opened from 我的, the numbers at the top and the first rows as
// the API answers them, the chart of members with and without service per quarter, a status filter and a type
// filter narrowing the list, a tap to a member's 考核; 长辈模式.
const SECRETARY = { phone: '19900000001', password: 'demo1234' };

const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
};

describe('考核达标 in the H5 build at 375×812', () => {
  let browser: Browser;
  let page: Page;
  let token: string;
  const errors: string[] = [];
  const year = beijingParts(new Date()).year;
  const list = (data: object) => callGateway<ComplianceList>('assessment', 'complianceList', { page: { limit: 20, offset: 0 }, ...data }, token);

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
    token = (await callGateway<{ token: string }>('auth', 'login', SECRETARY)).token;
  });
  afterAll(async () => browser.close());

  it('should open from 我的 with the numbers at the top, the chart and the rows as the API answers them', async () => {
    const view = await list({});
    expect(view.counts.members).toBeGreaterThan(0);
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await profileTab(page).tap();
    await shown(page, '.nut-cell').filter({ hasText: '考核达标' }).tap();
    await page.waitForURL(/pages\/assessment\/compliance/);
    await shown(page, '.compliance .dy-card__title').filter({ hasText: `${year}年考核达标` }).waitFor({ timeout: 20_000 });

    await expect(shown(page, '[data-figure="met"] .assessment-figures__value').innerText()).resolves.toBe(String(view.counts.met));
    await expect(shown(page, '[data-figure="behind"] .assessment-figures__value').innerText()).resolves.toBe(String(view.counts.behind));
    await expect(shown(page, '[data-figure="exempt"] .assessment-figures__value').innerText()).resolves.toBe(String(view.counts.exempt));
    if (view.currentQuarter) {
      await expect(shown(page, '[data-figure="no-service"] .assessment-figures__value').innerText()).resolves.toBe(String(view.counts.noServiceThisQuarter));
    }
    await expect(shown(page, '.compliance__count').innerText()).resolves.toBe(`共 ${view.total} 人`);
    const rows = shown(page, '.compliance-row');
    await expect(rows.count()).resolves.toBe(Math.min(20, view.total));
    const first = view.items[0];
    await expect(rows.first().locator('.compliance-row__name').innerText()).resolves.toBe(first.name);
    if (first.headline) {
      await expect(rows.first().locator('.compliance-row__figure').innerText()).resolves.toBe(rowFigure(first));
      await expect(rows.first().locator('.compliance-row__advice').innerText()).resolves.toBe(first.headline.advice);
    }

    // Members with and without service per quarter, drawn as SVG, its figures in words too.
    const chart = shown(page, '.dy-chart').first();
    await chart.locator('svg').waitFor({ timeout: 10_000 });
    const words = (await chart.getAttribute('aria-label')) ?? '';
    expect(words).toContain('有服务');
    expect(words).toContain('一季度');
    await shoot(page, 'compliance');
    expect(errors).toEqual([]);
  });

  it('should narrow the list by status and type, the counts at the top staying with the type', async () => {
    const behind = await list({ status: 'behind' });
    await shown(page, '.choice-chips__chip').filter({ hasText: /^未达标 \d+$/ }).tap();
    await shown(page, '.compliance__count').filter({ hasText: `共 ${behind.total} 人` }).waitFor();
    await expect(shown(page, '.compliance-row .dy-status-tag').allInnerTexts()).resolves.toEqual(Array(Math.min(20, behind.total)).fill('未达标'));

    const inService = await list({ status: 'behind', memberType: 'in_service' });
    await shown(page, '.choice-chips__chip').filter({ hasText: /^在职党员$/ }).tap();
    await shown(page, '.compliance__count').filter({ hasText: `共 ${inService.total} 人` }).waitFor();
    await expect(shown(page, '[data-figure="met"] .assessment-figures__value').innerText()).resolves.toBe(String(inService.counts.met));
    const metas = await shown(page, '.compliance-row__meta').allInnerTexts();
    expect(metas.every((meta) => meta.startsWith('在职党员'))).toBe(true);
    await shown(page, '.choice-chips__chip').filter({ hasText: '按党员类型' }).tap();
    await shown(page, '.dy-card__title').filter({ hasText: '各类党员达标人数' }).waitFor();
    await shoot(page, 'compliance-behind-in-service');
    await shown(page, '.compliance-row').first().scrollIntoViewIfNeeded();
    await shoot(page, 'compliance-rows');
    expect(errors).toEqual([]);
  });

  it('should open a member’s 考核 on a tap', async () => {
    const name = await shown(page, '.compliance-row__name').first().innerText();
    await shown(page, '.compliance-row').first().tap();
    await page.waitForURL(/pages\/assessment\/my-standing\/index\?memberId=/);
    await shown(page, '.dy-card__title').filter({ hasText: name }).first().waitFor({ timeout: 20_000 });
  });

  it('should read in 长辈模式: 18 px and more, buttons 48 px, no low contrast', async () => {
    await page.goto(`${gatewayUrl()}#/pages/assessment/compliance/index`, { waitUntil: 'networkidle' });
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, '.compliance .dy-card__title').first().waitFor({ timeout: 20_000 });
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await page.waitForTimeout(400);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.compliance' });
    expect(audit.textNodes).toBeGreaterThan(0);
    expect([...audit.smallText, ...audit.shortButtons, ...audit.lowContrast]).toEqual([]);
    await shoot(page, 'compliance-elder');
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => !document.body.classList.contains('dy-elder'));
    expect(errors).toEqual([]);
  });

  it('should show the unit admin its in-service members by the community they serve (党员服务情况)', async () => {
    const UNIT_ADMIN = { phone: '19900000011', password: 'demo1234' };
    const unitToken = (await callGateway<{ token: string }>('auth', 'login', UNIT_ADMIN)).token;
    const view = await callGateway<UnitStanding>('assessment', 'unitStanding', { page: { limit: 20, offset: 0 } }, unitToken);
    const unit = await phonePage(browser, errors, 'unit');
    await logInInBrowser(unit.page, UNIT_ADMIN, /pages\/unit\/slips/);
    await profileTab(unit.page).tap();
    await shown(unit.page, '.nut-cell').filter({ hasText: '党员服务情况' }).tap();
    await unit.page.waitForURL(/pages\/assessment\/unit-standing/);
    await shown(unit.page, '.unit-standing .dy-card__title').filter({ hasText: `${view.unit.name} · ${year}年在职党员服务情况` }).waitFor({ timeout: 20_000 });
    await expect(shown(unit.page, '[data-figure="met"] .assessment-figures__value').innerText()).resolves.toBe(String(view.counts.met));
    await expect(shown(unit.page, '[data-figure="behind"] .assessment-figures__value').innerText()).resolves.toBe(String(view.counts.behind));
    await expect(shown(unit.page, '.unit-standing__community').count()).resolves.toBe(view.byCommunity.length);
    await expect(shown(unit.page, '.compliance-row').count()).resolves.toBe(Math.min(20, view.total));
    await unit.page.waitForTimeout(600);
    await unit.page.screenshot({ path: screenshotPath('unit-standing') });
    await shown(unit.page, '.compliance-row').first().scrollIntoViewIfNeeded();
    await unit.page.waitForTimeout(300);
    await unit.page.screenshot({ path: screenshotPath('unit-standing-rows') });
    await unit.context.close();
    expect(errors).toEqual([]);
  });
});
