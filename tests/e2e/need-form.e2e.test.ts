import type { Browser, Page } from 'playwright-core';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, newPhone, screenshotPath, shown, phonePage } from './browser';

const RESIDENT = { phone: '19900002001', password: 'demo1234' };
const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234' };
/** 幸福社区's service phone in the demo data. */
const COMMUNITY_PHONE = '0750-5550101';

const tab = (page: Page, text: string) => shown(page, '.role-tab-bar__item').filter({ hasText: text }).tap();
const kindChip = (page: Page, name: string) => shown(page, '.post-need__kinds .choice-chips__chip').filter({ hasText: name });
const banner = (page: Page) => shown(page, '.post-need .dy-form-banner');

async function toggleElder(page: Page, on: boolean) {
  const toggle = shown(page, '.elder-toggle').first();
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.tap();
  await shown(page, `.elder-toggle[aria-checked="${on}"]`).first().waitFor();
}

/** From the top of the page: Taro's H5 page scrolls itself, not the document. */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => {
    document.scrollingElement?.scrollTo(0, 0);
    document.querySelectorAll('.taro_page, .page-shell__body').forEach((element) => element.scrollTo(0, 0));
  });
  await page.waitForTimeout(200);
  await page.screenshot({ path: screenshotPath(name) });
}

async function shootBothModes(page: Page, name: string, ready: () => Promise<unknown>) {
  await ready();
  await shoot(page, name);
  await toggleElder(page, true);
  await ready();
  await shoot(page, `${name}-elder`);
  await toggleElder(page, false);
}

const session = (account: { phone: string; password: string }) =>
  callGateway<{ token: string; profile: { userId: string } }>('auth', 'login', account);

