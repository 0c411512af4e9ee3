import type { Browser, Page } from 'playwright-core';
import { auditPage } from './page-audit';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, profileTab, shown } from './browser';

const DISTRICT_ADMIN = { phone: '19900000010', password: 'demo1234' };
const NEW_PASSWORD = 'xinshuji-2026';

type Session = { token: string; profile: { roles: { role: string; orgId: string | null }[] } };

/** The session token this phone keeps (Taro's H5 storage wraps each value in `{ data }`). */
const storedToken = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('dyg.session');
    if (!raw) return null;
    const value = JSON.parse(raw) as { data?: { token?: string }; token?: string };
    return value.data?.token ?? value.token ?? null;
  });

async function refusal(fn: string, action: string, token: string): Promise<string> {
  try {
    await callGateway(fn, action, {}, token);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('修改密码 and 退出登录 in the H5 build', () => {
  let browser: Browser;
  let appointed: { phone: string; initialPassword: string };

  beforeAll(async () => {
    browser = await launchChromium();
    // A new secretary appointed by the district admin, who passes on the initial password.
    const admin = await callGateway<Session>('auth', 'login', DISTRICT_ADMIN);
    const tree = await callGateway<{ streets: { communities: { id: string }[] }[] }>('org', 'tree', {}, admin.token);
    const community = tree.streets.flatMap((street) => street.communities)[0];
    const phone = `139${String(Date.now()).slice(-8)}`;
    const answer = await callGateway<{ initialPassword: string }>('org', 'appoint', { role: 'secretary', orgId: community.id, name: '新任书记', phone }, admin.token);
    appointed = { phone, initialPassword: answer.initialPassword };
  });
  afterAll(async () => {
    await browser.close();
  });

  it('should take a first login with the initial password to 修改密码, keep it there, then let the new password in', async () => {
    const errors: string[] = [];
    const { page } = await phonePage(browser, errors);
    await logInInBrowser(page, { phone: appointed.phone, password: appointed.initialPassword }, /pages\/auth\/change-password/);
    await shown(page, '.change-password__note').waitFor();
    expect(await shown(page, '.change-password__note').innerText()).toContain('初始密码');
    await page.screenshot({ path: screenshotPath('account-forced-change') });
    // Nowhere to go back to: the only way out is 暂不修改，退出登录.
    expect(await page.locator('.page-shell__back').count()).toBe(0);
    const initialToken = (await storedToken(page))!;

    // Another page is not open to it: the shell takes it back to 修改密码.
    await page.goto(`${gatewayUrl()}#/pages/secretary/needs/index`);
    await page.waitForURL(/pages\/auth\/change-password/, { timeout: 20_000 });
    expect(await refusal('demands', 'listForCommunity', initialToken)).toContain('AUTH_PASSWORD_CHANGE_REQUIRED');

    // A weak password is refused under its box, in words.
    await shown(page, 'input[placeholder="请输入初始密码"]').fill(appointed.initialPassword);
    await shown(page, 'input[placeholder="至少8位"]').fill('12345678');
    await shown(page, 'input[placeholder="再输一遍，确认没有输错"]').fill('12345678');
    await shown(page, '.nut-button').filter({ hasText: '确认修改' }).tap();
    await shown(page, '.field-error').filter({ hasText: '新密码不能是连续的数字' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('account-change-refused') });

    await shown(page, 'input[placeholder="至少8位"]').fill(NEW_PASSWORD);
    await shown(page, 'input[placeholder="再输一遍，确认没有输错"]').fill(NEW_PASSWORD);
    await shown(page, '.nut-button').filter({ hasText: '确认修改' }).tap();
    await page.waitForURL(/pages\/secretary\/needs/, { timeout: 20_000 });
    expect(await refusal('auth', 'me', initialToken)).toContain('SESSION_EXPIRED');
    await expect(callGateway('auth', 'login', { phone: appointed.phone, password: appointed.initialPassword })).rejects.toThrow('AUTH_BAD_CREDENTIALS');
    expect(errors).toEqual([]);
  });

  it('should end the session on 退出登录 from 我的, so that its token no longer works', async () => {
    const errors: string[] = [];
    const { page } = await phonePage(browser, errors);
    await logInInBrowser(page, { phone: appointed.phone, password: NEW_PASSWORD }, /pages\/secretary\/needs/);
    const token = (await storedToken(page))!;
    expect(await refusal('auth', 'me', token)).toBe('accepted');

    await profileTab(page).tap();
    await page.waitForURL(/pages\/profile/);
    await shown(page, '.nut-cell').filter({ hasText: '修改密码' }).waitFor();
    await shown(page, '.nut-button').filter({ hasText: '退出登录' }).tap();
    await page.locator('.taro-model__confirm').first().click();
    await page.waitForURL(/pages\/auth\/login/, { timeout: 20_000 });
    expect(await storedToken(page)).toBeNull();
    expect(await refusal('auth', 'me', token)).toContain('SESSION_EXPIRED');
    expect(errors).toEqual([]);
  });

  it('should draw 修改密码 legibly in 长辈模式', async () => {
    const errors: string[] = [];
    const { page } = await phonePage(browser, errors);
    await logInInBrowser(page, { phone: appointed.phone, password: NEW_PASSWORD }, /pages\/secretary\/needs/);
    await page.goto(`${gatewayUrl()}#/pages/auth/change-password/index`);
    await shown(page, 'input[placeholder="请输入原密码"]').waitFor({ timeout: 20_000 });
    const toggle = shown(page, '.elder-toggle').first();
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('account-change-elder') });
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.change-password' });
    expect(audit.smallText).toEqual([]);
    expect(audit.shortButtons).toEqual([]);
    expect(audit.lowContrast).toEqual([]);
    expect(errors).toEqual([]);
  });
});
