import { spawnSync } from 'node:child_process';
import type { Browser, BrowserContext } from 'playwright-core';
import { bothModes, clipboardPhonePage, copiedText, DEMO, downloaded, gatewayUrl, launchChromium, logInInBrowser, screenshotPath, shown } from './browser';

// The papers of issue 14 at 375×812: the unit's shared 报到单 link opened on a member's phone fills the registration
// with the code; 打印报到单 downloads the 附件1 PDF; the assessment pages' 导出 Excel download their workbooks.
const { unitAdmin: UNIT_ADMIN, secretary: SECRETARY, districtAdmin: DISTRICT_ADMIN } = DEMO;
/** The demo's 何伟 holds a slip of the demo unit, not yet used. */
const CODE = 'HOME2468';

describe('报到单 link, 报到单 PDF and the assessment exports in the H5 build', () => {
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

  it('should open the registration with the code filled in from the link the unit shares', async () => {
    const unitPage = await phonePage();
    await logInInBrowser(unitPage, UNIT_ADMIN, /pages\/unit\/slips/);
    const card = shown(unitPage, '.slip-card').filter({ hasText: '何伟' });
    await card.waitFor({ timeout: 20_000 });
    await card.locator('.nut-button').filter({ hasText: '复制报到链接' }).tap();
    await unitPage.getByText('已复制报到链接').first().waitFor();
    const link = /https?:\/\/\S+/.exec(await copiedText(unitPage))?.[0];
    expect(link).toBe(`${gatewayUrl()}#/pages/join/register/index?slip=${CODE}`);

    // The member, not logged in, on a phone of their own.
    const memberPage = await phonePage();
    await memberPage.goto(link!, { waitUntil: 'networkidle' });
    const slip = shown(memberPage, '.register__slip');
    await slip.waitFor({ timeout: 20_000 });
    expect(await slip.innerText()).toContain(`报到单 ${CODE}`);
    expect(await slip.innerText()).toContain('幸福社区');
    expect(await shown(memberPage, '#field-name input').inputValue()).toBe('何伟');
    expect(await shown(memberPage, '#field-communityId').innerText()).toContain('幸福社区');
    await memberPage.screenshot({ path: screenshotPath('slip-papers-01-opened-from-link') });
  });

  it('should download the 报到单 as a PDF to print, with the code and the page it opens', async () => {
    const page = await phonePage();
    await logInInBrowser(page, UNIT_ADMIN, /pages\/unit\/slips/);
    const card = shown(page, '.slip-card').filter({ hasText: '何伟' });
    await card.waitFor({ timeout: 20_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await bothModes(page, 'slip-papers-02-slips');
    const file = await downloaded(page, () => card.locator('.slip-card__print').tap());
    expect(file.name).toBe(`在职党员社区报到单-何伟-${CODE}.pdf`);
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spawnSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: file.bytes }).stdout.toString('utf8').replace(/\s+/g, '');
    for (const words of ['在职党员社区报到单', '何伟', `报到码：${CODE}`, `pages/join/register/index?slip=${CODE}`, '在职党员社区报到回执单']) expect(text).toContain(words);
  });

  it('should download 考核达标 and the community’s own rates as Excel for the secretary', async () => {
    const page = await phonePage();
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await page.goto(`${gatewayUrl()}#/pages/assessment/compliance/index`, { waitUntil: 'networkidle' });
    const buttons = shown(page, '.assessment-export');
    await buttons.waitFor({ timeout: 20_000 });
    await bothModes(page, 'slip-papers-03-compliance-export');
    const list = await downloaded(page, () => buttons.locator('.assessment-export__button--compliance').tap());
    expect(list.name).toMatch(/^党员考核达标情况-幸福社区-\d{4}\.xlsx$/);
    expect(list.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const rates = await downloaded(page, () => buttons.locator('.assessment-export__button--rates').tap());
    expect(rates.name).toMatch(/^组织考核比率-幸福社区-\d{4}\.xlsx$/);
  });

  it('should download the unit’s standing and the district’s rates as Excel', async () => {
    const unitPage = await phonePage();
    await logInInBrowser(unitPage, UNIT_ADMIN, /pages\/unit\/slips/);
    await unitPage.goto(`${gatewayUrl()}#/pages/assessment/unit-standing/index`, { waitUntil: 'networkidle' });
    await shown(unitPage, '.assessment-export').waitFor({ timeout: 20_000 });
    const standing = await downloaded(unitPage, () => shown(unitPage, '.assessment-export__button--compliance').tap());
    expect(standing.name).toMatch(/^党员考核达标情况-.+-\d{4}\.xlsx$/);

    const districtPage = await phonePage();
    await logInInBrowser(districtPage, DISTRICT_ADMIN, /pages\/district\/org/);
    await districtPage.goto(`${gatewayUrl()}#/pages/assessment/district-rates/index`, { waitUntil: 'networkidle' });
    await shown(districtPage, '.assessment-export').waitFor({ timeout: 20_000 });
    await bothModes(districtPage, 'slip-papers-04-district-rates-export');
    const rates = await downloaded(districtPage, () => shown(districtPage, '.assessment-export__button--rates').tap());
    expect(rates.name).toMatch(/^组织考核比率-示例区-\d{4}\.xlsx$/);
    expect(errors).toEqual([]);
  });
});
