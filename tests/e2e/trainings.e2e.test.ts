import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage } from './page-audit';
import { callGateway, confirmFirstDate, DEMO, gatewayUrl, launchChromium, logInInBrowser, openProfileCell, phonePage, pickMember, screenshotPath, shown, tapButton, toastGone, turnElderMode, waitForText } from './browser';

const { secretary: SECRETARY, member: MEMBER } = DEMO;
const TITLE = `浏览器测试骨干培训${Date.now() % 100000}`;

/** Taro's H5 router animates a page in; a screenshot waits for it to settle and for any toast to fade. */
const shoot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await toastGone(page);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
};

describe('培训记录: the secretary records a training with the demo member, who then sees it in 我的培训与表彰 (H5 build)', () => {
  let browser: Browser;
  const errors: string[] = [];
  let secretary: { context: BrowserContext; page: Page };
  let member: { context: BrowserContext; page: Page };
  let memberName: string;
  let recordedId: string | undefined;
  let awardId: string | undefined;
  let secretaryToken: string;

  beforeAll(async () => {
    const memberSession = await callGateway<{ token: string }>('auth', 'login', MEMBER);
    memberName = (await callGateway<{ name: string }>('auth', 'me', {}, memberSession.token)).name;
    secretaryToken = (await callGateway<{ token: string }>('auth', 'login', SECRETARY)).token;
    browser = await launchChromium();
    secretary = await phonePage(browser, errors, 'secretary');
    member = await phonePage(browser, errors, 'member');
  });
  afterAll(async () => {
    // Other suites share the demo data: the training recorded here is withdrawn again.
    if (recordedId) await callGateway('records', 'withdrawTraining', { id: recordedId, reason: '浏览器测试结束撤回' }, secretaryToken).catch(() => undefined);
    if (awardId) await callGateway('records', 'withdrawAward', { id: awardId, reason: '浏览器测试结束撤回' }, secretaryToken).catch(() => undefined);
    await browser.close();
  });

  it('should open 培训记录 from 我的 and show the seeded 岗前培训', async () => {
    const { page } = secretary;
    await logInInBrowser(page, SECRETARY, /pages\/secretary/);
    await openProfileCell(page, /^培训记录/, /pages\/secretary\/trainings/);
    await waitForText(page, '在职党员岗前培训');
    await shoot(page, 'trainings-list');
  });

  it('should refuse an empty form naming each field, then record a training with the demo member picked', async () => {
    const { page } = secretary;
    await tapButton(page, '登记培训');
    await tapButton(page, /^登记$/);
    await waitForText(page, '培训名称不能为空');
    await waitForText(page, '请至少选择一名参训党员');
    await shoot(page, 'trainings-form-errors');

    await shown(page, '.trainings__title input').fill(TITLE);
    await shown(page, '.trainings__organiser input').fill('示例区委组织部');
    await confirmFirstDate(page);
    await shown(page, '.trainings__hours input').fill('3');
    await shown(page, '.choice-chips__chip').filter({ hasText: '骨干培训' }).tap();
    await pickMember(page, memberName);
    await waitForText(page, `已选 1 人：${memberName}`);
    await shoot(page, 'trainings-form');
    await shown(page, '.trainings__submit').tap();
    const card = shown(page, '.training-card').filter({ hasText: TITLE }).first();
    await card.waitFor({ timeout: 20_000 });
    await waitForText(page, `1人：${memberName}`);
    const list = await callGateway<{ items: { id: string; title: string }[] }>('records', 'listTrainings', {}, secretaryToken);
    recordedId = list.items.find((item) => item.title === TITLE)?.id;
    expect(recordedId).toBeDefined();
    await shoot(page, 'trainings-recorded');
  });

  it('should record an honour for the demo member on 表彰奖励, in 长辈模式 too', async () => {
    const { page } = secretary;
    await openProfileCell(page, /^表彰奖励/, /pages\/secretary\/awards/);
    await waitForText(page, '优秀党员义工');
    await tapButton(page, '登记表彰');
    await pickMember(page, memberName);
    await shown(page, '.awards__title input').fill(`${TITLE}表彰`);
    await shown(page, '.choice-chips__chip').filter({ hasText: '街道级' }).tap();
    await confirmFirstDate(page);
    await shown(page, '.awards__body input').fill('示例街道党工委');
    await shown(page, '.awards__submit').tap();
    await shown(page, '.award-card').filter({ hasText: `${TITLE}表彰` }).first().waitFor({ timeout: 20_000 });
    const list = await callGateway<{ items: { id: string; title: string }[] }>('records', 'listAwards', {}, secretaryToken);
    awardId = list.items.find((item) => item.title === `${TITLE}表彰`)?.id;
    expect(awardId).toBeDefined();
    await toastGone(page);
    await turnElderMode(page, true);
    expect((await auditPage(page, { minTextPx: 18, minButtonPx: 48 })).smallText).toEqual([]);
    await shoot(page, 'awards-elder');
    await turnElderMode(page, false);
  });

  it('should show the member the training and the seeded award in 我的培训与表彰, also in 长辈模式', async () => {
    const { page } = member;
    await logInInBrowser(page, MEMBER, /pages\/member/);
    await openProfileCell(page, /^我的培训与表彰/, /pages\/member\/my-trainings/);
    const card = shown(page, '.my-training').filter({ hasText: TITLE }).first();
    await card.waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain('骨干培训');
    expect(await card.innerText()).toContain('3小时');
    await waitForText(page, '在职党员岗前培训');
    await waitForText(page, '优秀党员义工');
    await waitForText(page, `${TITLE}表彰`);
    await shoot(page, 'my-trainings');
    await turnElderMode(page, true);
    const audit = await auditPage(page, { minTextPx: 18, minButtonPx: 48 });
    expect(audit.smallText).toEqual([]);
    await shoot(page, 'my-trainings-elder');
    await turnElderMode(page, false);
  });

  it('should give the district admin 全国系统导出 as a download', async () => {
    const { page } = await phonePage(browser, errors, 'district admin');
    await logInInBrowser(page, { phone: '19900000010', password: 'demo1234' }, /pages\/district/);
    await page.goto(`${gatewayUrl()}#/pages/district/national-export/index`);
    await shown(page, '.national-export__download').waitFor({ timeout: 20_000 });
    await shoot(page, 'national-export');
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await shown(page, '.national-export__download').tap();
    expect((await download).suggestedFilename()).toMatch(/（全国系统导出）\.xlsx$/);
    expect(errors).toEqual([]);
  });
});
