import type { Browser, Page } from 'playwright-core';
import { gatewayUrl, launchChromium, newPhone, screenshotPath } from './browser';

const RESIDENT = { phone: '19900002001', password: 'demo1234' };

const tapButton = (page: Page, text: string) => page.locator('.nut-button', { hasText: text }).first().tap();

describe('a resident on the H5 app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  it('should log in, post a need and find it in my needs', async () => {
    const context = await newPhone(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Without a session the first page sends the resident to log in.
    await page.goto(gatewayUrl(), { waitUntil: 'networkidle' });
    await page.waitForURL(/pages\/auth\/login/);
    await page.getByText('手机号码登录').waitFor();

    // A wrong password keeps what was typed and says why.
    await page.locator('input[name=phone]').fill(RESIDENT.phone);
    await page.locator('input[type=password]').fill('not-the-password');
    await tapButton(page, '登录');
    await page.getByText('手机号码或密码不正确').waitFor();
    expect(await page.locator('input[name=phone]').inputValue()).toBe(RESIDENT.phone);
    await page.screenshot({ path: screenshotPath('resident-login-refused') });

    await page.locator('input[type=password]').fill(RESIDENT.password);
    await tapButton(page, '登录');
    await page.waitForURL(/pages\/resident\/my-needs/);
    await page.locator('.need-card').first().waitFor();
    const before = await page.locator('.need-card').count();
    await page.screenshot({ path: screenshotPath('resident-my-needs') });

    await page.locator('.role-tab-bar__item', { hasText: '我要点单' }).tap();
    await page.waitForURL(/pages\/resident\/post-need/);
    await page.locator('.post-need .choice-chips__chip').first().waitFor();

    // The form checks itself before it sends anything, in the words of its labels.
    await tapButton(page, '提交需求');
    await page.getByText('请选择需要帮什么忙').waitFor();

    // Base 36: a run of digits from Date.now() would read as a phone number to the privacy test that sees this need.
    const description = `楼道灯坏了需要更换灯泡（测试${Date.now().toString(36)}）`;
    await page.locator('.post-need .choice-chips__chip', { hasText: '其他' }).tap();
    await page.getByText('请填写具体说说').waitFor();
    await page.locator('.post-need .choice-chips__chip', { hasText: '上门维修' }).tap();
    await page.locator('.post-need textarea').fill(description);
    await page.locator('input[name=address]').fill('幸福小区3栋2单元501');
    await page.locator('input[name=contactPhone]').fill('13800138000');
    await page.locator('.post-need .choice-chips__chip', { hasText: '明天' }).tap();
    await page.locator('.post-need .choice-chips__chip', { hasText: '上午' }).tap();
    await page.screenshot({ path: screenshotPath('resident-post-need') });
    await tapButton(page, '提交需求');

    await page.waitForURL(/pages\/resident\/my-needs/);
    const card = page.locator('.need-card', { hasText: description });
    await card.waitFor();
    await expect(card.locator('.dy-status-tag').textContent()).resolves.toBe('待受理');
    expect(await page.locator('.need-card').count()).toBe(Math.min(before + 1, 10));
    await page.screenshot({ path: screenshotPath('resident-my-needs-after-post') });

    // Its detail shows the timeline and lets the resident withdraw it.
    await card.tap();
    await page.waitForURL(/pages\/resident\/need-detail/);
    // Taro keeps the list page in the DOM, hidden: look inside the detail page only.
    const detail = page.locator('.need-detail');
    await detail.getByText(description).waitFor();
    await detail.getByText('已提交需求').waitFor();
    await detail.locator('.nut-button', { hasText: '撤回需求' }).waitFor();
    await page.screenshot({ path: screenshotPath('resident-need-detail') });

    expect(errors).toEqual([]);
    await context.close();
  });
});
