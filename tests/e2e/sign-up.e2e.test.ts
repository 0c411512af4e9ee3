import type { Browser } from 'playwright-core';
import { callGateway, gatewayUrl, launchChromium, phonePage, screenshotPath, shown } from './browser';
import { fillCodeFromDevBanner } from './phone-code';

const NEWCOMER = { name: '邓丽华', phone: '13700004801', password: 'denglihua-2026' };

describe('居民注册 in H5: a resident proves the phone with a code and gets an account', () => {
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  it('should sign up from the login page with the code of the dev banner and land logged in as a resident', async () => {
    const { context, page } = await phonePage(browser, errors);
    await page.goto(`${gatewayUrl()}#/pages/auth/login/index`, { waitUntil: 'networkidle' });
    await shown(page, '.login__join-title').filter({ hasText: '居民注册' }).tap();
    await page.waitForURL(/pages\/join\/sign-up/);
    await shown(page, '.sign-up .choice-chips__chip').first().waitFor({ timeout: 20_000 });

    // Nothing typed: each field says what it needs; 获取验证码 first wants a phone.
    await shown(page, '.sign-up__actions .nut-button').tap();
    expect(await shown(page, '#field-name .field-error').innerText()).toBe('姓名不能为空');
    expect(await shown(page, '#field-phoneCode .field-error').innerText()).toBe('验证码须为6位数字');
    expect(await shown(page, '#field-communityId .field-error').innerText()).toBe('请选择所在社区');
    await shown(page, '.dy-phone-code__send').tap();
    await page.getByText('手机号码须为11位手机号码').first().waitFor();

    await shown(page, '#field-name input').fill(NEWCOMER.name);
    await shown(page, '#field-phone input').fill(NEWCOMER.phone);
    const code = await fillCodeFromDevBanner(page);
    expect(await shown(page, '.dy-phone-code__send').innerText()).toMatch(/^\d+秒后重发$/);
    expect(await shown(page, '.dy-phone-code__send').getAttribute('class')).toContain('nut-button-disabled');
    await shown(page, '#field-password input').fill(NEWCOMER.password);
    await shown(page, '#field-communityId .choice-chips__chip').first().tap();
    await shown(page, '#field-address input').fill('光明小区5栋203室');
    await page.screenshot({ path: screenshotPath('sign-up-01-filled'), fullPage: true });

    // A draft (not the code or the password) survives a reload.
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, '.sign-up .choice-chips__chip').first().waitFor({ timeout: 20_000 });
    expect(await shown(page, '#field-name input').inputValue()).toBe(NEWCOMER.name);
    expect(await shown(page, '#field-address input').inputValue()).toBe('光明小区5栋203室');
    expect(await shown(page, '#field-phoneCode input').inputValue()).toBe('');
    await shown(page, '#field-password input').fill(NEWCOMER.password);

    // A wrong code is named under its field by the server, with the tries left.
    await shown(page, '#field-phoneCode input').fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await shown(page, '.sign-up__actions .nut-button').tap();
    await page.getByText('验证码不正确，还可再试4次').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('sign-up-02-wrong-code') });

    await shown(page, '#field-phoneCode input').fill(code);
    await shown(page, '.sign-up__actions .nut-button').tap();
    await page.waitForURL(/pages\/resident\//, { timeout: 20_000 });
    const session = await page.evaluate(() => localStorage.getItem('dyg.session'));
    expect(session).toContain('resident');
    await context.close();

    const login = await callGateway<{ profile: { name: string; roles: { role: string }[] } }>('auth', 'login', { phone: NEWCOMER.phone, password: NEWCOMER.password });
    expect(login.profile).toMatchObject({ name: NEWCOMER.name, roles: [expect.objectContaining({ role: 'resident' })] });
    expect(errors).toEqual([]);
  });

  it('should tell whoever proved a phone that has an account to log in instead, and show the form in 长辈模式', async () => {
    const { context, page } = await phonePage(browser, errors);
    await page.goto(`${gatewayUrl()}#/pages/join/sign-up/index`, { waitUntil: 'networkidle' });
    await shown(page, '.sign-up .choice-chips__chip').first().waitFor({ timeout: 20_000 });
    await shown(page, '#field-name input').fill('刘芳');
    await shown(page, '#field-phone input').fill('19900002001');
    await fillCodeFromDevBanner(page);
    await shown(page, '#field-password input').fill('liufang-2026');
    await shown(page, '#field-communityId .choice-chips__chip').first().tap();
    await shown(page, '#field-address input').fill('光明小区1栋101室');
    await shown(page, '.sign-up__actions .nut-button').tap();
    await shown(page, '.sign-up__has-account').waitFor({ timeout: 20_000 });
    expect(await shown(page, '#field-phone .field-error').innerText()).toBe('该手机号码已有账号，请直接登录或重设密码');

    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await page.screenshot({ path: screenshotPath('sign-up-03-has-account-elder'), fullPage: true });
    expect(await shown(page, '.sign-up__link').allInnerTexts()).toEqual(['去登录 ›', '忘记密码 ›']);
    await shown(page, '.sign-up__link').filter({ hasText: '去登录' }).tap();
    await page.waitForURL(/pages\/auth\/login/);
    await context.close();
    expect(errors).toEqual([]);
  });
});
