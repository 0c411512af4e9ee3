import type { Browser } from 'playwright-core';
import type { IncentiveRulesView } from '../../src/services/api/incentive-rules';
import { DEMO, bothModes, callGateway, gatewayUrl, launchChromium, logInInBrowser, openProfileCell, phonePage, screenshotPath, shown, tapButton } from './browser';
import { auditPage } from './page-audit';

// 激励规则 at 375×812: the demo district admin opens it from 我的, picks 张家港's star preset, sees the change listed and
// saves the next version; the demo member then reads the new scale in 「积分规则」 (?view=1). The rules are put back after.
describe('激励规则 in the H5 build', () => {
  let browser: Browser;
  let token: string;
  let found: IncentiveRulesView;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    token = (await callGateway<{ token: string }>('auth', 'login', DEMO.districtAdmin)).token;
    found = await callGateway<IncentiveRulesView>('incentives', 'incentiveRules', {}, token);
  });
  afterAll(async () => {
    const now = await callGateway<IncentiveRulesView>('incentives', 'incentiveRules', {}, token);
    const { points, stars, bank, shop } = found;
    if (now.version !== found.version) await callGateway('incentives', 'saveIncentiveRules', { points, stars, bank, shop, expectedVersion: now.version, note: '恢复演示规则' }, token);
    await browser.close();
  });

  it('should let the district admin start the stars from 张家港, see the change and save the next version', async () => {
    const { page } = await phonePage(browser, errors, 'district-admin');
    await logInInBrowser(page, DEMO.districtAdmin, /pages\/district\/org/);
    await openProfileCell(page, '激励规则', /pages\/incentives\/rules/);
    await shown(page, '.incentive-rules__current .dy-status-tag').filter({ hasText: `第${found.version}版` }).waitFor({ timeout: 20_000 });
    await expect(shown(page, '.incentive-rules__part--bank').innerText()).resolves.toContain('个人存储上限1500小时');

    await tapButton(page, '修改规则');
    await shown(page, '.incentive-rules__preset--stars').filter({ hasText: '张家港' }).tap();
    const changes = shown(page, '.incentive-rules__changes');
    await changes.getByText('星级循环周期：不循环 → 300小时').waitFor();
    await expect(shown(page, '.incentive-rules__level-hours input').first().inputValue()).resolves.toBe('30');
    await bothModes(page, 'incentive-rules-editor');
    await page.screenshot({ path: screenshotPath('incentive-rules-editor-full'), fullPage: true });

    await shown(page, '.incentive-rules__note textarea').fill('改用张家港的星级标准');
    await tapButton(page, '保存为新版本');
    await shown(page, '.incentive-rules__current .dy-status-tag').filter({ hasText: `第${found.version + 1}版` }).waitFor({ timeout: 10_000 });
    await expect(shown(page, '.incentive-rules__part--stars').innerText()).resolves.toContain('每满300小时进入新一轮');
    const latest = shown(page, '.incentive-rules__version').first();
    await expect(latest.innerText()).resolves.toContain('改用张家港的星级标准');
    await expect(latest.innerText()).resolves.toContain('星级循环周期：不循环 → 300小时');
    const stored = await callGateway<IncentiveRulesView>('incentives', 'incentiveRules', {}, token);
    expect(stored).toMatchObject({ version: found.version + 1, stars: { preset: 'zhangjiagang-2014', repeatEveryHours: 300 }, bank: found.bank });
    await page.screenshot({ path: screenshotPath('incentive-rules-saved'), fullPage: true });
  });

  it('should show the member the new scale in 积分规则, in plain words and legible in 长辈模式', async () => {
    const { page } = await phonePage(browser, errors, 'member');
    await logInInBrowser(page, DEMO.member, /pages\/member/);
    await page.goto(`${gatewayUrl()}#/pages/incentives/rules/index?view=1`);
    const stars = shown(page, '.incentive-rules__part--stars');
    await stars.waitFor({ timeout: 20_000 });
    await expect(stars.innerText()).resolves.toContain('一星30小时');
    await expect(stars.innerText()).resolves.toContain('张家港 2014');
    await expect(shown(page, '.incentive-rules__part--points').innerText()).resolves.toContain('每服务1小时积10分');
    await expect(shown(page, '.incentive-rules__edit').count()).resolves.toBe(0);
    await bothModes(page, 'incentive-rules-member');
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForTimeout(400);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48 });
    expect(audit.smallText.map((item) => `${item.size}px 「${item.text}」`)).toEqual([]);
    await shown(page, '.elder-toggle').first().tap();
    expect(errors).toEqual([]);
  });
});
