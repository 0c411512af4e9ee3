import type { Browser } from 'playwright-core';
import { callGateway, launchChromium, logInInBrowser, newPhone, screenshotPath, profileTab, shown as visible } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const ORIGINAL_PHONE = '0750-5550101';

describe('社区服务电话 on the secretary’s profile in the H5 build', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    // Other suites read the demo community's number: put it back.
    const session = await callGateway<{ token: string; profile: { roles: { role: string; orgId: string }[] } }>('auth', 'login', SECRETARY);
    const community = session.profile.roles.find((grant) => grant.role === 'secretary')!.orgId;
    await callGateway('org', 'setServicePhone', { orgId: community, phone: ORIGINAL_PHONE }, session.token);
  });

  it('should show the number, refuse a bad one under the box and save a good one', async () => {
    const page = await (await newPhone(browser)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await profileTab(page).tap();
    await page.waitForURL(/pages\/profile/);
    const cell = visible(page, '.nut-cell').filter({ hasText: '社区服务电话' });
    await cell.waitFor({ timeout: 20_000 });
    expect(await cell.textContent()).toContain(ORIGINAL_PHONE);

    await cell.tap();
    const input = visible(page, '.dialog-field input');
    await input.waitFor();
    expect(await input.inputValue()).toBe(ORIGINAL_PHONE);
    await input.fill('12345');
    await visible(page, '.nut-dialog .nut-button').filter({ hasText: '保存' }).tap();
    const error = visible(page, '.dialog-field .field-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toContain('服务电话');
    await page.screenshot({ path: screenshotPath('service-phone-dialog-error') });

    await input.fill('0571-88886666');
    await visible(page, '.nut-dialog .nut-button').filter({ hasText: '保存' }).tap();
    await visible(page, '.dialog-field').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.waitForFunction(() => document.body.textContent?.includes('0571-88886666'), undefined, { timeout: 10_000 });
    expect(await cell.textContent()).toContain('0571-88886666');
    await page.screenshot({ path: screenshotPath('service-phone-profile') });
    expect(errors).toEqual([]);
  });
});
