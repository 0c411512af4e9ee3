import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage } from './page-audit';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown } from './browser';
import { keepRuleSet } from './rule-set-state';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const DISTRICT_ADMIN = { phone: '19900000010', password: 'demo1234' };

const tapButton = (page: Page, text: string | RegExp) => shown(page, '.nut-button').filter({ hasText: text }).first().tap();
/** Taro's H5 router animates a page in; a screenshot waits for it to settle and for any toast to fade. */
const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.taro__toast')).some((toast) => toast.checkVisibility({ opacityProperty: true })),
    undefined,
    { timeout: 5_000 },
  );
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
};
const waitForText = (page: Page, text: string) => page.waitForFunction((wanted) => document.body.innerText.includes(wanted), text, { timeout: 20_000 });

async function turnElderMode(page: Page, on: boolean) {
  const toggle = shown(page, '.elder-toggle').first();
  await toggle.waitFor({ timeout: 10_000 });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.tap();
  await page.waitForFunction((wanted) => document.body.classList.contains('dy-elder') === wanted, on);
}

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

describe('服务队: the secretary’s teams, a team’s members and captain, and the activity form’s team (H5 build)', () => {
  let browser: Browser;
  const errors: string[] = [];
  let phone: { context: BrowserContext; page: Page };
  let ruleSet: Awaited<ReturnType<typeof keepRuleSet>>;

  beforeAll(async () => {
    // The district holds teams to 台山 2012 this year (≥ 2 集中性活动 and ≥ 1 实事 a team), so the list shows the target.
    const admin = await callGateway<{ token: string }>('auth', 'login', DISTRICT_ADMIN);
    ruleSet = await keepRuleSet(admin.token, year);
    await callGateway('assessment', 'chooseRuleSet', { year, preset: 'taishan-2012', reason: '按台山2012方案考核服务队（浏览器测试）' }, admin.token);
    browser = await launchChromium();
    phone = await phonePage(browser, errors, 'secretary');
  });
  afterAll(async () => {
    await ruleSet.restore();
    await browser.close();
  });

  it('should list the community’s team from 我的 with its 集中性活动 against the rule’s target', async () => {
    const { page } = phone;
    await logInInBrowser(page, SECRETARY, /pages\/secretary/);
    await page.goto(`${gatewayUrl()}#/pages/profile/index`);
    const cell = shown(page, '.nut-cell').filter({ hasText: /^服务队/ }).first();
    await cell.waitFor({ timeout: 20_000 });
    await cell.tap();
    await page.waitForURL(/pages\/secretary\/teams/, { timeout: 20_000 });
    await waitForText(page, '红色先锋服务队');
    await waitForText(page, '集中性活动 1/2 次，12月31日前还需1次');
    await waitForText(page, '台山 2012');
    await shoot(page, 'teams-list');
  });

  it('should open the team, add a member found by a search, make them captain, and show the year’s 集中性活动', async () => {
    const { page } = phone;
    await shown(page, '.teams__card').filter({ hasText: '红色先锋服务队' }).tap();
    await page.waitForURL(/pages\/secretary\/team\/index/, { timeout: 20_000 });
    await waitForText(page, '队员（');
    await waitForText(page, '计入');
    const before = await shown(page, '.team__people .team__person').count();
    await shoot(page, 'team-detail');

    await tapButton(page, '添加队员');
    const picker = shown(page, '.team__picker');
    await picker.locator('.team__person').first().waitFor({ timeout: 20_000 });
    const name = (await picker.locator('.team__person-name').first().innerText()).trim();
    await picker.locator('input').fill(name);
    await picker.locator('.nut-button').filter({ hasText: '搜索' }).tap();
    await page.waitForTimeout(800);
    await shoot(page, 'team-member-picker');
    await picker.locator('.team__person').filter({ hasText: name }).first().locator('.nut-button').filter({ hasText: '加入' }).tap();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.team__people .team__person').length > count,
      before,
      { timeout: 20_000 },
    );

    const row = shown(page, '.team__people .team__person').filter({ hasText: name }).first();
    await row.locator('.nut-button').filter({ hasText: '设为队长' }).tap();
    await page.waitForFunction(
      (who) => Array.from(document.querySelectorAll('.team__people .team__person')).some((el) => el.textContent?.includes(who) && el.textContent.includes('队长') && !el.textContent.includes('设为队长')),
      name,
      { timeout: 20_000 },
    );
    await shoot(page, 'team-new-captain');
    expect(errors).toEqual([]);
  });

  it('should open the activity form from the team with the team chosen as its 集中性活动', async () => {
    const { page } = phone;
    await tapButton(page, '发布活动');
    await page.waitForURL(/pages\/secretary\/create-order/, { timeout: 20_000 });
    await waitForText(page, '红色先锋服务队集中性活动');
    expect(await shown(page, '.create-order__teams .choice-chips__chip--active').innerText()).toBe('红色先锋服务队');
    await shown(page, '.create-order__teams').scrollIntoViewIfNeeded();
    await shoot(page, 'team-activity-form');
  });

  it('should create a team from the list and refuse a name already taken, at the field', async () => {
    const { page } = phone;
    await page.goto(`${gatewayUrl()}#/pages/secretary/teams/index`);
    await waitForText(page, '红色先锋服务队');
    await tapButton(page, /^新建服务队$/);
    const input = shown(page, '.nut-dialog input');
    await input.waitFor();
    await input.fill('红色先锋服务队');
    await shown(page, '.nut-dialog .nut-button').filter({ hasText: '新建' }).tap();
    await waitForText(page, '已有名为「红色先锋服务队」的服务队');
    await shoot(page, 'teams-create-taken');
    await input.fill('法律咨询党员工作室');
    await shown(page, '.choice-chips__chip').filter({ hasText: '党员工作室' }).tap();
    await shown(page, '.nut-dialog .nut-button').filter({ hasText: '新建' }).tap();
    await page.waitForURL(/pages\/secretary\/team\/index/, { timeout: 20_000 });
    await waitForText(page, '法律咨询党员工作室');
    await waitForText(page, '还没有队员');
    await shoot(page, 'team-created');
    expect(errors).toEqual([]);
  });

  it('should draw the list and the team large and legible in 长辈模式', async () => {
    const { page } = phone;
    const failures: string[] = [];
    for (const [path, name, text] of [
      ['secretary/teams/index', 'teams-list-elder', '红色先锋服务队'],
      ['secretary/team/index', 'team-detail-elder', '队员（'],
    ] as const) {
      if (path === 'secretary/team/index') {
        await shown(page, '.teams__card').filter({ hasText: '红色先锋服务队' }).tap();
        await page.waitForURL(/pages\/secretary\/team\/index/, { timeout: 20_000 });
      } else await page.goto(`${gatewayUrl()}#/pages/${path}`);
      await waitForText(page, text);
      await turnElderMode(page, true);
      await page.waitForTimeout(800);
      const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48 });
      failures.push(
        ...audit.smallText.map((item) => `${name}: ${item.size}px 「${item.text}」`),
        ...audit.shortButtons.map((item) => `${name}: button ${item.height}px 「${item.text}」`),
        ...audit.lowContrast.map((item) => `${name}: ${item.ratio}:1 「${item.text}」`),
      );
      await shoot(page, name);
      if (path === 'secretary/teams/index') await turnElderMode(page, false);
    }
    await turnElderMode(page, false);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });
});
