import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage } from './page-audit';
import { DEMO, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown } from './browser';

// 季报表 (001 附件4): the demo secretary opens this quarter's report from the profile, submits it and exports it; last
// quarter's was submitted by the demo seed; the district admin sees the community submitted in 季报表报送情况 and opens it.
const { secretary: SECRETARY, districtAdmin: DISTRICT_ADMIN } = DEMO;

async function openFromProfile(page: Page, cell: string) {
  await page.goto(`${gatewayUrl()}#/pages/profile/index`, { waitUntil: 'networkidle' });
  await shown(page, '.nut-cell').filter({ hasText: cell }).first().tap();
}

/** A page opened by a tap slides in; the picture is taken once it has come to rest. */
async function shoot(page: Page, name: string, fullPage = false) {
  await page.waitForTimeout(500);
  await page.screenshot({ path: screenshotPath(name), fullPage });
}

async function elder(page: Page, on: boolean) {
  await shown(page, '.elder-toggle').first().tap();
  await page.waitForFunction((wanted) => document.body.classList.contains('dy-elder') === wanted, on);
  await page.waitForTimeout(400);
}

describe('季报表 in the H5 build', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => context.close());
  afterAll(async () => browser.close());

  it('should let the secretary read this quarter’s report, submit it to the level above and export it', async () => {
    ({ context, page } = await phonePage(browser, errors, 'secretary'));
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await openFromProfile(page, '季报表');
    await page.waitForURL(/pages\/reports\/quarterly\/index/);
    const state = shown(page, '.quarterly-report__state');
    await state.getByText('未提交', { exact: true }).waitFor({ timeout: 20_000 });
    await state.getByText(/截止\d+月28日 · (还有\d+天|已逾期\d+天)|今天（\d+月28日）截止/).waitFor();
    for (const label of ['党员义工组织名称', '下辖党员义工组织', '管辖党员总数', '注册党员义工总数', '入党积极分子注册义工', '负责人', '联系人', '合计']) {
      await shown(page, '.dy-info-row__label').getByText(label, { exact: true }).first().waitFor();
    }
    await shown(page, '.dy-info-row__value').getByText('幸福社区', { exact: true }).waitFor();
    await shoot(page, 'quarterly-report-secretary');
    await shoot(page, 'quarterly-report-secretary-full', true);

    await shown(page, '.quarterly-report__submit').tap();
    const dialog = shown(page, '.nut-dialog');
    await dialog.getByText(/报送上级党（工）委/).waitFor();
    await dialog.locator('.nut-button').filter({ hasText: '提交' }).tap();
    await state.getByText('已报送上级（第1版）').waitFor({ timeout: 20_000 });
    await state.getByText(/上级查阅前可再次提交/).waitFor();
    await shown(page, '.quarterly-report__submit').getByText('再次提交').waitFor();
    await shoot(page, 'quarterly-report-submitted');

    const download = page.waitForEvent('download');
    await shown(page, '.quarterly-report__export').tap();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^党员义工工作进展情况季报表-幸福社区-\d{4}年第[一二三四]季度\.xlsx$/);
    expect(fs.statSync((await file.path())!).size).toBeGreaterThan(5000);

    // Last quarter's, submitted by the demo seed.
    await shown(page, '.choice-chips__chip').nth(1).tap();
    await state.getByText('已报送上级（第1版）').waitFor({ timeout: 20_000 });

    await elder(page, true);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.quarterly-report' });
    expect(audit.textNodes).toBeGreaterThan(0);
    expect([...audit.smallText, ...audit.shortButtons, ...audit.lowContrast]).toEqual([]);
    await shoot(page, 'quarterly-report-elder');
    await elder(page, false);
    expect(errors).toEqual([]);
  });

  it('should show the district admin the community submitted, the rest not, and open its report', async () => {
    ({ context, page } = await phonePage(browser, errors, 'district'));
    await logInInBrowser(page, DISTRICT_ADMIN, /pages\/district\/org/);
    await openFromProfile(page, '季报表报送情况');
    await page.waitForURL(/pages\/reports\/quarterly-status\/index/);
    const community = shown(page, '.quarterly-status__item').filter({ hasText: '幸福社区' });
    await community.getByText('已报送', { exact: true }).waitFor({ timeout: 20_000 });
    await community.getByText(/第1版/).waitFor();
    const waiting = shown(page, '.quarterly-status__item').filter({ hasText: /未提交|已逾期/ });
    expect(await waiting.count()).toBeGreaterThan(0);
    // Not submitted come before submitted.
    const tags = await shown(page, '.quarterly-status__item .dy-status-tag').allInnerTexts();
    const firstSubmitted = tags.indexOf('已报送');
    expect(tags.slice(0, firstSubmitted).length).toBeGreaterThan(0);
    expect(tags.slice(firstSubmitted).every((tag) => tag === '已报送' || tag === '迟交')).toBe(true);
    await shoot(page, 'quarterly-report-status');

    await elder(page, true);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.quarterly-status' });
    expect([...audit.smallText, ...audit.shortButtons, ...audit.lowContrast]).toEqual([]);
    await shoot(page, 'quarterly-report-status-elder');
    await elder(page, false);

    await community.tap();
    await page.waitForURL(/pages\/reports\/quarterly\/index\?communityId=/);
    const state = shown(page, '.quarterly-report__state');
    await state.getByText('上级已查阅', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await shown(page, '.quarterly-report__submit').count()).toBe(0);
    await shoot(page, 'quarterly-report-district-view');
    expect(errors).toEqual([]);
  });
});
