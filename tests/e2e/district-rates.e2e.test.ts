import type { Browser, Page } from 'playwright-core';
import { RATE_DEFINITIONS } from '../../cloudfunctions/_core/assessment/rate-definitions';
import { percent } from '../../src/pages/assessment/district-rates/rates-display';
import type { DistrictCompliance, OrganisationRates } from '../../src/services/api/assessment';
import { beijingParts } from '../../src/services/beijing-time';
import { callGateway, launchChromium, logInInBrowser, phonePage, profileTab, screenshotPath, shown } from './browser';
import { auditPage } from './page-audit';

// 考核与达标率 as the demo district admin sees it at 375×812: opened from 我的, the district's passing / failing
// organisations, each one's three rates against the API's answer with their tags, the definition beside each figure
// and in full on a tap, the chart of a rate against its threshold line, the 未达标 filter, the members' tab; 长辈模式.
const DISTRICT_ADMIN = { phone: '19900000010', password: 'demo1234' };

const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshotPath(name) });
};

const card = (page: Page, name: string) => shown(page, '.district-rates__organisation').filter({ has: page.locator('.district-rates__name', { hasText: name }) });

describe('考核与达标率 in the H5 build at 375×812', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let rates: OrganisationRates;
  let compliance: DistrictCompliance;
  const year = beijingParts(new Date()).year;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
    const session = await callGateway<{ token: string }>('auth', 'login', DISTRICT_ADMIN);
    rates = await callGateway<OrganisationRates>('assessment', 'organisationRates', {}, session.token);
    compliance = await callGateway<DistrictCompliance>('assessment', 'districtCompliance', {}, session.token);
  });
  afterAll(async () => browser.close());

  it('should open from 我的 and show every organisation’s rates, tags and why as the API answers', async () => {
    await logInInBrowser(page, DISTRICT_ADMIN, /pages\/district\/org/);
    await profileTab(page).tap();
    await shown(page, '.nut-cell').filter({ hasText: '考核与达标率' }).tap();
    await page.waitForURL(/pages\/assessment\/district-rates/);
    await shown(page, '.district-rates .dy-card__title').filter({ hasText: `${year}年组织考核` }).waitFor({ timeout: 20_000 });

    expect(rates.organisations.length).toBeGreaterThan(0);
    await expect(shown(page, '[data-figure="passing"] .assessment-figures__value').innerText()).resolves.toBe(String(rates.summary.passing));
    await expect(shown(page, '[data-figure="failing"] .assessment-figures__value').innerText()).resolves.toBe(String(rates.summary.failing));
    await expect(shown(page, '.district-rates__organisation').count()).resolves.toBe(rates.organisations.length);
    for (const organisation of rates.organisations) {
      const shownCard = card(page, organisation.name);
      for (const rate of organisation.rates) {
        const row = shownCard.locator(`.district-rates__rate[data-measure="${rate.measure}"]`);
        await expect(row.locator('.district-rates__rate-figure').innerText()).resolves.toBe(percent(rate.rate));
        await expect(row.getAttribute('data-status')).resolves.toBe(rate.status);
        await expect(row.locator('.district-rates__rate-counts').innerText()).resolves.toBe(`${rate.numerator}/${rate.denominator}，达标 ${rate.threshold}%`);
        await expect(row.locator('.district-rates__definition').innerText()).resolves.toContain(RATE_DEFINITIONS[rate.measure].short);
        if (rate.status === 'not_met') await expect(row.locator('.district-rates__why').innerText()).resolves.toBe(rate.advice);
      }
    }
    // The chart of 注册率 per organisation with its threshold line, drawn as SVG, its figures in words as well.
    const chart = shown(page, '.dy-chart').first();
    await chart.locator('svg').waitFor({ timeout: 10_000 });
    expect((await chart.locator('svg text').allTextContents()).some((text) => text.startsWith('达标线'))).toBe(true);
    await expect(chart.getAttribute('aria-label')).resolves.toContain(rates.organisations[0].name);
    await shoot(page, 'district-rates');
    expect(errors).toEqual([]);
  });

  it('should give the full definition of a rate on a tap', async () => {
    await shown(page, '.district-rates__organisation .district-rates__definition').first().tap();
    const dialog = shown(page, '.district-rates__definition-dialog');
    await dialog.waitFor();
    const lines = await dialog.locator('.district-rates__definition-line').allInnerTexts();
    expect(lines).toEqual(RATE_DEFINITIONS[rates.organisations[0].rates[0].measure].full);
    await shoot(page, 'district-rates-definition');
    await shown(page, '.district-rates__definition-dialog .nut-dialog-footer-ok').tap();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('should show the failing organisations alone when asked, and the members by community on their tab', async () => {
    await shown(page, '.choice-chips__chip').filter({ hasText: /^未达标/ }).tap();
    await expect(shown(page, '.district-rates__organisation').count()).resolves.toBe(rates.summary.failing);
    await shoot(page, 'district-rates-failing');
    await shown(page, '.choice-chips__chip').filter({ hasText: '党员达标' }).tap();
    await shown(page, '.district-rates .dy-card__title').filter({ hasText: `${year}年党员达标` }).waitFor();
    await expect(shown(page, '[data-figure="met"] .assessment-figures__value').innerText()).resolves.toBe(String(compliance.totals.met));
    await expect(shown(page, '[data-figure="not-met"] .assessment-figures__value').innerText()).resolves.toBe(String(compliance.totals.notMet));
    await expect(shown(page, '.district-rates__community').count()).resolves.toBe(compliance.communities.length);
    for (const community of compliance.communities) {
      const shownCard = shown(page, '.district-rates__community').filter({ hasText: community.name });
      await expect(shownCard.locator('.district-rates__counts').innerText()).resolves.toContain(`达标 ${community.met} · 未达标 ${community.notMet} · 免除 ${community.exempt}`);
    }
    await shoot(page, 'district-rates-members');
    expect(errors).toEqual([]);
  });

  it('should read in 长辈模式: 18 px and more, no counts or rule-set lines, and the figures still there', async () => {
    await shown(page, '.choice-chips__chip').filter({ hasText: '组织比率' }).tap();
    await shown(page, '.choice-chips__chip').filter({ hasText: /^全部/ }).tap();
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await page.waitForTimeout(400);
    await expect(shown(page, '.district-rates__rate-counts').count()).resolves.toBe(0);
    await expect(shown(page, '.district-rates__rate-figure').count()).resolves.toBe(rates.organisations.length * 3);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.district-rates' });
    expect(audit.textNodes).toBeGreaterThan(0);
    expect([...audit.smallText, ...audit.shortButtons, ...audit.lowContrast]).toEqual([]);
    await shoot(page, 'district-rates-elder');
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => !document.body.classList.contains('dy-elder'));
    expect(errors).toEqual([]);
  });
});
