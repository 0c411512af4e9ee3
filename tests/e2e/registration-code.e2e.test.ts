import fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { bothModes, clipboardPhonePage, copiedText, DEMO, gatewayUrl, launchChromium, logInInBrowser, screenshotPath, shown } from './browser';

const { unitAdmin: UNIT_ADMIN, secretary: SECRETARY, districtAdmin: DISTRICT_ADMIN } = DEMO;
/** The demo's 何伟 holds a slip issued before codes left out I and O. */
const OLD_CODE = 'HOME2468';
const LINK = () => `${gatewayUrl()}#/pages/join/register/index?slip=${OLD_CODE}`;

describe('报到码 in the H5 build: shared as a full link and a QR, typed into the registration page, and the registers searched', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  const phonePage = async () => {
    const { context, page } = await clipboardPhonePage(browser, errors);
    contexts.push(context);
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  it('should copy a full link of the slip and show its QR with the same link, to save as an image', async () => {
    const page = await phonePage();
    await logInInBrowser(page, UNIT_ADMIN, /pages\/unit\/slips/);
    const card = shown(page, '.slip-card').filter({ hasText: '何伟' });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.innerText()).toContain('逾期未报到');
    await card.locator('.nut-button').filter({ hasText: '复制报到链接' }).tap();
    await page.getByText('已复制报到链接').first().waitFor();
    const copied = await copiedText(page);
    expect(copied).toContain(LINK());
    expect(copied).toMatch(/^何伟同志：.+请您于.+前到幸福社区报到。/);

    await card.locator('.nut-button').filter({ hasText: '二维码' }).tap();
    const dialog = shown(page, '.slip-share');
    await dialog.locator('.checkin-qr').waitFor();
    expect(await dialog.locator('.checkin-qr').getAttribute('data-code')).toBe(LINK());
    expect(await dialog.locator('.slip-share__code').innerText()).toBe(OLD_CODE);
    await page.waitForTimeout(800); // the sheet slides up
    await page.screenshot({ path: screenshotPath('registration-code-01-qr') });
    const download = page.waitForEvent('download');
    await dialog.locator('.nut-button').filter({ hasText: '保存二维码图片' }).tap();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`报到码-何伟-${OLD_CODE}.png`);
    expect([...fs.readFileSync((await file.path())!).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await shown(page, '.nut-overlay').tap({ position: { x: 20, y: 20 } });
    await dialog.locator('.checkin-qr').waitFor({ state: 'hidden' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await bothModes(page, 'registration-code-02-slips');
  });

  it('should keep the slip form’s banner while a field is wrong and take it down once all are right', async () => {
    const page = await phonePage();
    await logInInBrowser(page, UNIT_ADMIN, /pages\/unit\/slips/);
    await shown(page, '.slip-card').first().waitFor({ timeout: 20_000 });
    await shown(page, '.slips__top .nut-button').tap();
    await shown(page, '.slips__form .nut-button').filter({ hasText: '开具报到单' }).tap();
    const banner = shown(page, '.slips__form .dy-form-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toBe('请按红字提示修改后再提交');
    const form = shown(page, '.slips__form');
    expect(await form.locator('.form-row').filter({ hasText: '报到社区' }).locator('.field-error').innerText()).toBe('请选择报到社区');
    await page.screenshot({ path: screenshotPath('registration-code-03-slip-form-errors') });

    await shown(page, 'input[name="memberName"]').fill('测试横幅');
    await shown(page, 'input[name="memberPhone"]').fill('19900004999');
    await shown(page, '.slips__form .choice-chips__chip').filter({ hasText: '幸福社区' }).tap();
    expect(await banner.count()).toBe(1); // 报到截止日期 is still empty
    await shown(page, 'input[name="reportBy"]').fill('2099-12-31');
    await banner.waitFor({ state: 'hidden' });
    expect(await form.locator('.field-error').count()).toBe(0);
    await shown(page, '.slips__form .nut-button').filter({ hasText: '取消' }).tap();
  });

  it('should fill the unit and the community from a code typed with 0 for O, in lower case, with a space', async () => {
    const page = await phonePage();
    await page.goto(`${gatewayUrl()}#/pages/join/register/index`, { waitUntil: 'networkidle' });
    const box = shown(page, '#field-slipCode');
    await box.waitFor({ timeout: 20_000 });
    expect(await box.locator('input').getAttribute('placeholder')).toBe('例如 ABCD2345');
    expect(await box.innerText()).toContain('报到码');
    await bothModes(page, 'registration-code-04-code-box');

    await box.locator('input').fill('h0me 2468');
    await box.locator('.nut-button').filter({ hasText: '使用' }).tap();
    const slip = shown(page, '.register__slip');
    await slip.waitFor({ timeout: 20_000 });
    expect(await slip.innerText()).toContain(`报到单 ${OLD_CODE}`);
    expect(await slip.innerText()).toContain('幸福社区');
    expect(await shown(page, '#field-name input').inputValue()).toBe('何伟');
    expect(await shown(page, '#field-communityId').innerText()).toContain('幸福社区');
    expect(await shown(page, '#field-unitId').innerText()).toMatch(/单位/);
    await page.screenshot({ path: screenshotPath('registration-code-05-filled-from-code') });

    // The slip stays with the draft across a reload.
    await shown(page, '#field-gender .register__chip').filter({ hasText: '男' }).tap();
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, '.register__slip').filter({ hasText: OLD_CODE }).waitFor({ timeout: 20_000 });

    // A code nobody issued is refused under the box, as labelled.
    await shown(page, '.register__slip .nut-button').filter({ hasText: '改填其他报到码' }).tap();
    await shown(page, '#field-slipCode input').fill('ZZZZ 9999');
    await shown(page, '#field-slipCode .nut-button').filter({ hasText: '使用' }).tap();
    expect(await shown(page, '#field-slipCode .field-error').innerText()).toBe('找不到该报到单，请核对报到码');
  });

  it('should take the registration form’s banner down once the last field in error is fixed', async () => {
    const page = await phonePage();
    await page.goto(`${gatewayUrl()}#/pages/join/register/index?slip=${OLD_CODE}`, { waitUntil: 'networkidle' });
    await shown(page, '.register__slip').waitFor({ timeout: 20_000 });
    // A draft complete but for the password a logged-out member sets.
    await page.evaluate((draft) => localStorage.setItem('dyg.registration-draft', JSON.stringify({ data: draft })), {
      name: '何伟', gender: '男', ethnicity: '汉族', birthMonth: '1986-05', education: '本科', health: '', memberType: 'in_service',
      joinedPartyMonth: '2010-07', unitId: '', workUnit: '', jobTitle: '', unitAddress: '', unitPhone: '', homeAddress: '幸福小区2栋301室',
      phone: '19900003002', communityId: '', gridId: '', skills: '', hobbies: '', intentions: {}, posts: ['政策法规宣传岗'],
      availability: { sat: ['morning'] }, willingLongTerm: true, willingOtherServices: true, idNumber: '', slipCode: OLD_CODE,
    });
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, '.register__draft').waitFor({ timeout: 20_000 });
    await shown(page, '.register__actions .nut-button').tap();
    const banner = shown(page, '.dy-form-banner');
    await banner.waitFor();
    expect(await banner.allInnerTexts()).toEqual(['请按红字提示修改后再提交']);
    expect(await shown(page, '#field-password .field-error').innerText()).toBe('请填写登录密码');
    expect(await shown(page, '#field-phoneCode .field-error').innerText()).toBe('验证码须为6位数字');
    await shown(page, '#field-password input').fill('hewei-2026');
    expect(await banner.allInnerTexts()).toEqual(['请按红字提示修改后再提交']);
    await shown(page, '#field-phoneCode input').fill('123456');
    await banner.waitFor({ state: 'hidden' });
  });

  it('should narrow the secretary’s 登记表 by name and by phone tail, and go back from 待确认报到', async () => {
    const page = await phonePage();
    await logInInBrowser(page, SECRETARY, /pages\/secretary/);
    await shown(page, '.role-tab-bar__item').filter({ hasText: '党员' }).tap();
    await page.waitForURL(/pages\/secretary\/member-register/);
    const cards = shown(page, '.register-card');
    await cards.first().waitFor({ timeout: 20_000 });
    await shown(page, '.status-tabs__item').filter({ hasText: '全部' }).tap();
    await shown(page, '.member-register__count').filter({ hasText: /^共 \d+ 人/ }).waitFor();
    const everyone = Number(/共 (\d+) 人/.exec(await shown(page, '.member-register__count').innerText())![1]);

    const search = shown(page, '.member-register__search input');
    await search.fill('1001');
    await shown(page, '.member-register__count').filter({ hasText: '找到 1 人' }).waitFor({ timeout: 20_000 });
    expect(await cards.count()).toBe(1);
    const name = (await cards.first().locator('.dy-card__title').innerText()).replace(/^\d+\.\s*/, '');
    await bothModes(page, 'registration-code-06-register-search');

    await search.fill(name.slice(0, 3));
    await shown(page, '.member-register__search .nut-button').filter({ hasText: '搜索' }).tap();
    await shown(page, '.member-register__count').filter({ hasText: /^找到 \d+ 人/ }).waitFor({ timeout: 20_000 });
    const found = Number(/找到 (\d+) 人/.exec(await shown(page, '.member-register__count').innerText())![1]);
    expect(found).toBeGreaterThanOrEqual(1);
    expect(found).toBeLessThan(everyone);
    for (const title of await cards.locator('.dy-card__title').allInnerTexts()) expect(title).toContain(name.slice(0, 3));

    await search.fill('没有这个人');
    await shown(page, '.page-shell__body').getByText('没有找到「没有这个人」').waitFor({ timeout: 20_000 });
    await shown(page, '.nut-button').filter({ hasText: '清除搜索' }).tap();
    await shown(page, '.member-register__count').filter({ hasText: `共 ${everyone} 人` }).waitFor({ timeout: 20_000 });

    await shown(page, '.member-register__pending').tap();
    await page.waitForURL(/pages\/secretary\/registrations/);
    const back = shown(page, '.page-shell__back');
    await back.waitFor({ timeout: 20_000 });
    expect(await back.count()).toBe(1);
    expect(await back.innerText()).toContain('返回');
    await shown(page, '.reg-card').first().waitFor({ timeout: 20_000 });
    await bothModes(page, 'registration-code-07-registrations');
    await back.tap();
    await page.waitForURL(/pages\/secretary\/member-register/);

    // Opened from its address with no page behind it, it offers the way home instead.
    const direct = await page.context().newPage();
    await direct.goto(`${gatewayUrl()}#/pages/secretary/registrations/index`, { waitUntil: 'networkidle' });
    const home = shown(direct, '.page-shell__back');
    await home.waitFor({ timeout: 20_000 });
    expect(await home.innerText()).toContain('首页');
    await home.tap();
    await direct.waitForURL(/pages\/secretary\/needs/);
  });

  it('should narrow the district’s org tree by name and show the units’ 在职党员 with its definition', async () => {
    const page = await phonePage();
    await logInInBrowser(page, DISTRICT_ADMIN, /pages\/district/);
    await page.goto(`${gatewayUrl()}#/pages/district/org/index`, { waitUntil: 'networkidle' });
    const communities = page.locator('.org-card--community >> visible=true');
    await communities.first().waitFor({ timeout: 20_000 });
    expect(await communities.count()).toBeGreaterThan(1);
    await shown(page, '.dy-search input').fill('光明');
    await shown(page, '.district__summary').filter({ hasText: '找到 1 个街道中的 1 个社区' }).waitFor({ timeout: 10_000 });
    expect(await communities.locator('.org-card__name').allInnerTexts()).toEqual(['光明社区']);
    await bothModes(page, 'registration-code-08-org-search');
    await shown(page, '.dy-search input').fill('没有这个社区');
    await shown(page, '.dy-empty-state').getByText('没有找到含「没有这个社区」的组织').waitFor({ timeout: 10_000 });
    await shown(page, '.dy-empty-state .nut-button').filter({ hasText: '清除搜索' }).tap();
    await communities.nth(1).waitFor();

    await shown(page, '.role-tab-bar__item').filter({ hasText: '单位' }).tap();
    await page.waitForURL(/pages\/district\/units/);
    await shown(page, '.district__definition').filter({ hasText: '在职党员：本单位在岗的正式党员和预备党员' }).waitFor({ timeout: 20_000 });
    expect(await shown(page, '.org-card__counts').first().innerText()).toMatch(/在职党员 \d+ 名（已报到 \d+ 名）/);
    await bothModes(page, 'registration-code-09-district-units');
    expect(errors).toEqual([]);
  });
});
