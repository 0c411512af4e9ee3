import type { Page } from 'playwright-core';
import { demoPhotoPng } from '../../gateway/demo-photo';
import { bothModes, callGateway, DEMO, downloaded, gatewayUrl, logInInBrowser, phonePerTest, screenshotPath, shown, tapButton, toastGone, turnElderMode } from './browser';

// 活动简讯: the demo secretary finds the activity waiting for its 简讯 (待提交简讯 on 订单), opens it from the order's
// detail, writes it (a reload keeps what was typed), adds photos with the file chooser (a text file refused with the
// action's words, a large one made smaller first) and removes one, submits,
// reloads and sees it kept, and exports the PDF. The demo's submitted 简讯 shows its photo to the member who served.
const phone = phonePerTest();

const briefPage = (page: Page) => shown(page, '.activity-brief').first();

async function openOrders(page: Page) {
  await page.goto(`${gatewayUrl()}#/pages/secretary/orders/index`, { waitUntil: 'networkidle' });
  await shown(page, '.orders-list').first().waitFor({ timeout: 20_000 });
}

/** The whole page, from its top, in normal mode and in 长辈模式 (ending in normal mode). */
async function wholePage(page: Page, name: string) {
  await page.waitForTimeout(1600); // the 已提交 toast fades
  await toastGone(page);
  await page.evaluate(() => document.querySelectorAll('*').forEach((element) => element.scrollTop > 0 && element.scrollTo(0, 0)));
  await bothModes(page, name);
  for (const elder of [false, true]) {
    await turnElderMode(page, elder);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath(`${name}${elder ? '-elder' : ''}-full`), fullPage: true });
  }
  await turnElderMode(page, false);
}

/** The photos on screen that have loaded (the gateway served the bytes and the browser drew them). */
const loadedPhotos = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.activity-brief__image img'))
      .filter((image) => (image as HTMLElement).checkVisibility())
      .filter((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0).length,
  );

