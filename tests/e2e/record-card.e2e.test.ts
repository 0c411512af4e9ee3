import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { callGateway, DEMO, gatewayUrl, logInInBrowser, phonePerTest, screenshotPath, shown } from './browser';

const { member: MEMBER, secretary: SECRETARY, unitAdmin: UNIT_ADMIN } = DEMO;

/** The page has slid in: the router's entry animation is over, so a screenshot shows it whole. */
const slidIn = (page: Page) =>
  page.waitForFunction(() => {
    const body = Array.from(document.querySelectorAll('.record-card__body')).find((element) => (element as HTMLElement).checkVisibility());
    return body !== undefined && body.getBoundingClientRect().left >= 0 && body.getBoundingClientRect().left < 60;
  });

type Card = { header: { memberId: string; name: string; volunteerNo: string; community: string }; rows: { recordId: string }[]; totals: { hours: number } };

// 社区服务（活动）记录卡 (004 附件5, issue 14): the member opens theirs from 我的时长, sees the rows the API gives, exports
// PDF and Excel; in 长辈模式 too; the secretary opens a member's from her 登记表.
describe('the 社区服务记录卡 in the H5 build', () => {
  const phone = phonePerTest();

  it('should let the member open their card from 我的时长 and export it as PDF and Excel', async () => {
    const { page, errors } = phone;
    const { token } = await callGateway<{ token: string }>('auth', 'login', MEMBER);
    const card = await callGateway<Card>('documents', 'recordCard', {}, token);
    expect(card.rows.length).toBeGreaterThan(0);

    await logInInBrowser(page, MEMBER, /pages\/member/);
    await shown(page, '.role-tab-bar__item').filter({ hasText: '我的时长' }).tap();
    await page.waitForURL(/pages\/member\/my-hours/);
    const link = shown(page, '.my-hours__standing-link').filter({ hasText: '社区服务记录卡' });
    await shown(page, '.my-hours__section-title').first().waitFor({ timeout: 20_000 });
    // The link sits right under the page's sticky header, which takes a tap scrolled to it: the click is the link's own.
    await link.evaluate((element) => (element as HTMLElement).click());
    await page.waitForURL(/pages\/reports\/record-card/);
    const body = shown(page, '.record-card__body');
    await body.getByText('在职党员社区服务（活动）记录卡').waitFor({ timeout: 20_000 });
    for (const value of [card.header.name, card.header.volunteerNo, card.header.community, `${card.totals.hours} 小时`]) {
      await body.getByText(value, { exact: true }).first().waitFor();
    }
    expect(await shown(page, '.record-card__row').count()).toBe(card.rows.length);
    await slidIn(page);
    await page.screenshot({ path: screenshotPath('record-card-member') });

    const pdf = page.waitForEvent('download');
    await shown(page, '.record-card__export').filter({ hasText: '导出 PDF' }).tap();
    const pdfDownload = await pdf;
    expect(pdfDownload.suggestedFilename()).toMatch(new RegExp(`^社区服务记录卡-${card.header.name}-\\d{4}\\.pdf$`));
    const pdfPath = (await pdfDownload.path())!;
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (fs.existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toContain(card.header.name);
      expect(text).toContain('社区认证');
    }

    await page.getByText('已导出', { exact: true }).waitFor({ state: 'hidden' });
    const xlsx = page.waitForEvent('download');
    await shown(page, '.record-card__export').filter({ hasText: '导出 Excel' }).tap();
    expect((await xlsx).suggestedFilename()).toMatch(/^社区服务记录卡-.+-\d{4}\.xlsx$/);

    await shown(page, '.elder-toggle').first().tap();
    await page.waitForFunction(() => document.body.classList.contains('dy-elder'));
    await body.getByText(card.header.name, { exact: true }).first().waitFor();
    await page.screenshot({ path: screenshotPath('record-card-member-elder') });
    expect(errors).toEqual([]);
  });

  it('should let the secretary open a member\'s card from her 登记表', async () => {
    const { page, errors } = phone;
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await shown(page, '.role-tab-bar__item').filter({ hasText: '党员' }).tap();
    await page.waitForURL(/pages\/secretary\/member-register/);
    const first = shown(page, '.register-card').first();
    await first.waitFor({ timeout: 20_000 });
    const name = (await first.locator('.dy-card__title').innerText()).replace(/^\d+\.\s*/, '');
    await first.locator('.nut-button').filter({ hasText: '记录卡' }).tap();
    await page.waitForURL(/pages\/reports\/record-card\/index\?memberId=/);
    await shown(page, '.record-card__body').getByText(name, { exact: true }).first().waitFor({ timeout: 20_000 });
    await slidIn(page);
    await page.screenshot({ path: screenshotPath('record-card-secretary') });
    expect(errors).toEqual([]);
  });

  it('should let the unit admin open a member\'s card from the member\'s 考核', async () => {
    const { page, errors } = phone;
    const { token } = await callGateway<{ token: string }>('auth', 'login', MEMBER);
    const card = await callGateway<Card>('documents', 'recordCard', {}, token);
    await logInInBrowser(page, UNIT_ADMIN, /pages\/unit/);
    await page.goto(`${gatewayUrl()}#/pages/assessment/my-standing/index?memberId=${card.header.memberId}`, { waitUntil: 'networkidle' });
    const link = shown(page, '.my-standing__link').filter({ hasText: '社区服务记录卡' });
    await link.waitFor({ timeout: 20_000 });
    await link.evaluate((element) => (element as HTMLElement).click());
    await page.waitForURL(/pages\/reports\/record-card\/index\?memberId=/);
    await shown(page, '.record-card__body').getByText(card.header.name, { exact: true }).first().waitFor({ timeout: 20_000 });
    expect(await shown(page, '.record-card__row').count()).toBe(card.rows.length);
    expect(errors).toEqual([]);
  });
});
