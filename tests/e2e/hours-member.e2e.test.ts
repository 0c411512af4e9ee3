import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeCheckinCode, type DeviceSecret } from '@core/checkin/checkin-code';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, screenshotPath, shown, phonePage } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234', name: '党员张一' };
const RESIDENT = { phone: '19900002001', password: 'demo1234', name: '居民李一' };
const SECRETARY_NAME = '演示书记·幸福';
const OTHER_MEMBER = { phone: '19900001002', password: 'demo1234', name: '党员王一' };

interface Session { token: string; profile: { userId: string; name: string } }
interface Demand { id: string; order: { id: string; title: string; status: string } | null }
interface Dispute { id: string; orderId: string; status: string; resolution: string | null }
interface Order { id: string; title: string }

const login = (account: { phone: string; password: string }) => callGateway<Session>('auth', 'login', account);
const tapButton = (page: Page, text: string | RegExp) => shown(page, '.nut-button').filter({ hasText: text }).first().tap();
/** Taro's H5 router animates a page in; a screenshot waits for it to settle. */
const settle = (page: Page) => page.waitForTimeout(600);
const shoot = async (page: Page, name: string, fullPage = false) => {
  await settle(page);
  // A toast fades out over the page: the screenshot waits for it to go.
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.taro__toast')).some((toast) => toast.checkVisibility({ opacityProperty: true })),
    undefined,
    { timeout: 5_000 },
  );
  await page.screenshot({ path: screenshotPath(name), fullPage });
};
/** An instant in Beijing time with its offset, as the functions take them. */
const beijingIso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00');
const HOUR = 3600_000;