describe('活动简讯 in the H5 build', () => {
  it('should let the secretary write a waiting 简讯 with photos, keep it across a reload, submit it and export the PDF', async () => {
    const { page, errors } = phone;
    await logInInBrowser(page, DEMO.secretary, /pages\/secretary\/needs/);
    await openOrders(page);
    const dueButton = shown(page, '.orders-list__briefs-due');
    await dueButton.waitFor({ timeout: 20_000 });
    const waiting = Number(/^待提交简讯 (\d+)$/.exec((await dueButton.innerText()).trim())![1]);
    await dueButton.tap();
    await page.waitForURL(/pages\/activities\/briefs-due\/index/);
    const first = shown(page, '.briefs-due__card').first();
    await first.waitFor({ timeout: 20_000 });
    const title = (await first.locator('.dy-card__title').innerText()).trim();
    await first.tap();
    await page.waitForURL(/pages\/activities\/brief\/index\?orderId=/);
    const orderId = decodeURIComponent(/orderId=([^&]+)/.exec(page.url())![1]);

    // The same 简讯 from the order's detail.
    await page.goto(`${gatewayUrl()}#/pages/secretary/order-detail/index?id=${orderId}`, { waitUntil: 'networkidle' });
    await tapButton(page, '活动简讯');
    await page.waitForURL(/pages\/activities\/brief\/index\?orderId=/);
    await briefPage(page).waitFor({ timeout: 20_000 });
    await shown(page, '.dy-card__title').getByText(title, { exact: true }).first().waitFor();
    await shown(page, '.dy-status-tag').getByText(/待提交|即将到期|已逾期/).first().waitFor();
    expect(await shown(page, '.activity-brief .dy-info-row__label').allInnerTexts()).toEqual(expect.arrayContaining(['时间', '地点', '社区']));
    // The participants come from the service records before anything is written.
    expect(await shown(page, '.dy-card__title').getByText(/参加人员名单（[1-9]\d* 人）/).count()).toBe(1);

    // Typed, then the page reloaded before submitting: the text is still there, said so.
    const text = '组织党员义工清理小区公共区域，共清运垃圾二十袋，居民纷纷点赞。';
    const area = shown(page, '.activity-brief__text textarea').first();
    await area.fill(text);
    await shown(page, '.activity-brief').getByText(`${text.length}/1000`).waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    await briefPage(page).waitFor({ timeout: 20_000 });
    await shown(page, '.dy-draft-notice').getByText('已恢复您上次没保存的简讯').waitFor();
    expect(await shown(page, '.activity-brief__text textarea').first().inputValue()).toBe(text);

    const choose = async (files: { name: string; mimeType: string; buffer: Buffer }[]) => {
      const chooser = page.waitForEvent('filechooser');
      await tapButton(page, '添加照片');
      await (await chooser).setFiles(files);
    };
    // A file named .png that is no picture at all, then a GIF (a picture, but not one we keep): said under 照片, the
    // second in the action's own words; nothing added.
    await choose([{ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('这不是照片') }]);
    await shown(page, '.activity-brief').getByText('没能打开这个文件，请选择 JPG 或 PNG 格式的照片').waitFor({ timeout: 20_000 });
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    await choose([{ name: 'dot.gif', mimeType: 'image/gif', buffer: gif }]);
    await shown(page, '.activity-brief').getByText('照片须是 JPG 或 PNG 图片').waitFor({ timeout: 20_000 });
    await shown(page, '.dy-card__title').getByText('照片（0/9 张）').waitFor();
    // A photo over 700 KB is made smaller on the phone before it is sent.
    const large = demoPhotoPng(800, 600, [148, 196, 236], 60);
    expect(large.length).toBeGreaterThan(700 * 1024);
    await choose([{ name: 'large.png', mimeType: 'image/png', buffer: large }]);
    await shown(page, '.dy-card__title').getByText('照片（1/9 张）').waitFor({ timeout: 20_000 });
    expect(await shown(page, '.activity-brief').getByText('照片须是 JPG 或 PNG 图片').count()).toBe(0);
    // Two more at once, then one removed.
    await choose([
      { name: 'first.png', mimeType: 'image/png', buffer: demoPhotoPng(200, 150) },
      { name: 'second.png', mimeType: 'image/png', buffer: demoPhotoPng(150, 200, [250, 220, 160]) },
    ]);
    await shown(page, '.dy-card__title').getByText('照片（3/9 张）').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelectorAll('.activity-brief__image img').length >= 3);
    await page.waitForTimeout(500);
    expect(await loadedPhotos(page)).toBe(3);
    await shown(page, '.activity-brief__remove').nth(2).tap();
    await page.locator('.taro-modal__content').getByText('删除第 3 张照片？').waitFor();
    await page.locator('.taro-model__confirm').click();
    await shown(page, '.dy-card__title').getByText('照片（2/9 张）').waitFor({ timeout: 20_000 });

    await tapButton(page, '提交简讯');
    await page.getByText('简讯已提交').first().waitFor({ timeout: 20_000 });
    await toastGone(page);
    await shown(page, '.dy-status-tag').getByText(/^(已提交|逾期提交)$/).waitFor();
    await wholePage(page, 'activity-brief-secretary');

    await page.reload({ waitUntil: 'networkidle' });
    await briefPage(page).waitFor({ timeout: 20_000 });
    expect(await shown(page, '.activity-brief__text textarea').first().inputValue()).toBe(text);
    expect(await shown(page, '.dy-draft-notice').count()).toBe(0);
    await shown(page, '.dy-card__title').getByText('照片（2/9 张）').waitFor();
    await page.waitForTimeout(500);
    expect(await loadedPhotos(page)).toBe(2);
    await tapButton(page, '保存修改');

    const pdf = await downloaded(page, () => tapButton(page, '导出 PDF'));
    expect(pdf.name).toMatch(/^活动简讯-.+-\d{8}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Written, it is no longer waiting: one fewer on 订单.
    await openOrders(page);
    if (waiting > 1) await shown(page, '.orders-list__briefs-due').getByText(`待提交简讯 ${waiting - 1}`).waitFor({ timeout: 20_000 });
    else {
      await page.waitForTimeout(1500);
      expect(await shown(page, '.orders-list__briefs-due').count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it('should show the demo’s submitted 简讯 read-only, with its photo, to a member of the community from the order’s detail', async () => {
    const { page, errors } = phone;
    const { token } = await callGateway<{ token: string }>('auth', 'login', DEMO.secretary);
    const call = <T = any>(fn: string, action: string, data: unknown) => callGateway<T>(fn, action, data, token);
    // The demo 简讯 is on one of the community's completed activities: find it through the secretary's orders.
    const completed = await call('orders', 'listForCommunity', { page: { limit: 100, offset: 0 }, status: 'completed' });
    let submitted: { orderId: string; participants: { name: string }[] } | null = null;
    for (const order of completed.items.filter((item: { kind: string }) => item.kind === 'activity')) {
      const view = await call('orders', 'brief', { orderId: order.id });
      if (view?.submitted && view.photos.length > 0 && view.text.includes('党员义工') && !view.text.includes('共清运垃圾')) {
        submitted = view;
        break;
      }
    }
    expect(submitted).not.toBeNull();

    await logInInBrowser(page, DEMO.member, /pages\/member\/order-hall/);
    // From the order's detail, as the member opens it.
    await page.goto(`${gatewayUrl()}#/pages/member/order-detail/index?id=${submitted!.orderId}`, { waitUntil: 'networkidle' });
    await tapButton(page, /^活动简讯$/);
    await page.waitForURL(/pages\/activities\/brief\/index\?orderId=/);
    await briefPage(page).waitFor({ timeout: 20_000 });
    await shown(page, '.activity-brief__body').getByText(/党员义工/).waitFor();
    expect(await shown(page, '.activity-brief__text').count()).toBe(0);
    expect(await shown(page, '.activity-brief__remove').count()).toBe(0);
    expect(await shown(page, '.nut-button').filter({ hasText: /提交简讯|保存修改|添加照片/ }).count()).toBe(0);
    await shown(page, '.dy-card__title').getByText('照片（1 张）').waitFor();
    await page.waitForTimeout(500);
    expect(await loadedPhotos(page)).toBe(1);
    await wholePage(page, 'activity-brief-member');
    expect(errors).toEqual([]);
  });
});