describe('the need form that helps a resident', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  // Base 36: a run of digits would read as a phone number to the privacy test that sees this need.
  const description = `帮我买降压药，药盒在门口（测试${Date.now().toString(36)}）`;
  let demandId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
  });
  afterAll(async () => browser.close());

  it('should start with the account’s phone and address, and offer plain kinds', async () => {
    await logInInBrowser(page, RESIDENT, /pages\/resident\/my-needs/);
    await tab(page, '我要点单');
    await page.waitForURL(/pages\/resident\/post-need/);
    await kindChip(page, '买药代购').waitFor();
    for (const name of ['买菜送餐', '上门维修', '陪同就医', '教用手机', '打扫卫生', '聊天陪伴', '代办事务', '其他']) await kindChip(page, name).waitFor();
    // The volunteer catalogue stays behind the scenes.
    expect(await shown(page, '.post-need').getByText('红丝带（防治艾滋病）').count()).toBe(0);

    const phone = shown(page, 'input[name=contactPhone]');
    await page.waitForFunction(() => (document.querySelector('input[name=contactPhone]') as HTMLInputElement | null)?.value !== '');
    // From the resident's last need, or her account and registered address (another suite may have posted one first).
    const defaults = await callGateway<{ contactPhone: string; address: string }>('demands', 'formDefaults', {}, (await session(RESIDENT)).token);
    expect(defaults.contactPhone).toMatch(/^1[3-9]\d{9}$/);
    expect(defaults.address).not.toBe('');
    expect(await phone.inputValue()).toBe(defaults.contactPhone);
    expect(await shown(page, 'input[name=address]').inputValue()).toBe(defaults.address);
  });

  it('should name the field in its label’s words, and drop the banner once the field is fixed', async () => {
    await shown(page, '.nut-button').filter({ hasText: '提交需求' }).tap();
    await shown(page, '.post-need').getByText('请选择需要帮什么忙').waitFor();
    await banner(page).filter({ hasText: '请按红字提示修改后再提交' }).waitFor();

    await kindChip(page, '其他').tap();
    await shown(page, '.post-need').getByText('请填写具体说说').waitFor();
    await banner(page).waitFor();
    await kindChip(page, '买药代购').tap();
    // 买药代购 says what it is: nothing else is wrong now, so no error and no banner are left.
    await page.waitForFunction(() => !Array.from(document.querySelectorAll('.post-need .dy-form-banner')).some((element) => element.checkVisibility()));
    expect(await shown(page, '.field-error').count()).toBe(0);
  });

  it('should type no smaller than its placeholder in the big box, in both modes', async () => {
    const measure = () =>
      shown(page, '.post-need textarea').evaluate((element) => ({
        text: Number.parseFloat(getComputedStyle(element).fontSize),
        placeholder: Number.parseFloat(getComputedStyle(element, '::placeholder').fontSize),
        height: element.getBoundingClientRect().height,
      }));
    const normal = await measure();
    expect(normal.text).toBeGreaterThanOrEqual(normal.placeholder);
    expect(normal.text).toBeGreaterThanOrEqual(16);
    expect(normal.height).toBeGreaterThanOrEqual(100);
    await toggleElder(page, true);
    const elder = await measure();
    await toggleElder(page, false);
    expect(elder.text).toBeGreaterThanOrEqual(elder.placeholder);
    expect(elder.text).toBeGreaterThanOrEqual(20);
  });

  it('should keep a half-filled form through a reload and a tab switch, and ask before leaving it', async () => {
    await shown(page, '.post-need textarea').fill(description);
    await shown(page, '.post-need .choice-chips__chip').filter({ hasText: '明天' }).tap();
    await shown(page, '.post-need .choice-chips__chip').filter({ hasText: '上午' }).tap();
    await shootBothModes(page, 'need-form-post-need', () => kindChip(page, '买药代购').waitFor());

    // The browser asks before the page goes (beforeunload); the resident says yes and reloads.
    const asked: string[] = [];
    const onDialog = (dialog: import('playwright-core').Dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    };
    page.on('dialog', onDialog);
    await page.reload({ waitUntil: 'networkidle' });
    page.off('dialog', onDialog);
    expect(asked).toEqual(['beforeunload']);

    await shown(page, '.dy-draft-notice').waitFor({ timeout: 20_000 });
    await expect(shown(page, '.post-need textarea').inputValue()).resolves.toBe(description);
    await shown(page, '.post-need .choice-chips__chip--active').filter({ hasText: '买药代购' }).waitFor();
    await shown(page, '.post-need .choice-chips__chip--active').filter({ hasText: '明天' }).waitFor();
    await shown(page, '.post-need .choice-chips__chip--active').filter({ hasText: '上午' }).waitFor();

    // The tab bar asks too: 继续填写 stays, 离开 goes; the draft is there on coming back.
    await tab(page, '我的需求');
    await shown(page, '.taro-modal__content').filter({ hasText: '还没有提交' }).waitFor();
    await page.waitForTimeout(400); // the dialog's fade-in
    await page.screenshot({ path: screenshotPath('need-form-leave-asks') });
    await shown(page, '.taro-model__cancel').first().click();
    expect(page.url()).toMatch(/pages\/resident\/post-need/);
    await tab(page, '我的需求');
    await shown(page, '.taro-model__confirm').first().click();
    await page.waitForURL(/pages\/resident\/my-needs/);
    await tab(page, '我要点单');
    await page.waitForURL(/pages\/resident\/post-need/);
    await expect(shown(page, '.post-need textarea').inputValue()).resolves.toBe(description);
  });

  it('should post the plain kind, clear the draft, and file it under the official category for the secretary', async () => {
    await shown(page, '.nut-button').filter({ hasText: '提交需求' }).tap();
    await page.waitForURL(/pages\/resident\/my-needs/, { timeout: 20_000 });
    const card = shown(page, '.need-card').filter({ hasText: description });
    await card.waitFor({ timeout: 15_000 });
    await card.getByText('买药代购').waitFor();
    await card.locator('.dy-status-tag').filter({ hasText: '待受理' }).waitFor();

    await tab(page, '我要点单');
    await page.waitForURL(/pages\/resident\/post-need/);
    await kindChip(page, '买药代购').waitFor();
    expect(await shown(page, '.dy-draft-notice').count()).toBe(0);
    expect(await shown(page, '.post-need textarea').inputValue()).toBe('');
    expect(await shown(page, '.post-need .choice-chips__chip--active').filter({ hasText: '买药代购' }).count()).toBe(0);

    const secretary = await newPhone(browser);
    const pool = await secretary.newPage();
    await logInInBrowser(pool, SECRETARY, /pages\/secretary/);
    await pool.goto(`${gatewayUrl()}#/pages/secretary/needs/index`, { waitUntil: 'networkidle' });
    const entry = shown(pool, '.pool-card').filter({ hasText: description });
    await entry.waitFor({ timeout: 20_000 });
    // The secretary reads both: what the resident picked, and the catalogue item it is filed under.
    await entry.getByText('买药代购').first().waitFor();
    await entry.getByText('爱心扶助 · 敬老助残').first().waitFor();
    await pool.screenshot({ path: screenshotPath('need-form-secretary-pool') });

    // 代居民登记 offers the same plain kinds first, and its banner also goes once the fields are fixed.
    await pool.goto(`${gatewayUrl()}#/pages/secretary/record-need/index`, { waitUntil: 'networkidle' });
    await shown(pool, '.nut-button').filter({ hasText: '登记到需求池' }).tap();
    const recordBanner = shown(pool, '.dy-form-banner').filter({ hasText: '请按红字提示修改后再提交' });
    await recordBanner.waitFor();
    await shown(pool, '.create-order').getByText('请选择服务类别').waitFor();
    await shown(pool, '.create-order__chip').filter({ hasText: '聊天陪伴' }).tap();
    await shown(pool, '.create-order').getByText('归入：爱心扶助 · 探访谈心').first().waitFor();
    await shown(pool, 'input[name=requesterName]').fill('王大爷');
    await shown(pool, 'input[name=contactPhone]').fill('13800138000');
    await shown(pool, 'input[name=address]').fill('幸福小区1栋101');
    await recordBanner.waitFor({ state: 'detached' });
    expect(await shown(pool, '.create-order .field-error').count()).toBe(0);
    await pool.screenshot({ path: screenshotPath('need-form-record-need') });
    await secretary.close();
  });

  it('should tell the resident who will come and give the community’s phone to call', async () => {
    const secretary = await session(SECRETARY);
    const member = await session(MEMBER);
    const resident = await session(RESIDENT);
    const mine = await callGateway<{ items: { id: string; description: string }[] }>('demands', 'listMine', {}, resident.token);
    demandId = mine.items.find((item) => item.description === description)!.id;
    // Directed and days ahead: it stays out of the hall and out of the way of the other suites.
    const startsAt = new Date(Date.now() + 5 * 24 * 3600_000);
    const order = await callGateway<{ id: string }>('orders', 'create', {
      demandId, title: '敬老助残·上门服务', category: '爱心扶助', startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), capacity: 1, dispatch: 'directed', inviteeIds: [member.profile.userId],
    }, secretary.token);
    await callGateway('orders', 'accept', { orderId: order.id }, member.token);

    try {
      await page.goto(`${gatewayUrl()}#/pages/resident/need-detail/index?id=${demandId}`, { waitUntil: 'networkidle' });
      const who = shown(page, '.need-detail__who');
      await who.getByText('来帮您的党员：党员张一').waitFor({ timeout: 20_000 });
      const call = who.locator('a.dy-call-button');
      expect(await call.getAttribute('href')).toBe(`tel:${COMMUNITY_PHONE.replace('-', '')}`);
      await call.getByText(COMMUNITY_PHONE).waitFor();
      // The member's own number is not the resident's to see.
      const text = await shown(page, '.need-detail').innerText();
      expect(text).not.toContain(MEMBER.phone);
      expect(text).not.toContain(`${MEMBER.phone.slice(0, 3)}****${MEMBER.phone.slice(7)}`);
      await shootBothModes(page, 'need-form-need-detail', () => shown(page, '.need-detail__who').waitFor());

      await page.goto(`${gatewayUrl()}#/pages/resident/my-needs/index`, { waitUntil: 'networkidle' });
      const card = shown(page, '.need-card').filter({ hasText: description });
      await card.getByText('来帮您的党员：党员张一').waitFor({ timeout: 20_000 });
      await card.locator('.dy-status-tag').filter({ hasText: '已安排党员' }).waitFor();
      expect(await shown(page, '.my-needs__call a.dy-call-button').getAttribute('href')).toBe(`tel:${COMMUNITY_PHONE.replace('-', '')}`);
      await shootBothModes(page, 'need-form-my-needs', () => shown(page, '.need-card').filter({ hasText: description }).waitFor());
      await toggleElder(page, true);
      await shown(page, '.need-card').filter({ hasText: description }).getByText('来帮您的是：党员张一').waitFor();
      await toggleElder(page, false);
    } finally {
      // Leave nothing open for the other suites: the order is cancelled (the need goes back to the pool), then withdrawn.
      await callGateway('orders', 'cancel', { orderId: order.id, reason: '浏览器测试结束' }, secretary.token);
      await callGateway('demands', 'withdraw', { demandId }, resident.token);
    }
    expect(errors).toEqual([]);
  });
});
