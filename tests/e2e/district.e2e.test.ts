import type { Browser, Locator, Page } from 'playwright-core';
import { callGateway, launchChromium, logInInBrowser, screenshotPath, phonePage } from './browser';

const DISTRICT_ADMIN = { phone: '19900000010', password: 'demo1234' };
const NEW_SECRETARY_PHONE = '13912345678';

describe('the district admin (区管理员) pages in the H5 build', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const dialog = () => page.locator('.nut-dialog >> visible=true');
  const button = (scope: Locator, text: string) => scope.locator('.nut-button').filter({ hasText: text }).first();
  const community = (name: string) => page.locator('.org-card--community >> visible=true').filter({ has: page.locator('.org-card__name', { hasText: name }) });
  const gridRow = (name: string) => page.locator('.org-row >> visible=true').filter({ hasText: name });

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
  });
  afterAll(async () => browser.close());

  it('should log in and land on the organisation tree with streets, communities and grids', async () => {
    await logInInBrowser(page, DISTRICT_ADMIN, /pages\/district\/org/);
    await community('幸福社区').waitFor({ timeout: 20_000 });
    await page.getByText('报到时采集身份证号').waitFor();
    expect(await gridRow('第一网格').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('district-org'), fullPage: true });
  });

  it('should add a grid to a community, then rename it', async () => {
    await button(community('幸福社区'), '新增网格').tap();
    await dialog().locator('input').fill('第四网格');
    await button(dialog(), '保存').tap();
    await dialog().waitFor({ state: 'hidden' });
    await gridRow('第四网格').waitFor();

    await button(gridRow('第四网格'), '改名').tap();
    await dialog().locator('input').fill('第一网格');
    await button(dialog(), '保存').tap();
    await dialog().getByText('同一上级组织下已有同名组织').waitFor();
    await dialog().locator('input').fill('临时网格');
    await page.screenshot({ path: screenshotPath('district-org-rename') });
    await button(dialog(), '保存').tap();
    await dialog().waitFor({ state: 'hidden' });
    await gridRow('临时网格').waitFor();
    expect(await gridRow('第四网格').count()).toBe(0);
  });

  it('should merge the grid into another after saying what moves', async () => {
    await button(gridRow('临时网格'), '合并').tap();
    await dialog().locator('.pick-dialog__option').filter({ hasText: '第一网格' }).tap();
    await button(dialog(), '下一步').tap();
    await dialog().getByText('将转入「第一网格」', { exact: false }).waitFor();
    await page.getByText('已改名').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('district-org-merge') });
    await button(dialog(), '确定合并').tap();
    await dialog().waitFor({ state: 'hidden' });
    await gridRow('临时网格').waitFor({ state: 'detached' });
  });

  it('should pair a unit with a community on the units page', async () => {
    await page.locator('.role-tab-bar__item >> visible=true').filter({ hasText: '单位' }).tap();
    await page.waitForURL(/pages\/district\/units/);
    const unit = page.locator('.org-card >> visible=true').filter({ has: page.locator('.org-card__name', { hasText: '示例区人民医院' }) });
    await unit.waitFor({ timeout: 20_000 });
    expect(await unit.locator('.org-row').filter({ hasText: '幸福社区' }).count()).toBe(0);
    await button(unit, '结对社区').tap();
    await dialog().locator('.pick-dialog__option').filter({ hasText: '幸福社区' }).tap();
    await button(dialog(), '结对').tap();
    await unit.locator('.org-row').filter({ hasText: '幸福社区' }).waitFor();
    await page.getByText('示例区人民医院已与幸福社区结对').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('district-units'), fullPage: true });
  });

  it('should appoint a secretary with a new account and show the initial password once', async () => {
    await page.locator('.role-tab-bar__item >> visible=true').filter({ hasText: '人员' }).tap();
    await page.waitForURL(/pages\/district\/people/);
    await button(page.locator('.district__toolbar >> visible=true'), '任命').tap();
    const form = page.locator('.appoint-form >> visible=true');
    await button(form, '确定任命').tap();
    await form.getByText('请选择社区').waitFor();
    await form.locator('.appoint-form__picker').tap();
    await dialog().locator('.pick-dialog__option').filter({ hasText: '光明社区' }).tap();
    await button(dialog(), '选定').tap();
    await form.locator('input[placeholder="请输入姓名"]').fill('李书记');
    await form.locator('input[placeholder="11位手机号码"]').fill(NEW_SECRETARY_PHONE);
    await page.screenshot({ path: screenshotPath('district-people-appoint'), fullPage: true });
    await button(form, '确定任命').tap();
    const password = (await dialog().locator('.appoint-password').textContent({ timeout: 20_000 })) ?? '';
    expect(password).toMatch(/^\d{8}$/);
    await page.screenshot({ path: screenshotPath('district-people-password') });
    await button(dialog(), '知道了').tap();
    const card = page.locator('.org-card >> visible=true').filter({ has: page.locator('.org-card__name', { hasText: '光明社区' }) });
    await card.getByText('李书记').waitFor();
    await card.getByText('139****5678').waitFor();
    await page.screenshot({ path: screenshotPath('district-people'), fullPage: true });

    const session = await callGateway<{ profile: { roles: { role: string; orgName: string }[] } }>('auth', 'login', { phone: NEW_SECRETARY_PHONE, password });
    expect(session.profile.roles).toEqual([expect.objectContaining({ role: 'secretary', orgName: '光明社区' })]);
    expect(errors).toEqual([]);
  });
});
