import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { auditPage } from './page-audit';
import { callGateway, DEMO, gatewayUrl, launchChromium, logInInBrowser, openProfileCell, phonePage, screenshotPath, shown, tapButton, toastGone, turnElderMode, waitForText } from './browser';

const { secretary: SECRETARY, member: MEMBER } = DEMO;
const RESPONSIBLE = '陈主任';
const PURPOSE = `评优材料${Date.now() % 10000}`;

/** Taro's H5 router animates a page in; a screenshot waits for it to settle and for any toast to fade. */
const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await toastGone(page);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
};

describe('志愿服务证明: the member asks, the secretary issues, the member downloads, anyone verifies by the QR link (H5 build)', () => {
  let browser: Browser;
  const errors: string[] = [];
  let memberName = '';
  let number = '';
  let verifyLink = '';

  beforeAll(async () => {
    browser = await launchChromium();
    const { token } = await callGateway<{ token: string }>('auth', 'login', MEMBER);
    memberName = (await callGateway<{ name: string }>('auth', 'me', {}, token)).name;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('should let the member ask for this year’s certificate from the profile', async () => {
    const { page } = await phonePage(browser, errors, 'member');
    await logInInBrowser(page, MEMBER, /pages\/member/);
    await openProfileCell(page, '志愿服务证明', /pages\/member\/certificates/);
    await tapButton(page, '申请志愿服务证明');
    await waitForText(page, '只计扫码签到签退核验的时长');
    expect(await shown(page, '.choice-chips__chip--active').innerText()).toBe('今年');
    await shown(page, '.member-certificates input[name="purpose"]').fill(PURPOSE);
    await shoot(page, 'certificate-member-request');
    await tapButton(page, '提交申请');
    await waitForText(page, '待社区出具');
    await waitForText(page, PURPOSE);
    await shoot(page, 'certificate-member-requested');
    await page.context().close();
  });

  it('should let the secretary check the verified rows and issue it with 负责人 and phone', async () => {
    const { page } = await phonePage(browser, errors, 'secretary');
    await logInInBrowser(page, SECRETARY, /pages\/secretary/);
    await openProfileCell(page, '证明审核', /pages\/secretary\/certificates/);
    const card = shown(page, '.dy-card').filter({ hasText: PURPOSE });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain(memberName);
    expect(await card.innerText()).toMatch(/核验时长\s*[\d.]+ 小时，\d+ 次/);
    await shoot(page, 'certificate-secretary-queue');

    await card.locator('.nut-button').filter({ hasText: '出具' }).tap();
    const dialog = shown(page, '.nut-dialog');
    await dialog.locator('input[name="responsiblePerson"]').waitFor();
    await dialog.locator('.nut-button').filter({ hasText: '出具' }).tap();
    await waitForText(page, '请填写负责人姓名');
    await dialog.locator('input[name="responsiblePerson"]').fill(RESPONSIBLE);
    await dialog.locator('input[name="contactPhone"]').fill('0750-5511941');
    await shoot(page, 'certificate-secretary-sign-off');
    await dialog.locator('.nut-button').filter({ hasText: '出具' }).tap();
    await page.waitForFunction((text) => !document.body.innerText.includes(text), PURPOSE, { timeout: 20_000 });

    await shown(page, '.status-tabs__item').filter({ hasText: '已处理' }).tap();
    const issued = shown(page, '.dy-card').filter({ hasText: memberName }).first();
    await issued.getByText('已出具').waitFor({ timeout: 20_000 });
    number = /ZM\d{4}-\d{6}/.exec(await issued.innerText())![0];
    await shoot(page, 'certificate-secretary-issued');
    await page.context().close();
  });

  it('should let the member download the issued PDF, its text extractable with the number and the statement', async () => {
    const { page } = await phonePage(browser, errors, 'member');
    await logInInBrowser(page, MEMBER, /pages\/member/);
    await openProfileCell(page, '志愿服务证明', /pages\/member\/certificates/);
    const card = shown(page, '.dy-card').filter({ hasText: number });
    await card.getByText('已出具').waitFor({ timeout: 20_000 });
    await shoot(page, 'certificate-member-issued');
    const download = page.waitForEvent('download');
    await card.locator('.nut-button').filter({ hasText: '下载证明' }).tap();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`志愿服务证明-${number}.pdf`);
    const pdf = (await file.path())!;
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (fs.existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const words of ['志愿服务证明', number, memberName, RESPONSIBLE, '0750-5511941', '本证明所列时长均为扫码签到签退核验的服务时长']) expect([words, text.includes(words)]).toEqual([words, true]);
    }

    await turnElderMode(page, true);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.member-certificates' });
    expect(audit.textNodes).toBeGreaterThan(0);
    expect([...audit.smallText, ...audit.shortButtons]).toEqual([]);
    await shoot(page, 'certificate-member-issued-elder');
    await turnElderMode(page, false);

    const { token } = await callGateway<{ token: string }>('auth', 'login', MEMBER);
    const mine = await callGateway<{ certificates: { number: string | null; verifyUrl: string | null }[] }>('certificates', 'myCertificates', {}, token);
    const url = mine.certificates.find((c) => c.number === number)!.verifyUrl!;
    // Without PUBLIC_URL the QR carries the page path; the gateway serves the H5 app at its root.
    verifyLink = url.startsWith('http') ? url : `${gatewayUrl()}#/${url.replace(/^\//, '')}`;
    expect(verifyLink).toMatch(/#\/pages\/verify\/certificate\/index\?no=ZM\d{4}-\d{6}&code=[2-9A-Z]{8}$/);

    // The check needs no login: a phone whose stored login has ended elsewhere still gets its answer.
    const stored = await page.evaluate(() => {
      const raw = localStorage.getItem('dyg.session');
      const value = raw ? (JSON.parse(raw) as { data?: { token?: string } }) : null;
      return value?.data?.token ?? null;
    });
    expect(stored).toBeTruthy();
    await callGateway('auth', 'logout', {}, stored!);
    await page.goto(verifyLink);
    await shown(page, '.verify-certificate__word').getByText('有效', { exact: true }).waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('should show an anonymous phone 有效 and masked fields only, from the QR link, in 长辈模式 too', async () => {
    const { page } = await phonePage(browser, errors, 'anonymous');
    await page.goto(verifyLink);
    await shown(page, '.verify-certificate__word').getByText('有效', { exact: true }).waitFor({ timeout: 30_000 });
    const shownText = await shown(page, '.verify-certificate').innerText();
    expect(shownText).toContain(number);
    expect(shownText).toContain(`${[...memberName][0]}*`);
    expect(shownText).not.toContain(memberName);
    expect(shownText).not.toContain(RESPONSIBLE);
    expect(shownText).not.toContain('0750-5511941');
    expect(shownText).not.toContain(PURPOSE);
    expect(shownText).not.toContain('您还没有登录');
    await shoot(page, 'certificate-verify-valid');

    await turnElderMode(page, true);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48, scope: '.verify-certificate' });
    expect([...audit.smallText, ...audit.shortButtons]).toEqual([]);
    await shoot(page, 'certificate-verify-valid-elder');
    await turnElderMode(page, false);

    // An altered code is not a valid certificate.
    await page.goto(verifyLink.replace(/code=(.)/, (_, first: string) => `code=${first === 'A' ? 'B' : 'A'}`));
    await page.reload();
    await shown(page, '.verify-certificate__word').getByText('无法核验', { exact: true }).waitFor({ timeout: 30_000 });
    await shoot(page, 'certificate-verify-unknown');
    expect(errors).toEqual([]);
  });
});
