import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage } from './page-audit';
import { gatewayUrl, launchChromium, logInInBrowser, phonePage, screenshotPath, shown } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234' };

const tapButton = (page: Page, text: string | RegExp) => shown(page, '.nut-button').filter({ hasText: text }).first().tap();
/** Taro's H5 router animates a page in; a screenshot waits for it to settle and for any toast to fade. */
const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.taro__toast')).some((toast) => toast.checkVisibility({ opacityProperty: true })),
    undefined,
    { timeout: 5_000 },
  );
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
};
const waitForText = (page: Page, text: string) =>
  page.waitForFunction((wanted) => document.body.innerText.includes(wanted), text, { timeout: 20_000 });

async function openProfileCell(page: Page, title: string, landing: RegExp) {
  await page.goto(`${gatewayUrl()}#/pages/profile/index`);
  const cell = shown(page, '.nut-cell').filter({ hasText: title }).first();
  await cell.waitFor({ timeout: 20_000 });
  await cell.tap();
  await page.waitForURL(landing, { timeout: 20_000 });
}

async function turnElderMode(page: Page, on: boolean) {
  const toggle = shown(page, '.elder-toggle').first();
  await toggle.waitFor({ timeout: 10_000 });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.tap();
  await page.waitForFunction((wanted) => document.body.classList.contains('dy-elder') === wanted, on);
}

