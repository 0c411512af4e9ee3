import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gatewayUrl, launchChromium, logInInBrowser, newPhone, screenshotPath, shown as visible, turnWheel, wheelNumber } from './browser';
import { fillCodeFromDevBanner } from './phone-code';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const UNIT_ADMIN = { phone: '19900000011', password: 'demo1234' };
const NEWCOMER = { name: '方明', phone: '19900004001', password: 'fangming-2026' };

/** Taps the confirm button of Taro's modal (showModal). */
const confirmModal = (page: Page) => visible(page, '.taro-model__confirm').first().click();

const inThirtyDays = () => new Date(Date.now() + 30 * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);

/** Taps a month field, turns the picker's 年 and 月 wheels to the month and confirms, as a member would. */
async function pickMonth(page: Page, field: string, month: string, screenshot?: string) {
  await visible(page, `#field-${field} .month-field__box`).tap();
  const confirm = visible(page, '.nut-picker-confirm-btn');
  await confirm.waitFor();
  await page.waitForTimeout(600); // the sheet's slide-up
  const [year, monthOfYear] = month.split('-').map(Number);
  await turnWheel(page, 0, year);
  await turnWheel(page, 1, monthOfYear);
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot) });
  await confirm.tap();
  await confirm.waitFor({ state: 'hidden' });
}

