import type { Browser, Page } from 'playwright-core';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, newPhone, screenshotPath, shown } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const BANNER = '请按红字提示修改后再提交';

const route = (path: string) => `${gatewayUrl()}#/pages/${path}`;

async function open(page: Page, path: string) {
  await page.goto(route(path), { waitUntil: 'networkidle' });
  await shown(page, '.page-shell__body').first().waitFor({ timeout: 20_000 });
}

const setElderMode = (page: Page, on: boolean) =>
  page.evaluate((value) => localStorage.setItem('dyg.elderMode', JSON.stringify({ data: value })), on);

/** Both modes of the page on screen, for a person to look at. */
async function shootBoth(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(`${name}`), fullPage: true });
  await setElderMode(page, true);
  await page.reload({ waitUntil: 'networkidle' });
  await shown(page, '.page-shell--elder').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: screenshotPath(`${name}-elder`), fullPage: true });
  await setElderMode(page, false);
  await page.reload({ waitUntil: 'networkidle' });
  await shown(page, '.page-shell__body').first().waitFor({ timeout: 20_000 });
}

describe('the secretary’s needs pool and order pages', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let token = '';
  let orderId = '';
  const title = `测试开始后的状态${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await (await newPhone(browser)).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    token = (await callGateway<{ token: string }>('auth', 'login', SECRETARY)).token;
  });
  afterAll(async () => {
    if (orderId) await callGateway('orders', 'cancel', { orderId, reason: '浏览器测试结束，取消测试订单' }, token).catch(() => undefined);
    await browser.close();
  });

  it('should narrow the 需求池 to the needs with the words searched, and say so when none has them', async () => {
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    const cards = shown(page, '.pool-card');
    await cards.first().waitFor({ timeout: 20_000 });
    const before = await cards.count();
    const requester = ((await cards.first().locator('.pool-card__value').first().textContent()) ?? '').split(' · ')[0].trim();
    expect(requester.length).toBeGreaterThan(0);

    await shown(page, '.dy-search input').fill(requester);
    await shown(page, '.needs-pool__count').filter({ hasText: '找到' }).waitFor({ timeout: 10_000 });
    const found = await cards.allTextContents();
    expect(found.length).toBeGreaterThan(0);
    for (const text of found) expect(text).toContain(requester);
    await shootBoth(page, 'secretary-needs-search');

    // The reload above forgot the words; a word nobody wrote finds nothing, and 清除搜索 brings the pool back.
    await shown(page, '.dy-search input').fill('没有人会这样写的需求');
    await shown(page, '.nut-button').filter({ hasText: '搜索' }).first().tap();
    await shown(page, '.dy-empty-state__title').filter({ hasText: '没有找到含「没有人会这样写的需求」的需求' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('secretary-needs-search-none') });
    await shown(page, '.nut-button').filter({ hasText: '清除搜索' }).tap();
    await shown(page, '.needs-pool__count').filter({ hasText: '共' }).waitFor({ timeout: 10_000 });
    expect(await cards.count()).toBe(before);
  });

  it('should take 「请按红字提示修改后再提交」 away once the fields are fixed', async () => {
    await open(page, 'secretary/create-order/index');
    await shown(page, '.create-order__actions .nut-button').tap();
    const banner = shown(page, '.create-order__form-error').filter({ hasText: BANNER });
    await banner.waitFor();
    await shown(page, '.field-error').first().waitFor();

    await shown(page, 'input[name="title"]').fill('楼道杂物清理');
    await expect(banner.count()).resolves.toBe(1); // 服务类别 and 服务地点 are still wrong
    await shown(page, '.create-order__select').tap();
    const confirm = shown(page, '.nut-picker-confirm-btn').first();
    await confirm.waitFor({ state: 'visible' });
    await page.waitForTimeout(600); // the wheel settles after the slide-up
    await confirm.tap();
    await shown(page, 'input[name="place"]').fill('幸福小区3栋');
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await shown(page, '.field-error').count()).toBe(0);
  });

  it('should ask before leaving the changed order form, and keep what was typed', async () => {
    await shown(page, '.page-shell__back').tap();
    const question = shown(page, '.taro-modal__content').filter({ hasText: '还没有提交' });
    await question.waitFor();
    await page.screenshot({ path: screenshotPath('secretary-create-order-leave-asks') });
    await shown(page, '.taro-model__cancel').first().click();
    await question.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/pages\/secretary\/create-order/);

    await shown(page, '.page-shell__back').tap();
    await shown(page, '.taro-model__confirm').first().click();
    await page.waitForURL((url) => !/create-order/.test(url.href), { timeout: 10_000 });

    await open(page, 'secretary/create-order/index');
    await shown(page, '.create-order__restored').waitFor({ timeout: 10_000 });
    await expect(shown(page, 'input[name="title"]').inputValue()).resolves.toBe('楼道杂物清理');
    await shootBoth(page, 'secretary-create-order-restored');
    await shown(page, '.create-order__restart').tap();
    await expect(shown(page, 'input[name="title"]').inputValue()).resolves.toBe('');
    await shown(page, '.create-order__restored').waitFor({ state: 'detached' });

    // Untouched, it leaves without asking.
    await shown(page, '.page-shell__back').tap();
    await page.waitForURL((url) => !/create-order/.test(url.href), { timeout: 10_000 });
    expect(await shown(page, '.taro-modal__content').count()).toBe(0);
  });

  it('should say 已开始, not 招募中, on the list and the detail once a recruiting order has started', async () => {
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const order = await callGateway<{ id: string }>('orders', 'create', {
      title, category: '环保绿化服务', place: '幸福小区3栋', capacity: 3, dispatch: 'open', acceptShortNotice: true,
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    }, token);
    orderId = order.id;

    // Published for the next hour, the order is a 临时通知 too: its status is the other tag.
    const tagOf = (at: Page) => shown(at, '.sec-order-card').filter({ hasText: title }).locator('.dy-status-tag').filter({ hasNotText: '临时通知' });
    await open(page, 'secretary/orders/index');
    await expect(tagOf(page).textContent({ timeout: 20_000 })).resolves.toBe('招募中');

    // The same order a quarter of an hour later, by the phone's clock.
    const later = await newPhone(browser);
    await later.clock.install({ time: startsAt.getTime() + 5 * 60_000 });
    const laterPage = await later.newPage();
    laterPage.on('pageerror', (error) => errors.push(error.message));
    await logInInBrowser(laterPage, SECRETARY, /pages\/secretary\/needs/);
    await open(laterPage, 'secretary/orders/index');
    await expect(tagOf(laterPage).textContent({ timeout: 20_000 })).resolves.toBe('已开始');
    await shootBoth(laterPage, 'secretary-orders');
    await shown(laterPage, '.sec-order-card').filter({ hasText: title }).tap();
    await laterPage.waitForURL(/pages\/secretary\/order-detail/);
    await expect(shown(laterPage, '.order-detail__card .dy-status-tag').filter({ hasNotText: '临时通知' }).textContent({ timeout: 20_000 })).resolves.toBe('已开始');
    await shootBoth(laterPage, 'secretary-order-detail');
    await later.close();
    expect(errors).toEqual([]);
  });

  it('should draw the 时长 pages of an order and of a record in both modes', async () => {
    const records = await callGateway<{ items: { id: string; orderId: string }[] }>(
      'records', 'listForCommunity', { page: { limit: 1, offset: 0 } }, token,
    );
    const record = records.items[0];
    expect(record).toBeDefined();
    await open(page, `secretary/hours-order/index?id=${record.orderId}`);
    await shown(page, '.member-hours').first().waitFor({ timeout: 20_000 });
    await shootBoth(page, 'secretary-hours-order');
    await open(page, `secretary/hours-record/index?id=${record.id}`);
    await shown(page, '.record-card').first().waitFor({ timeout: 20_000 });
    await shootBoth(page, 'secretary-hours-record');
    expect(errors).toEqual([]);
  });
});
