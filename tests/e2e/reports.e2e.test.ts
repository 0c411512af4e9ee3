import fs from 'node:fs';
import { DEMO, logInInBrowser, phonePerTest, screenshotPath } from './browser';

const { secretary: SECRETARY, unitAdmin: UNIT_ADMIN } = DEMO;

describe('the register (书记) and the unit statistics (单位) in the H5 build', () => {
  const phone = phonePerTest();

  it('should show the secretary the register with masked phones and export it, with full contacts only after confirming', async () => {
    const { page, errors } = phone;
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await page.locator('.role-tab-bar__item >> visible=true').filter({ hasText: '党员' }).tap();
    await page.waitForURL(/pages\/secretary\/member-register/);
    const cards = page.locator('.register-card >> visible=true');
    await cards.first().waitFor({ timeout: 20_000 });
    await page.locator('.member-register__pending >> visible=true').getByText(/待确认报到/).waitFor();
    const phones = page.locator('.register-card .private-value__text >> visible=true');
    expect(await phones.filter({ hasText: /^1\d{2}\*{4}\d{4}$/ }).count()).toBe(await cards.count());
    await page.screenshot({ path: screenshotPath('reports-member-register') });

    // The secretary may reveal one member's phone; the read is logged.
    const firstPhone = cards.first().locator('.dy-info-row').filter({ hasText: '手机' });
    await firstPhone.getByText('查看').tap();
    await firstPhone.locator('.private-value__text').filter({ hasText: /^1\d{10}$/ }).waitFor();
    await firstPhone.getByText('已记录查看').waitFor();

    await page.locator('.status-tabs__item >> visible=true').filter({ hasText: '全部' }).tap();
    await page.locator('.register-card .dy-card__head >> visible=true').getByText('社区党员').first().waitFor();

    const plain = page.waitForEvent('download');
    await page.locator('.member-register__export .nut-button >> visible=true').tap();
    const download = await plain;
    expect(download.suggestedFilename()).toMatch(/^党员社区报到登记表（全部党员）-幸福社区-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(fs.statSync((await download.path())!).size).toBeGreaterThan(5000);

    await page.getByText('已导出', { exact: true }).waitFor({ state: 'hidden' });
    await page.locator('.member-register__check >> visible=true').tap();
    await page.locator('.member-register__export .nut-button >> visible=true').tap();
    const dialog = page.locator('.nut-dialog >> visible=true');
    await dialog.getByText('每人每项都会记入访问记录').waitFor();
    await page.screenshot({ path: screenshotPath('reports-export-confirm') });
    const full = page.waitForEvent('download');
    await dialog.locator('.nut-button').filter({ hasText: '确认导出' }).tap();
    expect((await full).suggestedFilename()).toMatch(/\.xlsx$/);
    expect(errors).toEqual([]);
  });

  it('should show the unit admin the 附件3 figures, the reasons and the detail, and export them', async () => {
    const { page, errors } = phone;
    await logInInBrowser(page, UNIT_ADMIN, /pages\/unit\/slips/);
    await page.locator('.role-tab-bar__item >> visible=true').filter({ hasText: '统计' }).tap();
    await page.waitForURL(/pages\/unit\/statistics/);
    const form = page.locator('.unit-stats__form >> visible=true');
    await form.getByText('在职党员社区报到情况统计表').waitFor({ timeout: 20_000 });
    for (const label of ['单位名称', '在职党员总数', '报到党员总数', '报到涉及社区数', '未到社区报到的党员数', '未报到的主要原因']) {
      await form.getByText(label, { exact: true }).waitFor();
    }
    expect(await page.locator('.stats-detail >> visible=true').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('reports-unit-statistics') });
    await page.screenshot({ path: screenshotPath('reports-unit-statistics-full'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.locator('.unit-stats__export >> visible=true').tap();
    expect((await download).suggestedFilename()).toMatch(/^在职党员社区报到情况统计表-.+\.xlsx$/);
    expect(errors).toEqual([]);
  });
});
