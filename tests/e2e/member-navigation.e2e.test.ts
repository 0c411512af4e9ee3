import type { Browser, Page } from 'playwright-core';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, screenshotPath, shown, phonePage } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234' };

interface Session { token: string }
interface Order { id: string; title: string; cancelDeadline: string }
interface Hours { records: { id: string; orderId: string }[] }
interface Disputes { items: { orderId: string; status: string }[] }

const MINUTE = 60_000;
/** An instant in Beijing time with its offset, as the functions take them. */
const beijingIso = (ms: number) => new Date(ms + 8 * 60 * MINUTE).toISOString().replace('Z', '+08:00');
const login = (account: { phone: string; password: string }) => callGateway<Session>('auth', 'login', account);

/** Taro's H5 router animates a page in; a screenshot waits for it to settle and for any toast to fade. */
async function shoot(page: Page, name: string) {
  // From the top, whichever element scrolls (the window, or the page Taro's router shows).
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const element of Array.from(document.querySelectorAll('.taro_page, .taro_router'))) element.scrollTop = 0;
  });
  await page.waitForTimeout(600);
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.taro__toast')).some((toast) => toast.checkVisibility({ opacityProperty: true })),
    undefined,
    { timeout: 5_000 },
  );
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

const back = (page: Page) => shown(page, '.page-shell__back');
const tab = (page: Page, text: RegExp) => shown(page, '.role-tab-bar__item').filter({ hasText: text });
const hallCards = (page: Page) => shown(page, '.order-hall .order-card');

