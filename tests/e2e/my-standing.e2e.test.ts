import type { Browser, Page } from 'playwright-core';
import { chartSummary } from '../../src/pages/assessment/shared/chart/chart-options';
import { hoursChart } from '../../src/pages/assessment/my-standing/standing-display';
import type { MemberStanding } from '../../src/services/api/assessment';
import { beijingParts } from '../../src/services/beijing-time';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, phonePage, profileTab, screenshotPath, shown } from './browser';
import { auditPage } from './page-audit';

// 我的考核 as the demo member sees it at 375×812: opened from 我的, each rule with its status and advice, the
// eligibility, the hours by month drawn by ECharts (SVG in H5) with the same figures in words; last year; 长辈模式.
const MEMBER = { phone: '19900001001', password: 'demo1234' };
const SECRETARY = { phone: '19900000001', password: 'demo1234' };

interface Session { token: string }
interface ComplianceList { items: Array<{ memberId: string; name: string }> }

/** Taro's H5 router animates a page in; a screenshot waits for it to settle. */
const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshotPath(name) });
  // The page scrolls inside its shell: the chart's card is shot on its own as well.
  await shown(page, '.my-standing__chart').first().screenshot({ path: screenshotPath(`${name}-chart`) });
};

const ruleCard = (page: Page, ruleId: string) => shown(page, `.rule-card[data-rule-id="${ruleId}"]`);

async function standingShown(page: Page, year: number) {
  await shown(page, '.my-standing .dy-card__title').filter({ hasText: `${year}年考核` }).waitFor({ timeout: 20_000 });
  await shown(page, '.dy-chart svg').first().waitFor({ timeout: 10_000 });
}

/** Every rule of the year's answer on screen: its status word, its advice, and the figure against the target for the counted ones. */
async function expectRules(page: Page, standing: MemberStanding, elder: boolean) {
  const words = { met: '达标', not_met: elder ? /未达标|还没达到/ : '未达标', exempt: '免除', not_applicable: '不适用' } as const;
  for (const rule of standing.rules) {
    const card = ruleCard(page, rule.ruleId);
    await expect(card.locator('.dy-card__title').innerText()).resolves.toBe(rule.title);
    await expect(card.locator('.dy-status-tag').first().innerText()).resolves.toMatch(words[rule.status]);
    await expect(card.locator('.rule-card__advice').innerText()).resolves.toBe(rule.advice);
    if (rule.status === 'met' || rule.status === 'not_met') {
      await expect(card.locator('.rule-card__figure').innerText()).resolves.toContain(`/ ${rule.target}${rule.unit}`);
    }
    await expect(card.locator('.rule-card__clause').count()).resolves.toBe(elder ? 0 : 1);
  }
  for (const line of standing.eligibility) {
    await expect(shown(page, '.my-standing__eligibility-text').filter({ hasText: line.text }).count()).resolves.toBe(1);
  }
}

/** The chart is drawn (an SVG with its bars and month labels) and its figures are given in words to screen readers. */
async function expectChart(page: Page, standing: MemberStanding) {
  const now = beijingParts(new Date());
  const words = chartSummary(hoursChart(standing, now));
  const chart = shown(page, '.dy-chart').first();
  await expect(chart.getAttribute('aria-label')).resolves.toBe(words);
  await expect(chart.locator('.dy-chart__summary').textContent()).resolves.toBe(words);
  const svgText = await chart.locator('svg text').allTextContents();
  // 长辈模式 names every other month.
  expect(svgText.filter((text) => /^\d+月$/.test(text)).length).toBeGreaterThanOrEqual(6);
  expect(svgText).toContain('1月');
  if (standing.targetHours) expect(svgText.some((text) => text.startsWith('每月需'))).toBe(true);
  const monthsWithHours = hoursChart(standing, now).series[0].values.filter((value) => (value ?? 0) > 0).length;
  // ECharts draws each bar as a path inside the grid; months with hours have a bar of some height.
  expect(await chart.locator('svg path').count()).toBeGreaterThanOrEqual(monthsWithHours);
}

