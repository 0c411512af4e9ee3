import type { Browser, Locator, Page } from 'playwright-core';
import { callGateway, DEMO, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown, tapButton } from './browser';

// 活动日历 (本周 / 下周 / 本月) as a member and a resident of 幸福社区 see it, with 报名; and the 预约预告 warning on the
// secretary's create form: the working days counted, refused at 开始时间 without 临时通知, published and marked with it.
const SECOND_MEMBER = { phone: '19900001002', password: 'demo1234' };
const DAY = 24 * 3_600_000;
const BEIJING = 8 * 3_600_000;

type Session = { token: string };
type Order = { id: string; title: string; notice: { workingDays: number; required: number; short: boolean } | null };
type Entry = { id: string; title: string; myStatus: string | null; placesLeft: number; signUp: { allowed: boolean; reason: string | null } | null };
type Calendar = { viewer: string; days: { date: string; items: Entry[] }[] };
type Notice = { workingDays: number; required: number; short: boolean; earliestDateLabel: string; holidays: string[] };

const login = (account: { phone: string; password: string }) => callGateway<Session>('auth', 'login', account);
const route = (path: string) => `${gatewayUrl()}#/pages/${path}`;

/** The Beijing date of next week's day (0 = Monday … 6 = Sunday). */
function nextWeekDay(weekday: number): string {
  const today = new Date(Date.now() + BEIJING);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  return new Date(today.getTime() + (7 - sinceMonday + weekday) * DAY).toISOString().slice(0, 10);
}
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

async function openCalendar(page: Page) {
  await page.goto(route('activities/calendar/index'), { waitUntil: 'networkidle' });
  await shown(page, '.activity-calendar').waitFor({ timeout: 20_000 });
}

/** Taps a range chip and waits until the page has loaded it. */
async function pickRange(page: Page, text: '本周' | '下周' | '本月') {
  await shown(page, '.activity-calendar').getByText(text, { exact: true }).tap();
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.page-shell__loading')).some((element) => element.checkVisibility()));
  await shown(page, '.activity-calendar').waitFor({ timeout: 20_000 });
}

/** The card titled so (another card may name it too: 「与「…」时间重叠」 once the member has taken it). */
const cardOf = (page: Page, title: string): Locator =>
  shown(page, '.activity-calendar .dy-card').filter({ has: page.locator('.dy-card__title', { hasText: title }) });

const setElderMode = (page: Page, on: boolean) =>
  page.evaluate((value) => localStorage.setItem('dyg.elderMode', JSON.stringify({ data: value })), on);

/** The calendar on `range`, in normal mode and in 长辈模式, for a person to look at. */
async function shootCalendar(page: Page, name: string, range: '本周' | '下周' | '本月', focus?: string) {
  for (const elder of [false, true]) {
    await setElderMode(page, elder);
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, elder ? '.page-shell--elder' : '.activity-calendar').first().waitFor({ timeout: 20_000 });
    await pickRange(page, range);
    if (focus) await cardOf(page, focus).scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath(elder ? `${name}-elder` : name), fullPage: true });
  }
  await setElderMode(page, false);
  await page.reload({ waitUntil: 'networkidle' });
  await shown(page, '.activity-calendar').waitFor({ timeout: 20_000 });
  await pickRange(page, range);
}

/** Whether anything in the card is wider than the card (a long title that runs off the phone). */
const overflows = (card: Locator) =>
  card.evaluate((element) => Array.from(element.querySelectorAll('*')).some((child) => child.getBoundingClientRect().right > element.getBoundingClientRect().right + 1));