describe('a member’s hours: record detail, 申诉, 自评, the accept warning, and a resident scanning her home service', () => {
  let browser: Browser;
  const phones = {} as Record<'resident' | 'secretary' | 'member', { context: BrowserContext; page: Page }>;
  const errors: string[] = [];
  let secretary: Session;
  let member: Session;
  let resident: Session;
  let other: Session;
  const stamp = Date.now();
  const description = `厨房水龙头一直滴水，关不紧（时长测试${stamp}）`;
  let demandId = '';
  let orderId = '';
  let orderTitle = '';
  let device: DeviceSecret;

  beforeAll(async () => {
    browser = await launchChromium();
    for (const role of ['resident', 'secretary', 'member'] as const) {
      phones[role] = await phonePage(browser, errors, role);
    }
    [secretary, member, resident] = await Promise.all([login(SECRETARY), login(MEMBER), login(RESIDENT)]);
    const need = await callGateway<Demand>(
      'demands',
      'post',
      { category: '社区服务', subItem: '家电、水电维修', description, address: '幸福小区5栋302室', contactPhone: '13800138000' },
      resident.token,
    );
    demandId = need.id;
  });
  afterAll(async () => browser.close());

  it('should prefill a need’s order without the resident’s name and let the secretary choose a 现场负责人', async () => {
    const { page } = phones.secretary;
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await page.goto(`${gatewayUrl()}#/pages/secretary/create-order/index?demandId=${demandId}`, { waitUntil: 'networkidle' });
    const title = shown(page, 'input[name=title]');
    await title.waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => (document.querySelector('input[name=title]') as HTMLInputElement | null)?.value.includes('上门服务'));
    orderTitle = await title.inputValue();
    expect(orderTitle).toBe('家电、水电维修·上门服务');
    expect(orderTitle).not.toContain(RESIDENT.name);
    await shown(page, '.create-order__soon').tap();
    const picked = shown(page, '.member-picker__item').filter({ hasText: MEMBER.name });
    await picked.waitFor({ timeout: 20_000 });
    await picked.locator('.member-picker__name').tap();
    // The invited member is offered first as 现场负责人.
    const leaderChips = shown(page, '.create-order__leader .choice-chips__chip');
    expect(await leaderChips.nth(1).textContent()).toBe(MEMBER.name);
    await leaderChips.filter({ hasText: MEMBER.name }).tap();
    await shown(page, '.create-order__leader .choice-chips__chip--active').filter({ hasText: MEMBER.name }).waitFor();
    await shown(page, '.create-order__leader').scrollIntoViewIfNeeded();
    await shoot(page, 'hours-member-create-order-leader');
    await tapButton(page, '派单给 1 名党员');
    await page.waitForURL(/pages\/secretary\/order-detail/, { timeout: 20_000 });
    orderId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(orderId).toMatch(/^[0-9a-f-]{36}$/);

    const order = await callGateway<{ leaderName: string | null }>('orders', 'get', { orderId }, secretary.token);
    expect(order.leaderName).toBe(MEMBER.name);
    await callGateway('orders', 'accept', { orderId }, member.token);
    device = await callGateway<DeviceSecret>('checkin', 'issueDeviceSecret', {}, member.token);
  });

  it('should let the resident open the scanner for her home service, online only', async () => {
    const { page, context } = phones.resident;
    await logInInBrowser(page, RESIDENT, /pages\/resident\/my-needs/);
    await page.goto(`${gatewayUrl()}#/pages/resident/need-detail/index?id=${demandId}`, { waitUntil: 'networkidle' });
    const entry = shown(page, '.need-detail__scan');
    await entry.waitFor({ timeout: 20_000 });
    await shoot(page, 'hours-member-resident-scan-entry');
    // 长辈模式: larger words, simpler ones.
    await shown(page, '.elder-toggle').tap();
    await entry.getByText('党员到了，请扫一下他的码').waitFor();
    await shoot(page, 'hours-member-resident-scan-entry-elder');
    await shown(page, '.elder-toggle').tap();
    await entry.getByText('为上门的党员扫码签到').waitFor();
    await entry.locator('.nut-button').filter({ hasText: '扫码核验' }).tap();
    await page.waitForURL(/pages\/secretary\/scanner/);
    await shown(page, '.scanner__order-title').filter({ hasText: orderTitle }).waitFor({ timeout: 20_000 });
    // A resident is not given the secretary's tabs.
    expect(await shown(page, '.role-tab-bar').count()).toBe(0);
    await shown(page, '.scanner__online-only').waitFor();

    // Offline the scan is refused, not kept: nothing waits for upload.
    await context.setOffline(true);
    await shown(page, '.scanner__online-only--offline').waitFor({ timeout: 10_000 });
    await shown(page, '.scanner__manual-input input').fill(makeCheckinCode(device, new Date()));
    await shown(page, '.scanner__manual .nut-button').filter({ hasText: '提交' }).tap();
    await shown(page, '.scan-result__headline').filter({ hasText: '没有网络' }).waitFor({ timeout: 10_000 });
    expect(await shown(page, '.scanner__pending').count()).toBe(0);
    await shoot(page, 'hours-member-resident-scanner-offline');
    await context.setOffline(false);
    await shown(page, '.scanner__online-only--offline').waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('should check the member in from the resident’s phone', async () => {
    const { page } = phones.resident;
    await page.waitForTimeout(2_200); // the scanner rests after a verdict
    await shown(page, '.scanner__manual-input input').fill(makeCheckinCode(device, new Date()));
    await shown(page, '.scanner__manual .nut-button').filter({ hasText: '提交' }).tap();
    const verdict = shown(page, '.scan-result__headline').filter({ hasNotText: '没有网络' });
    await verdict.waitFor({ timeout: 15_000 });
    expect(await verdict.textContent()).toMatch(/签到成功/);
    await shown(page, '.scan-result__name').filter({ hasText: MEMBER.name }).waitFor();
    await shown(page, '.scanner__count-number').first().filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    await shoot(page, 'hours-member-resident-checked-in');

    // The secretary checks him out (the next step's code: fresh, and not the one just used). A home
    // service checked out by someone else than the resident waits for her confirmation.
    await callGateway(
      'checkin',
      'scan',
      { scanId: randomUUID(), orderId, code: makeCheckinCode(device, new Date(Date.now() + 30_000)), intent: 'out' },
      secretary.token,
    );
  });

  let recordId = '';
  it('should show the member the record waiting for the resident, with its verifier', async () => {
    const { page } = phones.member;
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    await shown(page, '.role-tab-bar__item').filter({ hasText: '我的时长' }).tap();
    await page.waitForURL(/pages\/member\/my-hours/);
    const card = shown(page, '.record-card').filter({ hasText: orderTitle }).first();
    await card.waitFor({ timeout: 20_000 });
    await card.getByText('待居民确认').waitFor();
    recordId = (await card.getAttribute('data-record-id')) ?? '';
    await card.tap();
    await page.waitForURL(/pages\/member\/record-detail/);
    const detail = shown(page, '.record-detail');
    await detail.waitFor({ timeout: 20_000 });
    await detail.locator('.dy-status-tag').filter({ hasText: '待居民确认' }).waitFor();
    await detail.locator('.dy-info-row').filter({ hasText: '核验人' }).getByText(SECRETARY_NAME).waitFor(); // who scanned the check-out
    await detail.getByText('扫码签到计时').waitFor();
    await shoot(page, 'hours-member-record-awaiting', true);
  });

  it('should let the resident confirm the service that waits for her (待您确认服务)', async () => {
    const { page } = phones.resident;
    await page.goto(`${gatewayUrl()}#/pages/resident/need-detail/index?id=${demandId}`, { waitUntil: 'networkidle' });
    await shown(page, '.need-detail__awaiting').filter({ hasText: '待您确认服务' }).waitFor({ timeout: 20_000 });
    await shown(page, '.need-detail__summary .dy-card__head').getByText('待您确认').waitFor();
    await shoot(page, 'hours-member-resident-awaiting');
    await shown(page, '.need-detail__rating').filter({ hasText: /^满意$/ }).tap();
    await tapButton(page, '确认服务已完成并提交评价');
    await shown(page, '.need-detail__rated .dy-card__title').filter({ hasText: '我的评价：满意' }).waitFor({ timeout: 15_000 });
    expect(await shown(page, '.need-detail__awaiting').count()).toBe(0);
  });

  it('should credit the record once confirmed and let the member raise a dispute with a reason', async () => {
    const { page } = phones.member;
    await page.reload({ waitUntil: 'networkidle' });
    const detail = shown(page, '.record-detail');
    await detail.locator('.dy-status-tag').filter({ hasText: '已计入' }).waitFor({ timeout: 20_000 });
    await detail.getByText('满意').first().waitFor(); // the resident's rating
    await tapButton(page, '对这条记录有疑问，申诉');
    await page.waitForURL(/pages\/member\/dispute/);
    await shown(page, '.dispute-page .dy-card__title').filter({ hasText: orderTitle }).waitFor({ timeout: 20_000 });

    // Without a reason the server's words show under the field, and nothing is sent twice.
    await tapButton(page, '提交申诉');
    const fieldError = shown(page, '.dispute-page .field-error');
    await fieldError.waitFor({ timeout: 10_000 });
    expect(await fieldError.textContent()).toMatch(/申诉理由/);
    await shoot(page, 'hours-member-dispute-refused');

    await shown(page, '.dispute-page textarea').fill('我 9:00 就到了，签到晚扫了一会儿，实际服务约两小时');
    await tapButton(page, '提交申诉');
    await shown(page, '.dispute-card').filter({ hasText: '待书记处理' }).waitFor({ timeout: 15_000 });
    await shown(page, '.dispute-page .dy-card--notice').waitFor();
    await shoot(page, 'hours-member-dispute-open', true);
  });

  it('should show the secretary’s decision on the record once the dispute is resolved', async () => {
    const open = await callGateway<{ items: Dispute[] }>('records', 'listDisputes', { status: 'open' }, secretary.token);
    const dispute = open.items.find((item) => item.orderId === orderId);
    expect(dispute).toBeDefined();
    await callGateway('records', 'resolveDispute', { disputeId: dispute!.id, decision: 'upheld', resolution: '已核实到场时间，签到时间按 9:00 更正' }, secretary.token);

    const { page } = phones.member;
    await page.goBack();
    await page.waitForURL(/pages\/member\/record-detail/);
    const decided = shown(page, '.record-detail .dispute-card').filter({ hasText: '申诉成立' });
    await decided.waitFor({ timeout: 20_000 });
    await decided.getByText('已核实到场时间，签到时间按 9:00 更正').waitFor();
    await shown(page, '.nut-button').filter({ hasText: '再次申诉' }).waitFor();
    await decided.scrollIntoViewIfNeeded();
    await shoot(page, 'hours-member-dispute-decided');
    const mine = await callGateway<{ items: Dispute[] }>('records', 'myDisputes', {}, member.token);
    expect(mine.items.find((item) => item.orderId === orderId)).toMatchObject({ status: 'upheld' });
  });

  it('should let the member write a 自评 (优/良/一般) once and show it afterwards', async () => {
    const { page } = phones.member;
    const form = shown(page, '.record-detail__self-form');
    await form.scrollIntoViewIfNeeded();
    await form.locator('.nut-button').filter({ hasText: '提交自评' }).tap();
    await form.locator('.field-error').filter({ hasText: '请选择优、良或一般' }).waitFor();
    await form.locator('.choice-chips__chip').filter({ hasText: /^良$/ }).tap();
    await form.locator('textarea').fill('修好了水龙头，顺便教阿姨怎么关总阀');
    await shoot(page, 'hours-member-self-evaluation-form');
    await form.locator('.nut-button').filter({ hasText: '提交自评' }).tap();
    const row = shown(page, '.record-detail .dy-info-row').filter({ hasText: '我的自评' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByText('良', { exact: true }).waitFor();
    await row.getByText('修好了水龙头，顺便教阿姨怎么关总阀').waitFor();
    expect(await shown(page, '.record-detail__self-form').count()).toBe(0);
    await shoot(page, 'hours-member-record-detail', true);

    const detail = await callGateway<{ record: { selfRating: string | null } }>('records', 'history', { recordId }, member.token);
    expect(detail.record.selfRating).toBe('good');
  });

  it('should show the member’s disputes on 我的时长 and link a finished task to its record', async () => {
    const { page } = phones.member;
    await page.goto(`${gatewayUrl()}#/pages/member/my-hours/index`, { waitUntil: 'networkidle' });
    await shown(page, '.my-disputes .dispute-card').filter({ hasText: orderTitle }).waitFor({ timeout: 20_000 });
    await shown(page, '.my-disputes').scrollIntoViewIfNeeded();
    await shoot(page, 'hours-member-my-disputes');

    await shown(page, '.role-tab-bar__item').filter({ hasText: '我的任务' }).tap();
    await page.waitForURL(/pages\/member\/my-tasks/);
    await shown(page, '.my-tasks__tab').filter({ hasText: '已完成' }).tap();
    const done = shown(page, '.my-tasks__done').filter({ hasText: orderTitle });
    await done.locator('.my-tasks__record-link').filter({ hasText: '查看服务记录与时长' }).waitFor({ timeout: 20_000 });
    await shoot(page, 'hours-member-tasks-done');
    await done.locator('.my-tasks__record-link').tap();
    await page.waitForURL(/pages\/member\/record-detail/);
    await shown(page, '.record-detail .dy-card__title').filter({ hasText: orderTitle }).waitFor({ timeout: 20_000 });
  });

  // The orders made below are sent to their members (directed): none stands open in the hall that other browser tests share.
  it('should let the member raise a dispute from a finished task that has no record (nobody scanned him)', async () => {
    other = await login(OTHER_MEMBER);
    const soon = Date.now() + 3 * 60_000;
    const unscanned = await callGateway<Order>(
      'orders',
      'create',
      {
        title: `助老陪护（未扫码${stamp}）`, category: '环保绿化服务', place: '幸福小区9栋', capacity: 3, dispatch: 'directed', acceptShortNotice: true,
        inviteeIds: [member.profile.userId, other.profile.userId], startsAt: beijingIso(soon), endsAt: beijingIso(soon + HOUR),
      },
      secretary.token,
    );
    // Another member is scanned in and out, the order is completed; this member was never scanned.
    await callGateway('orders', 'accept', { orderId: unscanned.id }, member.token);
    await callGateway('orders', 'accept', { orderId: unscanned.id }, other.token);
    const otherDevice = await callGateway<DeviceSecret>('checkin', 'issueDeviceSecret', {}, other.token);
    const scan = (code: string, intent: 'auto' | 'out') =>
      callGateway('checkin', 'scan', { scanId: randomUUID(), orderId: unscanned.id, code, intent }, secretary.token);
    await scan(makeCheckinCode(otherDevice, new Date()), 'auto');
    await scan(makeCheckinCode(otherDevice, new Date(Date.now() + 30_000)), 'out');
    await callGateway('orders', 'complete', { orderId: unscanned.id }, secretary.token);

    const { page } = phones.member;
    await page.goto(`${gatewayUrl()}#/pages/member/my-tasks/index`, { waitUntil: 'networkidle' });
    await shown(page, '.my-tasks__tab').filter({ hasText: '已完成' }).tap();
    const link = shown(page, '.my-tasks__done').filter({ hasText: unscanned.title }).locator('.my-tasks__record-link');
    await link.filter({ hasText: '没有计入时长？申诉' }).waitFor({ timeout: 20_000 });
    await link.tap();
    await page.waitForURL(/pages\/member\/dispute/);
    await shown(page, '.dispute-page .dy-card__title').filter({ hasText: unscanned.title }).waitFor({ timeout: 20_000 });
    await shown(page, '.dispute-page textarea').fill('我按时到了，书记忙没有给我扫码，请补录');
    await tapButton(page, '提交申诉');
    await shown(page, '.dispute-card').filter({ hasText: '待书记处理' }).waitFor({ timeout: 15_000 });
    await shoot(page, 'hours-member-dispute-no-record');
  });

  it('should give the member who leads an order a 扫码核验 entry that opens the scanner for that order', async () => {
    const soon = Date.now() + 10 * 60_000;
    const led = await callGateway<Order>(
      'orders',
      'create',
      {
        title: `统一活动日·楼道清理（负责人${stamp}）`, category: '环保绿化服务', place: '幸福小区7栋', capacity: 5, dispatch: 'directed', acceptShortNotice: true,
        // The leader is invited too: orders.get shows a directed order only to those it was sent to.
        inviteeIds: [other.profile.userId, member.profile.userId], startsAt: beijingIso(soon), endsAt: beijingIso(soon + HOUR), leaderMemberId: member.profile.userId,
      },
      secretary.token,
    );
    const { page } = phones.member;
    await page.goto(`${gatewayUrl()}#/pages/member/my-tasks/index`, { waitUntil: 'networkidle' });
    const entry = shown(page, `.my-tasks__verify-item[data-order-id="${led.id}"]`);
    await entry.waitFor({ timeout: 20_000 });
    await shoot(page, 'hours-member-leader-entry');
    await entry.tap();
    await page.waitForURL(/pages\/secretary\/scanner/);
    await shown(page, '.scanner__order-title').filter({ hasText: led.title }).waitFor({ timeout: 20_000 });
    expect(await shown(page, '.scanner__online-only').count()).toBe(0);

    // Another member who accepted is checked in by the leader's phone.
    await callGateway('orders', 'accept', { orderId: led.id }, other.token);
    const otherDevice = await callGateway<DeviceSecret>('checkin', 'issueDeviceSecret', {}, other.token);
    await shown(page, '.scanner__manual-input input').fill(makeCheckinCode(otherDevice, new Date()));
    await shown(page, '.scanner__manual .nut-button').filter({ hasText: '提交' }).tap();
    await shown(page, '.scan-result__headline').filter({ hasText: /签到成功/ }).waitFor({ timeout: 15_000 });
    await shown(page, '.scan-result__name').filter({ hasText: OTHER_MEMBER.name }).waitFor();
    await shoot(page, 'hours-member-leader-scanner');

    // The order detail offers the same entry to its leader.
    await page.goto(`${gatewayUrl()}#/pages/member/order-detail/index?id=${led.id}`, { waitUntil: 'networkidle' });
    await shown(page, '.member-order').getByText(MEMBER.name).waitFor({ timeout: 20_000 }); // 现场负责人
    await shown(page, '.nut-button').filter({ hasText: '扫码核验' }).waitFor();
  });

  it('should name the overlapping order and its times in the accept dialog', async () => {
    const day = new Date(Date.now() + 2 * 24 * HOUR);
    const at = (clock: string) => `${beijingIso(day.getTime()).slice(0, 10)}T${clock}:00+08:00`;
    const create = (title: string, from: string, to: string) =>
      callGateway<Order>(
        'orders',
        'create',
        { title, category: '环保绿化服务', place: '幸福小区', capacity: 5, dispatch: 'directed', acceptShortNotice: true, inviteeIds: [member.profile.userId], startsAt: at(from), endsAt: at(to) },
        secretary.token,
      );
    const first = await create(`助老送餐（重叠测试${stamp}）`, '10:00', '12:00');
    const second = await create(`社区义诊引导（重叠测试${stamp}）`, '11:00', '13:00');
    await callGateway('orders', 'accept', { orderId: first.id }, member.token);

    const { page } = phones.member;
    await page.goto(`${gatewayUrl()}#/pages/member/order-detail/index?id=${second.id}`, { waitUntil: 'networkidle' });
    await tapButton(page, /^接单$/);
    const dialog = shown(page, '.nut-dialog');
    const warning = dialog.locator('.member-order__dialog-clash').filter({ hasText: first.title });
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toBe(`与已接的「${first.title}」10:00–12:00 时间重叠，同一时间只能在一处服务`);
    await dialog.locator('.nut-button').filter({ hasText: '确认接单' }).waitFor();
    await shoot(page, 'hours-member-accept-clash');
    await dialog.locator('.nut-button').filter({ hasText: '再想想' }).tap();
    await warning.waitFor({ state: 'hidden' });
    for (const order of [first, second]) await callGateway('orders', 'cancel', { orderId: order.id, reason: '浏览器测试结束' }, secretary.token);
    expect(errors).toEqual([]);
  });
});