describe('建议: a member suggests, the secretary replies, the member reads the reply (H5 build)', () => {
  let browser: Browser;
  const errors: string[] = [];
  const phones = {} as Record<'member' | 'secretary', { context: BrowserContext; page: Page }>;
  const body = `社区活动室的椅子坏了几把，建议更换（浏览器测试${Date.now()}）`;
  const reply = '已采购新椅子，下周送到活动室';

  beforeAll(async () => {
    browser = await launchChromium();
    phones.member = await phonePage(browser, errors, 'member');
    phones.secretary = await phonePage(browser, errors, 'secretary');
  });
  afterAll(async () => {
    await browser.close();
  });

  it('should take the member from the profile to 提建议, keep a half-written draft and file it', async () => {
    const { page } = phones.member;
    await logInInBrowser(page, MEMBER, /pages\/member/);
    await openProfileCell(page, '我的建议', /pages\/member\/my-suggestions/);
    // The demo member's earlier suggestion, answered by the secretary.
    await waitForText(page, '已联系物业');
    await shoot(page, 'suggestions-member-list-before');

    await tapButton(page, /^提建议$/);
    await page.waitForURL(/pages\/member\/suggest/);
    await shown(page, '.choice-chips__chip').filter({ hasText: '为民服务' }).tap();
    await shown(page, '.suggest textarea').fill('太短');
    await tapButton(page, '提交建议');
    await waitForText(page, '建议内容至少需要5个字');
    await shoot(page, 'suggestions-member-form-error');

    // Leaving with a half-written suggestion keeps it on the phone.
    await shown(page, '.suggest textarea').fill(body);
    await page.goto(`${gatewayUrl()}#/pages/member/my-suggestions/index`);
    await waitForText(page, '已联系物业');
    await page.goto(`${gatewayUrl()}#/pages/member/suggest/index`);
    await waitForText(page, '已恢复您上次没写完的建议');
    expect(await shown(page, '.suggest textarea').inputValue()).toBe(body);
    expect(await shown(page, '.choice-chips__chip--active').innerText()).toBe('为民服务');
    await shoot(page, 'suggestions-member-form-restored');

    await tapButton(page, '提交建议');
    await page.waitForURL(/pages\/member\/my-suggestions/, { timeout: 20_000 });
    await waitForText(page, body);
    const card = shown(page, '.suggestion-card').filter({ hasText: body });
    expect(await card.innerText()).toContain('待处理');
    await waitForText(page, '今年已提建议 2 条');
    await shoot(page, 'suggestions-member-submitted');
  });

  it('should let the secretary find it waiting and reply, refusing an empty reply in the dialog', async () => {
    const { page } = phones.secretary;
    await logInInBrowser(page, SECRETARY, /pages\/secretary/);
    await openProfileCell(page, '建议处理', /pages\/secretary\/suggestions/);
    await waitForText(page, body);
    // The demo community's waiting one and the member's new one.
    expect(await shown(page, '.status-tabs__item--active').innerText()).toBe('待处理（2）');
    await shoot(page, 'suggestions-secretary-inbox');

    const card = shown(page, '.inbox-card').filter({ hasText: body });
    await card.locator('.nut-button').filter({ hasText: '答复' }).tap();
    const box = shown(page, '.dialog-field textarea');
    await box.waitFor();
    await shown(page, '.nut-dialog .nut-button').filter({ hasText: '答复' }).tap();
    await waitForText(page, '请填写答复内容');
    await box.fill(reply);
    await shoot(page, 'suggestions-secretary-reply-dialog');
    await shown(page, '.nut-dialog .nut-button').filter({ hasText: '答复' }).tap();
    await page.waitForFunction((text) => !document.body.innerText.includes(text), body, { timeout: 20_000 });
    expect(await shown(page, '.status-tabs__item--active').innerText()).toBe('待处理（1）');

    await shown(page, '.status-tabs__item').filter({ hasText: '已答复' }).tap();
    await waitForText(page, reply);
    await shoot(page, 'suggestions-secretary-replied');
  });

  it('should show the member the reply, in 长辈模式 too', async () => {
    const { page } = phones.member;
    await page.goto(`${gatewayUrl()}#/pages/member/my-suggestions/index`);
    await page.reload();
    await waitForText(page, reply);
    const card = shown(page, '.suggestion-card').filter({ hasText: body });
    expect(await card.innerText()).toContain('已答复');
    await shoot(page, 'suggestions-member-replied');

    await turnElderMode(page, true);
    await waitForText(page, '社区已答复');
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48 });
    expect(audit.smallText).toEqual([]);
    expect(audit.shortButtons).toEqual([]);
    await shoot(page, 'suggestions-member-replied-elder');
    await turnElderMode(page, false);
    expect(errors).toEqual([]);
  });

  it('should show the member’s 我的承诺 and the secretary’s 承诺确认 with what waits', async () => {
    const member = phones.member.page;
    await openProfileCell(member, '我的承诺', /pages\/member\/my-commitments/);
    await waitForText(member, '独居老人陈阿婆');
    await shoot(member, 'commitments-member');

    const secretary = phones.secretary.page;
    await openProfileCell(secretary, '承诺确认', /pages\/secretary\/commitments/);
    await waitForText(secretary, '困难家庭小明');
    expect(await shown(secretary, '.status-tabs__item--active').innerText()).toBe('待确认（1）');
    await shoot(secretary, 'commitments-secretary');
    expect(errors).toEqual([]);
  });

  it('should draw every page of 建议 and 承诺 large and legible in 长辈模式', async () => {
    const pages = [
      { phone: phones.member.page, path: 'member/suggest/index', name: 'suggest' },
      { phone: phones.member.page, path: 'member/my-commitments/index', name: 'my-commitments' },
      { phone: phones.secretary.page, path: 'secretary/suggestions/index', name: 'secretary-suggestions' },
      { phone: phones.secretary.page, path: 'secretary/commitments/index', name: 'secretary-commitments' },
    ];
    const failures: string[] = [];
    for (const { phone, path, name } of pages) {
      await phone.goto(`${gatewayUrl()}#/pages/${path}`);
      await shown(phone, '.page-shell__body').first().waitFor({ timeout: 20_000 });
      await turnElderMode(phone, true);
      await phone.waitForTimeout(800);
      const audit = await auditPage(phone, { minTextPx: 18, minButtonPx: 48 });
      failures.push(
        ...audit.smallText.map((item) => `${name}: ${item.size}px 「${item.text}」`),
        ...audit.shortButtons.map((item) => `${name}: button ${item.height}px 「${item.text}」`),
        ...audit.lowContrast.map((item) => `${name}: ${item.ratio}:1 「${item.text}」`),
      );
      await shoot(phone, `elder-${name}`);
      await turnElderMode(phone, false);
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('承诺: a member reports a 好事, the secretary sends it back, the member reports again and it is confirmed (H5 build)', () => {
  let browser: Browser;
  const errors: string[] = [];
  const phones = {} as Record<'member' | 'secretary', { context: BrowserContext; page: Page }>;
  const reason = '请写明每次上门的日期';

  beforeAll(async () => {
    browser = await launchChromium();
    phones.member = await phonePage(browser, errors, 'member');
    phones.secretary = await phonePage(browser, errors, 'secretary');
    await logInInBrowser(phones.member.page, MEMBER, /pages\/member/);
    await logInInBrowser(phones.secretary.page, SECRETARY, /pages\/secretary/);
  });
  afterAll(async () => {
    await browser.close();
  });

  const myDeed = (page: Page) => shown(page, '.commitment-card').filter({ hasText: '独居老人陈阿婆' });
  const secretaryCard = (page: Page) => shown(page, '.commitment-inbox-card').filter({ hasText: '独居老人陈阿婆' });

  async function report(page: Page, text: string) {
    await page.goto(`${gatewayUrl()}#/pages/member/my-commitments/index`);
    await page.reload();
    await myDeed(page).waitFor({ timeout: 20_000 });
    await myDeed(page).locator('.nut-button').tap();
    const box = shown(page, '.dialog-field textarea');
    await box.waitFor();
    await box.fill(text);
    await shown(page, '.nut-dialog .nut-button').filter({ hasText: '提交' }).tap();
    await page.waitForFunction(() => document.body.innerText.includes('待确认'), undefined, { timeout: 20_000 });
  }

  async function openInbox(page: Page) {
    await page.goto(`${gatewayUrl()}#/pages/secretary/commitments/index`);
    await page.reload();
    await secretaryCard(page).waitFor({ timeout: 20_000 });
  }

  it('should carry the demo member’s 好事 through a sending back to 已确认', async () => {
    const member = phones.member.page;
    await report(member, '10月上门两次打扫卫生');
    expect(await myDeed(member).innerText()).toContain('10月上门两次打扫卫生');

    const secretary = phones.secretary.page;
    await openInbox(secretary);
    expect(await shown(secretary, '.status-tabs__item--active').innerText()).toBe('待确认（2）');
    await secretaryCard(secretary).locator('.nut-button').filter({ hasText: '退回' }).tap();
    await shown(secretary, '.reason-dialog textarea').fill(reason);
    await shown(secretary, '.nut-dialog .nut-button').filter({ hasText: '退回' }).tap();
    await deedLeftInbox(secretary);
    expect(await shown(secretary, '.status-tabs__item--active').innerText()).toBe('待确认（1）');

    await member.reload();
    await waitForText(member, `社区退回：${reason}`);
    expect(await myDeed(member).locator('.nut-button').innerText()).toBe('补充后重新填报');
    await shoot(member, 'commitments-member-returned');

    await report(member, '10月5日、10月19日上门打扫卫生');
    await openInbox(secretary);
    const again = await secretaryCard(secretary).innerText();
    expect(again).toContain('上次退回');
    expect(again).toContain(reason);
    await shoot(secretary, 'commitments-secretary-reported-again');
    await secretaryCard(secretary).locator('.nut-button').filter({ hasText: '确认完成' }).tap();
    await deedLeftInbox(secretary);

    await member.reload();
    await waitForText(member, '已确认 1 件');
    expect(await myDeed(member).innerText()).toContain('已确认');
    expect(await myDeed(member).locator('.nut-button').count()).toBe(0);
    await shoot(member, 'commitments-member-confirmed');
    expect(errors).toEqual([]);
  });

  it('should let the secretary commit a team’s 实事 and report it done for the team', async () => {
    const secretary = phones.secretary.page;
    const beneficiary = `幸福里困难户${Date.now() % 10000}`;
    await secretary.goto(`${gatewayUrl()}#/pages/secretary/commitments/index`);
    await tapButton(secretary, '为服务队承诺实事');
    const chip = shown(secretary, '.team-commit .choice-chips__chip').filter({ hasText: '红色先锋服务队' });
    await chip.waitFor({ timeout: 20_000 });
    await tapButton(secretary, '提交承诺');
    await waitForText(secretary, '请选择服务队');
    await chip.tap();
    await shown(secretary, '.team-commit input').fill(beneficiary);
    await shown(secretary, '.team-commit textarea').fill('组织队员修缮屋顶');
    await shoot(secretary, 'commitments-secretary-team-form');
    await tapButton(secretary, '提交承诺');
    const card = shown(secretary, '.commitment-inbox-card').filter({ hasText: beneficiary });
    await card.waitFor({ timeout: 20_000 });
    expect(await shown(secretary, '.status-tabs__item--active').innerText()).toBe('已承诺');
    expect(await card.innerText()).toContain('红色先锋服务队（服务队实事）');

    await card.locator('.nut-button').filter({ hasText: '填报完成情况' }).tap();
    await shown(secretary, '.dialog-field textarea').fill('11月8日组织队员修好屋顶');
    await shown(secretary, '.nut-dialog .nut-button').filter({ hasText: '提交' }).tap();
    await card.waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
    await secretary.waitForFunction(
      () => Array.from(document.querySelectorAll('.status-tabs__item')).some((tab) => (tab as HTMLElement).innerText === '待确认（2）'),
      undefined,
      { timeout: 20_000 },
    );
    await shoot(secretary, 'commitments-secretary-team-reported');
    expect(errors).toEqual([]);
  });
});

/** The secretary's card for the demo member's 好事 has left the 待确认 tab. */
const deedLeftInbox = (page: Page) =>
  page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.commitment-inbox-card')).some((card) => card.checkVisibility() && (card as HTMLElement).innerText.includes('独居老人陈阿婆')),
    undefined,
    { timeout: 20_000 },
  );