describe('a member never stranded: 返回 on every page outside the tabs, deadlines against now, and the hall search', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let secretary: Session;
  let member: Session;
  let order: Order;
  let recordId = '';
  // A word nobody else's order has: the search must find this order by its description alone.
  const word = `书架${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
    [secretary, member] = await Promise.all([login(SECRETARY), login(MEMBER)]);
    // Starts in 30 minutes with the default cut-off of 120 minutes before the start: that cut-off passed an hour and a half ago.
    const now = Date.now();
    order = await callGateway<Order>('orders', 'create', {
      title: '整理社区图书角', category: '社区服务', description: `把旧书按类别上架，${word}贴好标签`, place: '幸福社区党群服务中心',
      startsAt: beijingIso(now + 30 * MINUTE), endsAt: beijingIso(now + 90 * MINUTE), capacity: 2, dispatch: 'open', acceptShortNotice: true,
    }, secretary.token);
    expect(new Date(order.cancelDeadline).getTime()).toBeLessThan(now);

    // A record of the member's on whose order no 申诉 is open, so that its page offers 申诉.
    const [hours, disputes] = await Promise.all([
      callGateway<Hours>('records', 'myHours', { page: { limit: 20, offset: 0 } }, member.token),
      callGateway<Disputes>('records', 'myDisputes', {}, member.token),
    ]);
    const disputed = new Set(disputes.items.filter((item) => item.status === 'open').map((item) => item.orderId));
    recordId = hours.records.find((record) => !disputed.has(record.orderId))?.id ?? '';
    expect(recordId).not.toBe('');
  });

  afterAll(async () => {
    // The order stays out of the shared hall for the suites after this one (its cut-off has passed, none could cancel it).
    await callGateway('orders', 'cancel', { orderId: order.id, reason: '浏览器测试结束' }, secretary.token).catch(() => undefined);
    await browser.close();
  });

  it('should narrow the hall to the order whose description has the searched word, and widen it again', async () => {
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    await hallCards(page).first().waitFor({ timeout: 20_000 });
    const before = await hallCards(page).count();
    expect(before).toBeGreaterThan(1);

    await shown(page, '.order-hall .dy-search input').fill(word);
    await page.waitForFunction(() => document.querySelectorAll('.order-hall .order-card').length === 1, undefined, { timeout: 10_000 });
    await hallCards(page).filter({ hasText: order.title }).waitFor();
    expect(await shown(page, '.order-hall .order-list__count').textContent()).toBe('找到 1 单');
    await shoot(page, 'member-nav-normal-hall-search');

    await shown(page, '.order-hall .dy-search input').fill(`${word}不存在`);
    await shown(page, '.dy-empty-state').getByText(`没有找到含「${word}不存在」的订单`).waitFor({ timeout: 10_000 });
    await shoot(page, 'member-nav-normal-hall-search-empty');
    await shown(page, '.nut-button').filter({ hasText: '清除搜索，看全部订单' }).tap();
    await page.waitForFunction((count) => document.querySelectorAll('.order-hall .order-card').length >= count, before, { timeout: 10_000 });
    expect(await shown(page, '.order-hall .dy-search input').inputValue()).toBe('');
  });

  it('should say in the accept dialog that the cut-off has passed, not that it can still be cancelled', async () => {
    await hallCards(page).filter({ hasText: order.title }).tap();
    await page.waitForURL(/pages\/member\/order-detail/);
    const detail = shown(page, '.member-order');
    await detail.waitFor({ timeout: 15_000 });
    await detail.getByText('（已过，如需取消请联系社区）', { exact: false }).waitFor();
    await shoot(page, 'member-nav-normal-order-detail');

    await shown(page, '.nut-button').filter({ hasText: /^接单$/ }).tap();
    const text = shown(page, '.nut-dialog .member-order__dialog-text');
    await text.waitFor({ timeout: 10_000 });
    expect(await text.textContent()).toContain('已过取消时限，接单后不能自行取消，如需取消请联系社区。');
    expect(await text.textContent()).not.toContain('前可以取消');
    await shoot(page, 'member-nav-normal-accept-dialog');
    await shown(page, '.nut-dialog .nut-button').filter({ hasText: '再想想' }).tap();
    await shown(page, '.nut-dialog').waitFor({ state: 'hidden' });
  });

  it('should offer 返回 on the order detail that goes back to the hall', async () => {
    await expect(back(page).textContent()).resolves.toBe('‹ 返回');
    await back(page).tap();
    await page.waitForURL(/pages\/member\/order-hall/);
    await hallCards(page).first().waitFor({ timeout: 15_000 });
  });

  it('should offer 返回 on a record and on its 申诉, each going back where it came from', async () => {
    await tab(page, /我的时长/).tap();
    await page.waitForURL(/pages\/member\/my-hours/);
    await shown(page, `.record-card[data-record-id="${recordId}"] .dy-card`).tap();
    await page.waitForURL(/pages\/member\/record-detail/);
    await shown(page, '.record-detail').waitFor({ timeout: 15_000 });
    await expect(back(page).textContent()).resolves.toBe('‹ 返回');
    await shoot(page, 'member-nav-normal-record-detail');

    await shown(page, '.record-detail__dispute').tap();
    await page.waitForURL(/pages\/member\/dispute/);
    await shown(page, '.dispute-page').waitFor({ timeout: 15_000 });
    await expect(back(page).textContent()).resolves.toBe('‹ 返回');
    await shoot(page, 'member-nav-normal-dispute');
    await back(page).tap();
    await page.waitForURL(/pages\/member\/record-detail/);
    await back(page).tap();
    await page.waitForURL(/pages\/member\/my-hours/);
    await shown(page, '.record-card').first().waitFor({ timeout: 15_000 });
  });

  it('should offer 返回 on 我的资料与隐私 that goes back to 我的', async () => {
    await tab(page, /我的/).last().tap();
    await page.waitForURL(/pages\/profile/);
    await shown(page, '.nut-cell').filter({ hasText: '我的资料与隐私' }).tap();
    await page.waitForURL(/pages\/member\/my-data/);
    await shown(page, '.my-data .dy-card').first().waitFor({ timeout: 15_000 });
    await expect(back(page).textContent()).resolves.toBe('‹ 返回');
    await shoot(page, 'member-nav-normal-my-data');
    await back(page).tap();
    await page.waitForURL(/pages\/profile/);
  });

  it('should offer 首页 on an order detail opened from a link, which goes to the hall', async () => {
    await page.goto(`${gatewayUrl()}#/pages/member/order-detail/index?id=${order.id}`);
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, '.member-order').waitFor({ timeout: 20_000 });
    await expect(back(page).textContent()).resolves.toBe('‹ 首页');
    await back(page).tap();
    await page.waitForURL(/pages\/member\/order-hall/);
    await hallCards(page).first().waitFor({ timeout: 15_000 });
  });

  it('should shoot every member page in 长辈模式 too, with the simpler words', async () => {
    await shoot(page, 'member-nav-normal-hall');
    await shown(page, '.elder-toggle').tap();
    await shown(page, '.elder-toggle--on').waitFor();
    await shoot(page, 'member-nav-elder-hall');

    await shown(page, '.order-hall .dy-search input').fill(word);
    await page.waitForFunction(() => document.querySelectorAll('.order-hall .order-card').length === 1, undefined, { timeout: 10_000 });
    await shoot(page, 'member-nav-elder-hall-search');
    await hallCards(page).filter({ hasText: order.title }).tap();
    await page.waitForURL(/pages\/member\/order-detail/);
    await shown(page, '.member-order').waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-elder-order-detail');
    await shown(page, '.nut-button').filter({ hasText: /^接单$/ }).tap();
    await shown(page, '.nut-dialog .member-order__dialog-text').getByText(/已过取消时限/).waitFor({ timeout: 10_000 });
    await shoot(page, 'member-nav-elder-accept-dialog');
    await shown(page, '.nut-dialog .nut-button').filter({ hasText: '再想想' }).tap();
    await shown(page, '.nut-dialog').waitFor({ state: 'hidden' });
    await back(page).tap();
    await page.waitForURL(/pages\/member\/order-hall/);

    await tab(page, /^任务$/).tap();
    await page.waitForURL(/pages\/member\/my-tasks/);
    await shown(page, '.my-tasks__tab').first().waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-elder-tasks');
    await tab(page, /签到码/).tap();
    await page.waitForURL(/pages\/member\/checkin-code/);
    await shown(page, '.checkin-code').getByText('没有网络也能用。截图不能用。').waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-elder-checkin-code');
    await tab(page, /^时长$/).tap();
    await page.waitForURL(/pages\/member\/my-hours/);
    await shown(page, `.record-card[data-record-id="${recordId}"] .dy-card`).tap();
    await page.waitForURL(/pages\/member\/record-detail/);
    await shown(page, '.record-detail').waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-elder-record-detail');
    await shown(page, '.record-detail__dispute').tap();
    await shown(page, '.dispute-page').waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-elder-dispute');
    await back(page).tap();
    await back(page).tap();
    await page.waitForURL(/pages\/member\/my-hours/);
    await shoot(page, 'member-nav-elder-hours');
    await tab(page, /我的/).last().tap();
    await shown(page, '.nut-cell').filter({ hasText: '我的资料与隐私' }).tap();
    await shown(page, '.my-data .dy-card').first().waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-elder-my-data');
    expect(errors).toEqual([]);
  });

  it('should shoot the tasks, the code and the hours in the normal mode', async () => {
    await back(page).tap();
    await page.waitForURL(/pages\/profile/);
    await tab(page, /接单/).tap();
    await page.waitForURL(/pages\/member\/order-hall/);
    await shown(page, '.elder-toggle--on').tap();
    await shown(page, '.elder-toggle--on').waitFor({ state: 'hidden' });
    await tab(page, /我的任务/).tap();
    await shown(page, '.my-tasks__tab').first().waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-normal-tasks');
    await tab(page, /签到码/).tap();
    await shown(page, '.checkin-code').getByText(/无网络也能使用/).waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-normal-checkin-code');
    await tab(page, /我的时长/).tap();
    await shown(page, '.record-card').first().waitFor({ timeout: 15_000 });
    await shoot(page, 'member-nav-normal-hours');
    expect(errors).toEqual([]);
  });
});
