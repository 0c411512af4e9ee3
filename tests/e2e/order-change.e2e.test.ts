import type { Page } from 'playwright-core';
import { DEMO, callGateway, gatewayUrl, logInInBrowser, phonePerTest, screenshotPath, shown, tapButton, waitForText } from './browser';

const setElderMode = (page: Page, on: boolean) =>
  page.evaluate((value) => localStorage.setItem('dyg.elderMode', JSON.stringify({ data: value })), on);

/** The page as it opened, in both modes (the page has no toggle of its own: 长辈模式 is remembered from another page). */
async function shootBoth(page: Page, name: string, ready: string) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  for (const elder of [true, false]) {
    await setElderMode(page, elder);
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, ready).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(600);
    if (elder) await page.screenshot({ path: screenshotPath(`${name}-elder`), fullPage: true });
  }
}

const daysAhead = (days: number, hour: number) => {
  const day = new Date(Date.now() + days * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
};

describe('调整时间地点: the secretary moves an activity, the members who accepted hear why', () => {
  const phone = phonePerTest();
  let secretaryToken = '';
  let orderId = '';
  const title = `楼道清理${Date.now().toString(36)}`;

  beforeAll(async () => {
    secretaryToken = (await callGateway<{ token: string }>('auth', 'login', DEMO.secretary)).token;
    const memberToken = (await callGateway<{ token: string }>('auth', 'login', DEMO.member)).token;
    const order = await callGateway<{ id: string }>('orders', 'create', {
      title, category: '社区服务', place: '幸福小区3栋楼下', startsAt: daysAhead(20, 9), endsAt: daysAhead(20, 11), capacity: 3, dispatch: 'open',
    }, secretaryToken);
    orderId = order.id;
    await callGateway('orders', 'accept', { orderId }, memberToken);
  });
  afterAll(async () => {
    if (orderId) await callGateway('orders', 'cancel', { orderId, reason: '浏览器测试结束，取消测试订单' }, secretaryToken).catch(() => undefined);
  });

  it('should ask for a reason, then move the place, show 活动已调整 on both sides and tell the member in 消息', async () => {
    const { page } = phone;
    await logInInBrowser(page, DEMO.secretary, /pages\/secretary/);
    await page.goto(`${gatewayUrl()}#/pages/secretary/order-detail/index?id=${orderId}`);
    await tapButton(page, '调整时间地点');
    await page.waitForURL(/secretary\/change-order/, { timeout: 20_000 });
    const place = shown(page, '.change-order input[name="place"]');
    await place.waitFor({ timeout: 20_000 });
    await shootBoth(page, 'secretary-change-order', '.change-order input[name="place"]');
    expect(await place.inputValue()).toBe('幸福小区3栋楼下');

    await place.fill('社区活动室二楼');
    await tapButton(page, '确认调整并通知');
    await shown(page, '.field-error').filter({ hasText: '请写明调整原因' }).waitFor();
    await shown(page, '.change-order textarea').fill('明天有雨，改到室内');
    await tapButton(page, '确认调整并通知');

    await page.waitForURL(/secretary\/order-detail/, { timeout: 20_000 });
    await waitForText(page, '活动已调整');
    await waitForText(page, '地点：幸福小区3栋楼下 改为 社区活动室二楼');
    await waitForText(page, '原因：明天有雨，改到室内');
    await page.waitForTimeout(1500); // the toast fades
    await page.screenshot({ path: screenshotPath('secretary-order-changed'), fullPage: true });

    const member = (await callGateway<{ token: string }>('auth', 'login', DEMO.member)).token;
    const seen = await callGateway<{ changes: { summary: string }[]; place: string }>('orders', 'get', { orderId }, member);
    expect(seen.place).toBe('社区活动室二楼');
    expect(seen.changes[0].summary).toBe('地点：幸福小区3栋楼下 改为 社区活动室二楼');
    const inbox = await callGateway<{ items: { title: string; body: string }[] }>('notify', 'inbox', {}, member);
    expect(inbox.items.find((item) => item.title === `活动调整：${title}`)?.body).toContain('明天有雨，改到室内');
    expect(phone.errors).toEqual([]);
  });
});