describe('在职党员报到 in the H5 build: the unit issues a slip, the member registers on the phone, the secretary confirms, the unit sees 已报到', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let unitPage: Page;
  let slipCode = '';

  const phonePage = async () => {
    const context = await newPhone(browser);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  it('should let the demo unit admin issue a 报到单 and show its code', async () => {
    unitPage = await phonePage();
    await logInInBrowser(unitPage, UNIT_ADMIN, /pages\/unit\/slips/);
    await visible(unitPage, '.slip-card').first().waitFor({ timeout: 20_000 });
    await visible(unitPage, '.nut-button').filter({ hasText: '开具报到单' }).first().tap();
    await visible(unitPage, 'input[name="memberName"]').fill(NEWCOMER.name);
    await visible(unitPage, 'input[name="memberPhone"]').fill(NEWCOMER.phone);
    await visible(unitPage, '.slips__form .choice-chips__chip').filter({ hasText: '幸福社区' }).tap();
    await visible(unitPage, 'input[name="reportBy"]').fill(inThirtyDays());
    await visible(unitPage, '.slips__form .nut-button').filter({ hasText: '开具报到单' }).tap();
    await visible(unitPage, '.taro-modal__content').filter({ hasText: '报到码' }).waitFor({ timeout: 20_000 });
    slipCode = /报到码 ([A-Z2-9]{8})/.exec(await visible(unitPage, '.taro-modal__content').first().innerText())![1];
    expect(slipCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/); // no I, O, 1 or 0
    await visible(unitPage, '.taro-model__cancel').first().click(); // 稍后: share it later from the card
    const card = visible(unitPage, '.slip-card').filter({ hasText: NEWCOMER.name });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain(slipCode);
    expect(await card.innerText()).toContain('待报到');
    await unitPage.screenshot({ path: screenshotPath('registration-01-unit-issued-slip') });
  });

  it('should let the member fill the form on the phone from the slip, with the availability grid and posts, and submit it', async () => {
    const page = await phonePage();
    await page.goto(`${gatewayUrl()}#/pages/join/register/index?slip=${slipCode}`, { waitUntil: 'networkidle' });
    await visible(page, '.register__slip').waitFor({ timeout: 20_000 });
    expect(await visible(page, '.register__slip').innerText()).toContain('幸福社区');
    expect(await visible(page, '#field-name input').inputValue()).toBe(NEWCOMER.name);
    await page.screenshot({ path: screenshotPath('registration-02-form-top') });

    // Submitting at once names what is missing, next to each field.
    await visible(page, '.register__actions .nut-button').tap();
    await visible(page, '#field-posts .field-error').waitFor();
    expect(await visible(page, '#field-posts .field-error').innerText()).toBe('请至少认领一个岗位');
    expect(await visible(page, '#field-availability .field-error').innerText()).toBe('能参加服务的时间至少勾选一格');

    await visible(page, '#field-gender .register__chip').filter({ hasText: '男' }).tap();
    await visible(page, '#field-birthMonth .month-field__box').tap();
    await visible(page, '.nut-picker-confirm-btn').waitFor();
    const years = visible(page, '.nut-picker .nut-pickerview-list').first();
    expect(await wheelNumber(years)).toBe(1980);
    expect(await years.locator('.nut-pickerview-roller-item').last().textContent()).toBe(`${new Date().getFullYear()}年`);
    await visible(page, '.nut-picker-cancel-btn').tap();
    await visible(page, '.nut-picker-confirm-btn').waitFor({ state: 'hidden' });
    await pickMonth(page, 'birthMonth', '1988-03', 'registration-month-picker');
    expect(await visible(page, '#field-birthMonth .month-field__value').innerText()).toBe('1988年03月');
    await visible(page, '#field-education .register__chip').filter({ hasText: '本科' }).tap();
    await visible(page, '#field-phone input').fill(NEWCOMER.phone);
    await visible(page, '#field-homeAddress input').fill('幸福小区9栋1203室');
    await pickMonth(page, 'joinedPartyMonth', '2010-07');
    expect(await visible(page, '#field-joinedPartyMonth .month-field__value').innerText()).toBe('2010年07月');
    await visible(page, '#field-jobTitle input').fill('科员');
    await visible(page, '#field-gridId .register__chip').filter({ hasText: '第二网格' }).tap();
    await visible(page, '#field-posts .register__chip').filter({ hasText: '政策法规宣传岗' }).tap();
    await visible(page, '#field-posts .register__chip').filter({ hasText: '社区稳定维护岗' }).tap();
    await visible(page, '.register__category-head').filter({ hasText: '社区服务' }).tap();
    await visible(page, '#field-intentions .register__chip').filter({ hasText: '治安巡逻' }).tap();
    await visible(page, '[data-cell="sat-morning"]').tap();
    await visible(page, '[data-cell="sat-afternoon"]').tap();
    await visible(page, '.register__grid-day').filter({ hasText: '周日' }).tap();
    await visible(page, '[data-cell="holiday-morning"]').tap();
    await visible(page, '#field-willingLongTerm .register__chip').filter({ hasText: '愿意' }).tap();
    await visible(page, '#field-willingOtherServices .register__chip').filter({ hasText: '愿意' }).tap();
    await visible(page, '#field-password input').fill(NEWCOMER.password);

    expect(await visible(page, '.register__grid-cell--on').count()).toBe(6);
    await visible(page, '#field-posts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('registration-03-posts') });
    await visible(page, '#field-availability').screenshot({ path: screenshotPath('registration-04-availability-grid') });
    await page.screenshot({ path: screenshotPath('registration-05-filled-form'), fullPage: true });

    // A draft survives leaving the page half way.
    await page.reload({ waitUntil: 'networkidle' });
    await visible(page, '.register__draft').waitFor({ timeout: 20_000 });
    expect(await visible(page, '#field-homeAddress input').inputValue()).toBe('幸福小区9栋1203室');
    expect(await visible(page, '#field-birthMonth .month-field__value').innerText()).toBe('1988年03月');
    expect(await visible(page, '.register__grid-cell--on').count()).toBe(6);
    await visible(page, '#field-password input').fill(NEWCOMER.password);
    // Logged out, the phone is proven with a code first; the local gateway shows it in a 开发环境 banner.
    await fillCodeFromDevBanner(page);

    await visible(page, '.register__actions .nut-button').tap();
    // A refused submit fails here with what the page said, instead of a bare timeout.
    const refused = visible(page, '.dy-form-banner');
    await Promise.race([
      page.waitForURL(/pages\/join\/status/, { timeout: 20_000 }).catch(() => undefined),
      refused.first().waitFor({ timeout: 20_000 }).catch(() => undefined),
    ]);
    expect(await refused.allInnerTexts()).toEqual([]);
    await page.waitForURL(/pages\/join\/status/, { timeout: 20_000 });
    const card = visible(page, '.join-status__card').first();
    await card.waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain('待社区确认');
    await page.screenshot({ path: screenshotPath('registration-06-member-status') });
  });

  it('should let the demo secretary confirm the registration on her page, with the grid', async () => {
    const login = await phonePage();
    await logInInBrowser(login, SECRETARY, /pages\/secretary/);
    await visible(login, '.pool-card').first().waitFor({ timeout: 20_000 });
    // A fresh tab of the same phone (the session is in its storage) opens the page from its address.
    const page = await login.context().newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${gatewayUrl()}#/pages/secretary/registrations/index`, { waitUntil: 'networkidle' });
    const card = visible(page, '.reg-card').filter({ hasText: NEWCOMER.name });
    await card.waitFor({ timeout: 20_000 });
    const text = await card.innerText();
    expect(text).toContain('199****4001');
    expect(text).toContain('政策法规宣传岗、社区稳定维护岗');
    await page.screenshot({ path: screenshotPath('registration-07-secretary-pending') });
    await card.locator('.nut-button').filter({ hasText: '确认报到' }).tap();
    await confirmModal(page);
    await visible(page, '.taro-modal__content').filter({ hasText: '回执' }).waitFor({ timeout: 20_000 });
    expect(await visible(page, '.taro-modal__content').filter({ hasText: '回执' }).innerText()).toContain(`你单位党员 ${NEWCOMER.name} 同志已于`);
    await page.screenshot({ path: screenshotPath('registration-08-secretary-receipt') });
    await confirmModal(page);
  });

  it('should show the unit admin 已报到 with the 回执', async () => {
    await unitPage.reload({ waitUntil: 'networkidle' });
    const card = visible(unitPage, '.slip-card').filter({ hasText: NEWCOMER.name });
    await card.waitFor({ timeout: 20_000 });
    const text = await card.innerText();
    expect(text).toContain('已报到');
    expect(text).toContain('认领岗位 政策法规宣传岗、社区稳定维护岗');
    await unitPage.screenshot({ path: screenshotPath('registration-09-unit-reported') });
    expect(errors).toEqual([]);
  });
});
