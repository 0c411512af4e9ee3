import type { Browser } from 'playwright-core';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };

type Session = { token: string; profile: { roles: { role: string; orgId: string | null }[] } };

/** A resident of the demo secretary's community whose phone a stranger's guesses have locked; the secretary lifts it. */
describe('登录已锁定 on the secretary’s 党员登记表', () => {
  let browser: Browser;
  const resident = { name: '锁定测试居民', phone: `137${String(Date.now()).slice(-8)}`, password: 'chunfeng2026' };

  beforeAll(async () => {
    browser = await launchChromium();
    const secretary = await callGateway<Session>('auth', 'login', SECRETARY);
    const communityId = secretary.profile.roles.find((grant) => grant.role === 'secretary')!.orgId;
    const sent = await callGateway<{ devCode: string }>('auth', 'sendPhoneCode', { phone: resident.phone, purpose: 'sign_up' });
    await callGateway('auth', 'signUp', { ...resident, phoneCode: sent.devCode, communityId, address: '光明小区5栋101室' });
  });
  afterAll(async () => browser.close());

  it('should list the locked resident with 解除登录锁定, and let her in once it is lifted', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(callGateway('auth', 'login', { phone: resident.phone, password: `guess-${i}` })).rejects.toThrow(/AUTH_(BAD_CREDENTIALS|LOCKED)/);
    }
    await expect(callGateway('auth', 'login', { phone: resident.phone, password: resident.password })).rejects.toThrow(/AUTH_LOCKED/);

    const errors: string[] = [];
    const { page } = await phonePage(browser, errors);
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await page.goto(`${gatewayUrl()}#/pages/secretary/member-register/index`);
    const card = shown(page, '.login-locks');
    await card.waitFor({ timeout: 20_000 });
    const row = card.locator('.login-locks__person').filter({ hasText: resident.name });
    await row.waitFor();
    expect(await row.innerText()).toContain(`${resident.phone.slice(0, 3)}****${resident.phone.slice(-4)}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('login-locks-secretary') });
    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('login-locks-secretary-elder') });

    await row.locator('.nut-button').filter({ hasText: '解除登录锁定' }).tap();
    await card.locator('.login-locks__person').filter({ hasText: resident.name }).waitFor({ state: 'detached', timeout: 20_000 });
    const session = await callGateway<Session>('auth', 'login', { phone: resident.phone, password: resident.password });
    expect(session.token).toEqual(expect.any(String));
    expect(errors).toEqual([]);
  });
});
