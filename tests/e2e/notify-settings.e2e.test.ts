import type { Browser, Page } from 'playwright-core';
import { callGateway, DEMO, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown, tapButton, toastGone } from './browser';

// 消息提醒设置 of the district: the admin finds it beside the district's other settings, a value out of range is
// refused at its field in the server's words, and a notice of 3 working days is what the secretary's form then asks.
type Session = { token: string };
type Settings = { noticeWorkingDays: number; briefDeadlineWorkingDays: number; reminderEveningTime: string; reminderLeadMinutes: number; updatedAt: string | null; updatedBy: string | null };

const login = (account: { phone: string; password: string }) => callGateway<Session>('auth', 'login', account);
const route = (path: string) => `${gatewayUrl()}#/pages/${path}`;
const fieldRow = (page: Page, name: string) => shown(page, '.form-row').filter({ has: page.locator(`input[name="${name}"]`) });

const setElderMode = (page: Page, on: boolean) =>
  page.evaluate((value) => localStorage.setItem('dyg.elderMode', JSON.stringify({ data: value })), on);

async function shootBoth(page: Page, name: string) {
  for (const elder of [false, true]) {
    await setElderMode(page, elder);
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, elder ? '.page-shell--elder .notify-settings' : '.notify-settings').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath(elder ? `${name}-elder` : name), fullPage: true });
  }
  await setElderMode(page, false);
  await page.reload({ waitUntil: 'networkidle' });
  await shown(page, '.notify-settings').waitFor({ timeout: 20_000 });
}

describe('消息提醒设置 of the district', () => {
  let browser: Browser;
  const errors: string[] = [];
  let admin: Session;
  let before: Settings;

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await login(DEMO.districtAdmin);
    before = await callGateway<Settings>('notify', 'settings', {}, admin.token);
  });

  afterAll(async () => {
    // The suites after this one find the district as it was.
    const { noticeWorkingDays, briefDeadlineWorkingDays, reminderEveningTime, reminderLeadMinutes } = before;
    await callGateway('notify', 'updateSettings', { noticeWorkingDays, briefDeadlineWorkingDays, reminderEveningTime, reminderLeadMinutes }, admin.token).catch(() => undefined);
    await browser?.close();
  });

  it('should let the district admin set the notice to 3 working days, refusing 31 at its field, and the secretary’s form then asks 3', async () => {
    const { page } = await phonePage(browser, errors, 'district admin');
    await logInInBrowser(page, DEMO.districtAdmin, /pages\/district\/org/);
    // Beside the ID-number switch on 组织架构.
    await shown(page, '.org-switch').filter({ hasText: '消息提醒设置' }).tap();
    await page.waitForURL(/pages\/district\/notify-settings/, { timeout: 20_000 });
    await shown(page, '.notify-settings').waitFor({ timeout: 20_000 });
    await expect(shown(page, 'input[name="noticeWorkingDays"]').inputValue()).resolves.toBe(String(before.noticeWorkingDays));
    await expect(shown(page, 'input[name="briefDeadlineWorkingDays"]').inputValue()).resolves.toBe(String(before.briefDeadlineWorkingDays));
    await expect(shown(page, '.notify-settings__time').textContent()).resolves.toBe(before.reminderEveningTime);
    await expect(shown(page, 'input[name="reminderLeadMinutes"]').inputValue()).resolves.toBe(String(before.reminderLeadMinutes));
    await shootBoth(page, 'district-notify-settings');

    // Too many days: the server's words under the field, nothing saved.
    await shown(page, 'input[name="noticeWorkingDays"]').fill('31');
    await tapButton(page, '保存');
    const refused = fieldRow(page, 'noticeWorkingDays').locator('.field-error');
    await refused.waitFor({ timeout: 20_000 });
    await expect(refused.textContent()).resolves.toBe('预约预告提前工作日不能大于30');
    await shown(page, '.dy-form-banner').filter({ hasText: '请按红字提示修改后再提交' }).waitFor();
    await page.screenshot({ path: screenshotPath('district-notify-settings-refused'), fullPage: true });
    await expect(callGateway<Settings>('notify', 'settings', {}, admin.token)).resolves.toMatchObject({ noticeWorkingDays: before.noticeWorkingDays });

    // Changing the field takes its error away; 3 is saved, with who saved it.
    await shown(page, 'input[name="noticeWorkingDays"]').fill('3');
    await refused.waitFor({ state: 'detached', timeout: 5_000 });
    await expect(shown(page, '.notify-settings__means').first().textContent()).resolves.toContain('不足3个工作日');
    await tapButton(page, '保存');
    await shown(page, '.notify-settings__changed').filter({ hasText: '上次修改：' }).waitFor({ timeout: 20_000 });
    await expect(callGateway<Settings>('notify', 'settings', {}, admin.token)).resolves.toMatchObject({ noticeWorkingDays: 3 });
    await expect(shown(page, '.nut-button').filter({ hasText: '没有修改' }).count()).resolves.toBe(1);
    await toastGone(page);
    await page.screenshot({ path: screenshotPath('district-notify-settings-saved'), fullPage: true });
    await page.context().close();

    // The secretary's create form (tomorrow 09:00 by default) now asks for 3 working days.
    const secretary = await phonePage(browser, errors, 'secretary');
    await logInInBrowser(secretary.page, DEMO.secretary, /pages\/secretary\/needs/);
    await secretary.page.goto(route('secretary/create-order/index'), { waitUntil: 'networkidle' });
    const warning = shown(secretary.page, '.short-notice-warning__text').first();
    await warning.waitFor({ timeout: 20_000 });
    await expect(warning.textContent()).resolves.toContain('按规定活动须提前3个工作日发布');
    await secretary.page.screenshot({ path: screenshotPath('create-order-notice-3-days'), fullPage: true });
    await secretary.context.close();
    expect(errors).toEqual([]);
  });
});
