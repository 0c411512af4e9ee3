import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { gatewayUrl, launchChromium, logInInBrowser, newPhone, screenshotPath, profileTab, shown as visible } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234' };

describe('个人信息保护 in the H5 build', () => {
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  it('should show the secretary a masked phone in the needs pool, reveal it on 查看, and list the read in the access log', async () => {
    const page = await (await newPhone(browser)).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    const card = visible(page, '.pool-card').first();
    await card.waitFor({ timeout: 20_000 });
    const requester = ((await card.locator('.pool-card__value').first().textContent()) ?? '').split(' · ')[0];
    const phone = card.locator('.private-value').first();
    const masked = (await phone.locator('.private-value__text').textContent()) ?? '';
    expect(masked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(await card.textContent()).not.toMatch(/1[3-9]\d{9}/);

    await phone.locator('.private-value__action').filter({ hasText: '查看' }).tap();
    await phone.getByText('已记录查看').waitFor({ timeout: 10_000 });
    const full = (await phone.locator('.private-value__text').textContent()) ?? '';
    expect(full).toMatch(/^1[3-9]\d{9}$/);
    expect(full.slice(0, 3) + '****' + full.slice(7)).toBe(masked);
    await phone.getByText('拨打').waitFor();
    await page.screenshot({ path: screenshotPath('privacy-secretary-revealed') });

    await page.goto(`${gatewayUrl()}#/pages/secretary/access-log/index`, { waitUntil: 'networkidle' });
    // The log names the person whose data was read and their account phone, which need not be the
    // contact phone typed into this need.
    const entry = visible(page, '.access-log__item').first();
    await entry.waitFor({ timeout: 20_000 });
    expect(await entry.textContent()).toContain(`查看了 ${requester} 的手机号码`);
    expect(await entry.textContent()).toContain('联系需求人');
    await page.screenshot({ path: screenshotPath('privacy-access-log') });
  });

  it('should let the member read and export everything held about them', async () => {
    const page = await (await newPhone(browser)).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    await profileTab(page).tap();
    await page.waitForURL(/pages\/profile/);
    await visible(page, '.nut-cell').filter({ hasText: '我的资料与隐私' }).tap();
    await page.waitForURL(/pages\/member\/my-data/);
    await visible(page, '.my-data .dy-card__title').filter({ hasText: '党员义工信息' }).waitFor({ timeout: 20_000 });
    for (const title of ['账户', '身份', '服务记录', '谁查看过我的信息', '申请注销']) {
      await visible(page, '.my-data .dy-card__title').filter({ hasText: title }).first().waitFor();
    }
    expect(await visible(page, '.my-data').textContent()).toContain(MEMBER.phone);
    await page.screenshot({ path: screenshotPath('privacy-my-data') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      visible(page, '.nut-button').filter({ hasText: '导出我的全部信息' }).tap(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^我的个人信息-\d{4}-\d{2}-\d{2}\.json$/);
    const content = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(content.账户.手机号码).toBe(MEMBER.phone);
    expect(content.党员义工信息.志愿者编号).toMatch(/^DY/);

    await visible(page, '.my-data__leave').scrollIntoViewIfNeeded();
    await visible(page, '.my-data__leave-button').tap();
    await visible(page, '.my-data__leave').getByText('请输入「确认注销」四个字以确认').waitFor();
    await page.screenshot({ path: screenshotPath('privacy-leave-confirm') });
    expect(errors).toEqual([]);
  });
});