describe('我的考核 in the H5 build at 375×812', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let thisYear: MemberStanding;
  let lastYear: MemberStanding;
  const year = beijingParts(new Date()).year;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
    const session = await callGateway<Session>('auth', 'login', MEMBER);
    thisYear = await callGateway<MemberStanding>('assessment', 'myStanding', {}, session.token);
    lastYear = await callGateway<MemberStanding>('assessment', 'myStanding', { year: year - 1 }, session.token);
  });
  afterAll(async () => browser.close());

  it('should open 我的考核 from 我的 and show every rule with its status and advice, the eligibility and the chart', async () => {
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    await profileTab(page).tap();
    await shown(page, '.nut-cell').filter({ hasText: '我的考核' }).tap();
    await page.waitForURL(/pages\/assessment\/my-standing/);
    await standingShown(page, year);

    expect(thisYear.rules.length).toBeGreaterThan(0);
    await expect(shown(page, '.my-standing__rule-set').innerText()).resolves.toContain(thisYear.ruleSet.name);
    await expect(shown(page, '.my-standing__source').innerText()).resolves.toContain(thisYear.ruleSet.source);
    await expectRules(page, thisYear, false);
    await expectChart(page, thisYear);
    await shoot(page, 'my-standing');
    expect(errors).toEqual([]);
  });

  it('should show last year, closed, with its own figures', async () => {
    await shown(page, '.choice-chips__chip').filter({ hasText: `${year - 1}年` }).tap();
    await standingShown(page, year - 1);
    await expect(shown(page, '.my-standing .dy-card__extra').first().innerText()).resolves.toBe('已结束');
    await expectRules(page, lastYear, false);
    await expectChart(page, lastYear);
    // A closed year offers nothing to do about it.
    await expect(shown(page, '.rule-card__help').count()).resolves.toBe(0);
    await shoot(page, 'my-standing-last-year');
    await shown(page, '.choice-chips__chip').filter({ hasText: `今年（${year}）` }).tap();
    await standingShown(page, year);
  });

  it('should read in 长辈模式: labels of 18 px and more in the page and the chart, no clauses, a taller chart', async () => {
    const normalHeight = (await shown(page, '.dy-chart svg').first().boundingBox())!.height;
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await page.waitForTimeout(400);
    await expectRules(page, thisYear, true);
    await expectChart(page, thisYear);
    const elderHeight = (await shown(page, '.dy-chart svg').first().boundingBox())!.height;
    expect(elderHeight).toBeGreaterThan(normalHeight);
    const chartFontSizes = await shown(page, '.dy-chart svg').first().evaluate((svg) =>
      Array.from(svg.querySelectorAll('text'), (text) => Number.parseFloat(getComputedStyle(text).fontSize)),
    );
    expect(chartFontSizes.length).toBeGreaterThan(0);
    expect(Math.min(...chartFontSizes)).toBeGreaterThanOrEqual(18);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.my-standing' });
    expect(audit.textNodes).toBeGreaterThan(0);
    expect([...audit.smallText, ...audit.shortButtons, ...audit.lowContrast]).toEqual([]);
    await shoot(page, 'my-standing-elder');
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => !document.body.classList.contains('dy-elder'));
    expect(errors).toEqual([]);
  });

  it('should open a member behind for her secretary, with the advice and nothing to tap', async () => {
    const secretary = await callGateway<Session>('auth', 'login', SECRETARY);
    const list = await callGateway<ComplianceList>('assessment', 'complianceList', { status: 'behind', page: { limit: 1, offset: 0 } }, secretary.token);
    const behind = list.items[0];
    expect(behind).toBeDefined();
    const standing = await callGateway<MemberStanding>('assessment', 'memberStanding', { memberId: behind.memberId }, secretary.token);
    const { page: secretaryPage } = await phonePage(browser, errors, 'secretary');
    await logInInBrowser(secretaryPage, SECRETARY, /pages\/secretary\/needs/);
    await secretaryPage.goto(`${gatewayUrl()}#/pages/assessment/my-standing/index?memberId=${behind.memberId}`, { waitUntil: 'networkidle' });
    await shown(secretaryPage, '.my-standing .dy-card__title').filter({ hasText: `${behind.name} · ${year}年考核` }).waitFor({ timeout: 20_000 });
    await expectRules(secretaryPage, standing, false);
    await expectChart(secretaryPage, standing);
    const notMet = standing.rules.find((rule) => rule.status === 'not_met');
    expect(notMet).toBeDefined();
    await expect(ruleCard(secretaryPage, notMet!.ruleId).locator('.dy-status-tag').first().innerText()).resolves.toBe('未达标');
    // 提建议 / 去接单 and the link to 我的时长 are the member's own, not her secretary's; she may open the member's 记录卡.
    await expect(shown(secretaryPage, '.rule-card__help').count()).resolves.toBe(0);
    await expect(shown(secretaryPage, '.my-standing__link').allInnerTexts()).resolves.toEqual([`${behind.name}的社区服务记录卡 ›`]);
    await shoot(secretaryPage, 'my-standing-behind');
    expect(errors).toEqual([]);
  });
});
