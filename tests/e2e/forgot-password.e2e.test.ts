import type { Browser, Page } from 'playwright-core';
import { callGateway, gatewayUrl, launchChromium, phonePage, screenshotPath, shown } from './browser';
import { fillCodeFromDevBanner } from './phone-code';

const RESIDENT = { name: '孙桂兰', phone: '13700004811', password: 'sunguilan-2026', newPassword: 'guilan-new-77' };
const NO_ACCOUNT = '13700004812';
/** A phone is sent one code a minute, whatever it is for. */
const RESEND_MS = 61_000;

interface Options {
  districts: { streets: { communities: { id: string }[] }[] }[];
}

/** From the login page, with the phone typed there, to 忘记密码 through its link. */
async function openFromLogin(page: Page, phone: string) {
  await page.goto(`${gatewayUrl()}#/pages/auth/login/index`, { waitUntil: 'networkidle' });
  await page.locator('input[placeholder="请输入11位手机号码"]').fill(phone);
  await shown(page, '.login__help-link').tap();
  await page.waitForURL(/pages\/join\/forgot-password/);
  await shown(page, '.forgot-password').waitFor({ timeout: 20_000 });
  expect(await shown(page, '#field-phone input').inputValue()).toBe(phone);
}

const submit = (page: Page) => shown(page, '.forgot-password__actions .nut-button').tap();
const errorOf = (page: Page, field: string) => shown(page, `#field-${field} .field-error`);

describe('忘记密码 in H5: whoever proves the phone sets a new password and logs in with it', () => {
  let browser: Browser;
  let oldToken: string;
  let codeSentAt: number;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    // An account of its own, made as 居民注册 makes one.
    const options = await callGateway<Options>('registration', 'options', {});
    const communityId = options.districts[0].streets[0].communities[0].id;
    const sent = await callGateway<{ devCode: string }>('auth', 'sendPhoneCode', { phone: RESIDENT.phone, purpose: 'sign_up' });
    codeSentAt = Date.now();
    const session = await callGateway<{ token: string }>('auth', 'signUp', {
      name: RESIDENT.name, phone: RESIDENT.phone, phoneCode: sent.devCode, password: RESIDENT.password, communityId, address: '光明小区3栋402室',
    });
    oldToken = session.token;
  });
  afterAll(async () => browser.close());

  it('should name what is wrong under each field and keep everything typed, in 长辈模式 too', async () => {
    const { context, page } = await phonePage(browser, errors);
    await openFromLogin(page, NO_ACCOUNT);

    await submit(page);
    expect(await errorOf(page, 'phoneCode').innerText()).toBe('验证码须为6位数字');
    expect(await errorOf(page, 'newPassword').innerText()).toBe('请填写新密码');
    await shown(page, '#field-newPassword input').fill('12345678');
    expect(await errorOf(page, 'newPassword').innerText()).toBe('新密码不能是连续的数字');
    await shown(page, '#field-newPassword input').fill(RESIDENT.newPassword);
    await shown(page, '#field-repeated input').fill('guilan-new-78');
    expect(await errorOf(page, 'repeated').innerText()).toBe('两次输入的新密码不一样');
    await shown(page, '#field-repeated input').fill(RESIDENT.newPassword);

    // A phone without an account gets a code like any other; only the proven phone hears that it has none.
    const code = await fillCodeFromDevBanner(page);
    await submit(page);
    await shown(page, '.forgot-password__no-account').waitFor({ timeout: 20_000 });
    expect(await errorOf(page, 'phone').innerText()).toBe('该手机号码还没有账号，请先注册');
    expect(await shown(page, '#field-phoneCode input').inputValue()).toBe(code);
    expect(await shown(page, '#field-newPassword input').inputValue()).toBe(RESIDENT.newPassword);
    expect(await shown(page, '#field-repeated input').inputValue()).toBe(RESIDENT.newPassword);
    await page.screenshot({ path: screenshotPath('forgot-password-01-no-account'), fullPage: true });

    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await page.screenshot({ path: screenshotPath('forgot-password-02-no-account-elder'), fullPage: true });
    await context.close();
    expect(errors).toEqual([]);
  });

  it('should reset the password with the code of the dev banner, end the old sessions, and log in with the new one', async () => {
    const { context, page } = await phonePage(browser, errors);
    await openFromLogin(page, RESIDENT.phone);
    // The sign-up's code was sent moments ago: the page says when the next may be asked for.
    if (Date.now() - codeSentAt < RESEND_MS - 5_000) {
      await shown(page, '.dy-phone-code__send').tap();
      expect(await errorOf(page, 'phoneCode').innerText()).toMatch(/^请\d+秒后再获取验证码$/);
    }
    await page.waitForTimeout(Math.max(0, codeSentAt + RESEND_MS - Date.now()));

    await fillCodeFromDevBanner(page);
    await shown(page, '#field-newPassword input').fill(RESIDENT.newPassword);
    await shown(page, '#field-repeated input').fill(RESIDENT.newPassword);
    await page.screenshot({ path: screenshotPath('forgot-password-03-filled'), fullPage: true });
    await submit(page);

    await page.waitForURL(/pages\/auth\/login\/index\?phone=13700004811/, { timeout: 20_000 });
    expect(await page.locator('input[placeholder="请输入11位手机号码"] >> visible=true').inputValue()).toBe(RESIDENT.phone);
    await page.waitForTimeout(2500); // the toast fades
    await page.screenshot({ path: screenshotPath('forgot-password-04-login-phone-filled') });
    await page.locator('input[placeholder="请输入密码"] >> visible=true').fill(RESIDENT.newPassword);
    await shown(page, '.nut-button').filter({ hasText: '登录' }).first().tap();
    await page.waitForURL(/pages\/resident\//, { timeout: 20_000 });
    await context.close();

    await expect(callGateway('auth', 'me', {}, oldToken)).rejects.toThrow(/SESSION_EXPIRED/);
    await expect(callGateway('auth', 'login', { phone: RESIDENT.phone, password: RESIDENT.password })).rejects.toThrow(/AUTH_BAD_CREDENTIALS/);
    expect(errors).toEqual([]);
  });
});
