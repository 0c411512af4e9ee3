import type { Browser, Page } from 'playwright-core';
import { DEMO, bothModes, callGateway, gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown, tapButton, toastGone, waitForText } from './browser';

interface Session { token: string }
interface Order { id: string; title: string; notice: { short: boolean } | null }
interface InboxPage { items: { id: string; title: string; body: string; read: boolean; page: string | null }[]; unread: number }

const HOUR = 3_600_000;
/** An instant in Beijing time with its offset, as the functions take them. */
const beijingIso = (ms: number) => new Date(ms + 8 * HOUR).toISOString().replace('Z', '+08:00');
const login = (account: { phone: string; password: string }) => callGateway<Session>('auth', 'login', account);
const unreadOf = async (token: string) => (await callGateway<{ unread: number }>('notify', 'unreadCount', {}, token)).unread;

const badge = (page: Page) => shown(page, '.role-tab-bar__badge');
const messages = (page: Page) => shown(page, '.inbox .inbox__item');

/** Opens a page by its address and waits until its frame has drawn and finished loading. */
async function open(page: Page, path: string) {
  await page.goto(`${gatewayUrl()}#/pages/${path}`);
  await shown(page, '.page-shell__body').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.page-shell__loading')).some((element) => element.checkVisibility()), undefined, { timeout: 20_000 });
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(600);
  await toastGone(page);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

describe('消息: the badge on 我的, reading a message, 消息设置, 发通知 and the 临时通知 tag (H5 build)', () => {
  let browser: Browser;
  let member: Page;
  let secretaryPage: Page;
  const errors: string[] = [];
  let secretary: Session;
  let memberSession: Session;
  let order: Order;
  // The hall lists the orders a member may still take: a second 临时通知 order that nobody takes.
  let spare: Order;
  // A title nobody else's order has, so the hall's search finds this order alone.
  const mark = Date.now().toString(36).slice(-5);
  const title = `清扫楼道${mark}`;

  beforeAll(async () => {
    [secretary, memberSession] = await Promise.all([login(DEMO.secretary), login(DEMO.member)]);
    // Two days ahead, well inside the district's five working days: published as 临时通知. The member takes it, which
    // leaves 接单成功 unread in their 消息.
    const starts = Date.now() + 48 * HOUR;
    order = await callGateway<Order>('orders', 'create', {
      title, category: '社区服务', description: '清理楼道杂物，张贴文明标语', place: '幸福小区5栋',
      startsAt: beijingIso(starts), endsAt: beijingIso(starts + HOUR), capacity: 3, dispatch: 'open', acceptShortNotice: true,
    }, secretary.token);
    expect(order.notice?.short).toBe(true);
    spare = await callGateway<Order>('orders', 'create', {
      title: `张贴标语${mark}`, category: '社区服务', description: '清理楼道杂物', place: '幸福小区6栋',
      startsAt: beijingIso(starts + 2 * HOUR), endsAt: beijingIso(starts + 3 * HOUR), capacity: 3, dispatch: 'open', acceptShortNotice: true,
    }, secretary.token);
    await callGateway('orders', 'accept', { orderId: order.id }, memberSession.token);
    browser = await launchChromium();
    ({ page: member } = await phonePage(browser, errors, 'member'));
    ({ page: secretaryPage } = await phonePage(browser, errors, 'secretary'));
  });

  afterAll(async () => {
    await callGateway('notify', 'setPreference', { kind: 'order_reminder', enabled: true }, memberSession.token).catch(() => undefined);
    for (const created of [order, spare]) {
      if (created) await callGateway('orders', 'cancel', { orderId: created.id, reason: '浏览器测试结束' }, secretary.token).catch(() => undefined);
    }
    await browser?.close();
  });

  it('should show the unread count on 我的, and one less after the member opens a message', async () => {
    await logInInBrowser(member, DEMO.member, /pages\/member\/order-hall/);
    const before = await unreadOf(memberSession.token);
    expect(before).toBeGreaterThan(0);
    await badge(member).waitFor({ timeout: 20_000 });
    expect(await badge(member).innerText()).toBe(String(before));

    await open(member, 'profile/index');
    const row = shown(member, '.profile__inbox .nut-cell');
    await row.getByText(`${before}条未读`).waitFor({ timeout: 20_000 });
    await bothModes(member, 'inbox-profile');
    await row.tap();
    await member.waitForURL(/pages\/inbox\/messages/, { timeout: 20_000 });
    await waitForText(member, `${before}条未读`);
    await bothModes(member, 'inbox-messages');

    // 接单成功 of the order just taken: a tap reads it and opens the order.
    const accepted = messages(member).filter({ hasText: `接单成功：${title}` }).first();
    await accepted.waitFor({ timeout: 20_000 });
    expect(await accepted.getAttribute('class')).toContain('inbox__item--unread');
    await accepted.tap();
    await member.waitForURL(/pages\/member\/order-detail/, { timeout: 20_000 });
    await shown(member, '.member-order').getByText(title).waitFor({ timeout: 20_000 });

    const after = await unreadOf(memberSession.token);
    expect(after).toBe(before - 1);
    await open(member, 'profile/index');
    if (after > 0) await member.waitForFunction((count) => Array.from(document.querySelectorAll('.role-tab-bar__badge')).some((el) => (el as HTMLElement).checkVisibility() && el.textContent === count), String(after), { timeout: 20_000 });
    else await badge(member).waitFor({ state: 'detached', timeout: 20_000 });
    const inbox = await callGateway<InboxPage>('notify', 'inbox', { limit: 50 }, memberSession.token);
    expect(inbox.items.find((item) => item.title === `接单成功：${title}`)?.read).toBe(true);
    expect(errors).toEqual([]);
  });

  it('should keep a kind turned off after a reload, and not let a required kind be turned off', async () => {
    await open(member, 'inbox/messages/index');
    await tapButton(member, '消息设置');
    await member.waitForURL(/pages\/inbox\/preferences/, { timeout: 20_000 });
    const reminder = shown(member, '.inbox-preferences__row[data-kind="order_reminder"]');
    await reminder.waitFor({ timeout: 20_000 });
    await reminder.getByText('服务开始前提醒').waitFor();
    await bothModes(member, 'inbox-preferences');

    await reminder.locator('.nut-switch').tap();
    await reminder.getByText('不接收').waitFor({ timeout: 10_000 });
    await waitForText(member, '已关闭「服务开始前提醒」');
    await member.reload();
    const reloaded = shown(member, '.inbox-preferences__row[data-kind="order_reminder"]');
    await reloaded.getByText('不接收').waitFor({ timeout: 20_000 });
    expect(await reloaded.locator('.nut-switch').getAttribute('class')).toContain('nut-switch-close');

    // 订单取消 is sent whatever the member says: shown on, locked, with the reason.
    const cancelled = shown(member, '.inbox-preferences__row--required[data-kind="order_cancelled"]');
    await cancelled.getByText('一定接收').waitFor();
    await waitForText(member, '按规定必须接收，不能关闭');
    await cancelled.locator('.nut-switch').tap();
    await member.waitForTimeout(500);
    expect(await cancelled.locator('.nut-switch').getAttribute('class')).not.toContain('nut-switch-close');
    const saved = await callGateway<{ items: { kind: string; enabled: boolean }[] }>('notify', 'preferences', {}, memberSession.token);
    expect(saved.items.find((item) => item.kind === 'order_reminder')?.enabled).toBe(false);
    expect(saved.items.find((item) => item.kind === 'order_cancelled')?.enabled).toBe(true);

    await reloaded.locator('.nut-switch').tap();
    await reloaded.getByText('接收', { exact: true }).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });

  it('should tag the short-notice order 临时通知 in the member’s hall and detail and the secretary’s list and detail', async () => {
    await open(member, 'member/order-hall/index');
    await shown(member, '.order-hall .dy-search input').fill(spare.title);
    const card = shown(member, '.order-hall .order-card').filter({ hasText: spare.title });
    await card.waitFor({ timeout: 20_000 });
    await card.getByText('临时通知').waitFor();
    await shoot(member, 'inbox-short-notice-hall');
    await card.tap();
    await member.waitForURL(/pages\/member\/order-detail/, { timeout: 20_000 });
    await shown(member, '.member-order .dy-card').first().getByText('临时通知').waitFor({ timeout: 20_000 });

    await logInInBrowser(secretaryPage, DEMO.secretary, /pages\/secretary/);
    await open(secretaryPage, 'secretary/orders/index');
    const secretaryCard = shown(secretaryPage, '.sec-order-card').filter({ hasText: title });
    await secretaryCard.waitFor({ timeout: 20_000 });
    await secretaryCard.getByText('临时通知').waitFor();
    await secretaryCard.tap();
    await secretaryPage.waitForURL(/pages\/secretary\/order-detail/, { timeout: 20_000 });
    await shown(secretaryPage, '.order-detail__card').getByText('临时通知').waitFor({ timeout: 20_000 });
    await shoot(secretaryPage, 'inbox-short-notice-secretary-detail');
    expect(errors).toEqual([]);
  });

  it('should let the secretary 发通知 to the order’s members, and the member read it in 消息', async () => {
    // On the secretary's order detail from the test before.
    await tapButton(secretaryPage, '发通知给接单的 1 位党员');
    const dialog = shown(secretaryPage, '.nut-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.locator('.nut-button').filter({ hasText: '发送' }).tap();
    await dialog.getByText('请填写通知内容').waitFor({ timeout: 10_000 });
    const text = `明早8点半在5栋楼下集合，带好手套（${title}）`;
    await dialog.locator('textarea').fill(text);
    await shoot(secretaryPage, 'inbox-broadcast-dialog');
    await dialog.locator('.nut-button').filter({ hasText: '发送' }).tap();
    await waitForText(secretaryPage, '已通知 1 人');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });

    const before = await unreadOf(memberSession.token);
    await open(member, 'inbox/messages/index');
    const notice = messages(member).filter({ hasText: text }).first();
    await notice.waitFor({ timeout: 20_000 });
    await notice.getByText(`社区通知：${title}`).waitFor();
    await notice.getByText('未读').waitFor();
    await shoot(member, 'inbox-broadcast-received');

    await tapButton(member, '全部已读');
    await waitForText(member, '全部已读');
    await member.waitForFunction(() => document.querySelectorAll('.inbox__item--unread').length === 0, undefined, { timeout: 10_000 });
    expect(before).toBeGreaterThan(0);
    expect(await unreadOf(memberSession.token)).toBe(0);
    await open(member, 'profile/index');
    await shown(member, '.profile__inbox').getByText('社区的通知和提醒').waitFor({ timeout: 20_000 });
    expect(await badge(member).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('should let the secretary 发通知 to a team’s members from the team page', async () => {
    await open(secretaryPage, 'secretary/teams/index');
    await shown(secretaryPage, '.teams__card').filter({ hasText: '红色先锋服务队' }).first().tap();
    await secretaryPage.waitForURL(/pages\/secretary\/team\/index/, { timeout: 20_000 });
    await tapButton(secretaryPage, '发通知给全体队员');
    const dialog = shown(secretaryPage, '.nut-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByText('红色先锋服务队的', { exact: false }).waitFor();
    await dialog.locator('textarea').fill(`本周六上午服务队集中学习，地点党群服务中心（${mark}）`);
    await dialog.locator('.nut-button').filter({ hasText: '发送' }).tap();
    await secretaryPage.waitForFunction(() => /已通知 \d+ 人/.test(document.body.innerText), undefined, { timeout: 20_000 });
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    expect(errors).toEqual([]);
  });
});