describe('活动日历 with 报名, and 预约预告 at publishing', () => {
  let browser: Browser;
  const errors: string[] = [];
  let secretary: Session;
  let member: Session;
  const orderIds: string[] = [];
  const tag = Date.now().toString(36).slice(-4);
  const titles = {
    open: `重阳敬老院陪伴${tag}`,
    full: `社区图书角整理${tag}`,
    long: `“我为群众办实事”主题党日：幸福小区3栋至6栋楼道杂物清理和消防通道检查${tag}`,
  };

  beforeAll(async () => {
    browser = await launchChromium();
    [secretary, member] = await Promise.all([login(DEMO.secretary), login(DEMO.member)]);
    const create = async (title: string, date: string, time: string, capacity: number) => {
      const order = await callGateway<Order>('orders', 'create', {
        title, category: '社区服务', place: '幸福社区党群服务中心', startsAt: at(date, time), endsAt: at(date, time.replace(/^(\d\d)/, (h) => String(Number(h) + 2).padStart(2, '0'))),
        capacity, dispatch: 'open', acceptShortNotice: true,
      }, secretary.token);
      orderIds.push(order.id);
      return order;
    };
    await create(titles.open, nextWeekDay(2), '09:00', 2);
    const full = await create(titles.full, nextWeekDay(3), '14:00', 1);
    await create(titles.long, nextWeekDay(4), '09:00', 3);
    // Another member of 幸福社区 takes the only place.
    await callGateway('orders', 'accept', { orderId: full.id }, (await login(SECOND_MEMBER)).token);
  });

  afterAll(async () => {
    for (const orderId of orderIds) await callGateway('orders', 'cancel', { orderId, reason: '浏览器测试结束，取消测试活动' }, secretary.token).catch(() => undefined);
    await browser?.close();
  });

  it('should show a member this week, next week and the month, take 报名 and say 已报名, and refuse a full one', async () => {
    const { page } = await phonePage(browser, errors, 'member');
    await logInInBrowser(page, DEMO.member, /pages\/member\/order-hall/);
    await openCalendar(page);
    // 本周 opens first: its days, or that nothing is published.
    await page.waitForFunction(() => document.querySelectorAll('.activity-calendar__day').length > 0 || document.body.innerText.includes('这段时间还没有发布活动'));
    // What is over reads 已结束, not the accept rules' refusal.
    await expect(shown(page, '.activity-calendar').textContent()).resolves.not.toMatch(/不能再操作|不能再接单/);
    await page.screenshot({ path: screenshotPath('calendar-member-this-week'), fullPage: true });

    await pickRange(page, '下周');
    const open = cardOf(page, titles.open);
    await open.waitFor({ timeout: 20_000 });
    await expect(open.textContent()).resolves.toContain('还剩 2 人（共 2 人）');
    await expect(open.textContent()).resolves.toContain('09:00–11:00');
    // The full one says why, and offers no 报名.
    const full = cardOf(page, titles.full);
    await expect(full.textContent()).resolves.toContain('已报满（共 1 人）');
    await expect(full.textContent()).resolves.not.toContain('名额已满'); // said once, on the 名额 line
    expect(await full.locator('.nut-button').count()).toBe(0);
    // A long title wraps inside its card.
    const long = cardOf(page, titles.long);
    await expect(long.locator('.dy-card__title').textContent()).resolves.toBe(titles.long);
    await expect(overflows(long)).resolves.toBe(false);
    // Each day is headed with its date and weekday.
    await expect(shown(page, '.activity-calendar__day-title').first().textContent()).resolves.toMatch(/^\d{1,2}月\d{1,2}日 周[一二三四五六日]/);
    await shootCalendar(page, 'calendar-member-next-week', '下周', titles.full);

    await open.locator('.nut-button').filter({ hasText: '报名' }).tap();
    await open.locator('.dy-status-tag').filter({ hasText: '已报名' }).waitFor({ timeout: 20_000 });
    await expect(open.textContent()).resolves.toContain('还剩 1 人（共 2 人）');
    expect(await open.locator('.nut-button').count()).toBe(0);
    const view = await callGateway<Calendar>('orders', 'calendar', { range: 'next_week' }, member.token);
    expect(view.days.flatMap((day) => day.items).find((item) => item.title === titles.open)).toMatchObject({ myStatus: 'accepted', placesLeft: 1 });
    await shootCalendar(page, 'calendar-member-signed-up', '下周', titles.open);

    await pickRange(page, '本月');
    await page.waitForFunction(() => document.querySelectorAll('.activity-calendar__day').length > 0 || document.body.innerText.includes('这段时间还没有发布活动'));
    await page.screenshot({ path: screenshotPath('calendar-member-this-month'), fullPage: true });
    await page.context().close();
    expect(errors).toEqual([]);
  });

  it('should show a resident the activities without places or 报名, and welcome them', async () => {
    const { page } = await phonePage(browser, errors, 'resident');
    await logInInBrowser(page, DEMO.resident, /pages\/resident/);
    await openCalendar(page);
    await pickRange(page, '下周');
    const open = cardOf(page, titles.open);
    await open.waitFor({ timeout: 20_000 });
    await expect(open.textContent()).resolves.toContain('欢迎居民到场参加');
    await expect(open.textContent()).resolves.toContain('党员义工 2 人');
    await expect(open.textContent()).resolves.not.toContain('还剩');
    expect(await shown(page, '.activity-calendar .nut-button').filter({ hasText: '报名' }).count()).toBe(0);
    await shootCalendar(page, 'calendar-resident-next-week', '下周');
    await page.context().close();
    expect(errors).toEqual([]);
  });

  it('should warn the secretary with the working days counted, refuse at 开始时间 without 临时通知, and publish it marked with it', async () => {
    const { page } = await phonePage(browser, errors, 'secretary');
    await logInInBrowser(page, DEMO.secretary, /pages\/secretary\/needs/);
    await page.goto(route('secretary/create-order/index'), { waitUntil: 'networkidle' });
    await shown(page, '.create-order').waitFor({ timeout: 20_000 });
    // The form opens on tomorrow 09:00: short of the district's five working days.
    const date = await shown(page, '.service-time__box--date').textContent();
    const expected = await callGateway<Notice>('orders', 'publishingNotice', { startsAt: at(date!.trim(), '09:00') }, secretary.token);
    expect(expected).toMatchObject({ short: true, required: 5 });
    const warning = shown(page, '.short-notice-warning__text').first();
    await warning.waitFor({ timeout: 20_000 });
    const holidays = expected.holidays.length > 0 ? `（中间有${expected.holidays.join('、')}假期）` : '';
    await expect(warning.textContent()).resolves.toBe(
      `距开始只有${expected.workingDays}个工作日${holidays}，按规定活动须提前5个工作日发布，最早可安排在${expected.earliestDateLabel}`,
    );

    const title = `临时楼道清理${tag}`;
    await shown(page, 'input[name="title"]').fill(title);
    await shown(page, '.create-order__select').tap();
    const confirm = shown(page, '.nut-picker-confirm-btn').first();
    await confirm.waitFor({ state: 'visible' });
    await page.waitForTimeout(600); // the wheel settles after the slide-up
    await confirm.tap();
    await shown(page, 'input[name="place"]').fill('幸福小区3栋');
    await confirm.waitFor({ state: 'hidden' });
    await warning.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('create-order-short-notice'), fullPage: true });

    await tapButton(page, '发布订单');
    const atStart = shown(page, '.form-row--invalid').filter({ hasText: '服务时间' }).locator('.field-error');
    await atStart.waitFor({ timeout: 20_000 });
    await expect(atStart.textContent()).resolves.toBe(`开始时间距今不足5个工作日，最早可安排在${expected.earliestDateLabel}`);
    expect(page.url()).toMatch(/create-order/);
    await atStart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('create-order-short-notice-refused'), fullPage: true });

    await shown(page, '.short-notice-warning__ack').tap();
    await tapButton(page, '发布订单');
    await page.waitForURL(/pages\/secretary\/order-detail/, { timeout: 20_000 });
    const orderId = decodeURIComponent(new URL(page.url().replace('#', '')).searchParams.get('id') ?? '');
    orderIds.push(orderId);
    const order = await callGateway<Order>('orders', 'get', { orderId }, secretary.token);
    expect(order).toMatchObject({ title, notice: { required: 5, short: true } });
    await page.context().close();
    expect(errors).toEqual([]);
  });
});
