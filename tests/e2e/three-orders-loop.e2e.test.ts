import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import qrcode from 'qrcode-generator';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseCheckinCode } from '@core/checkin/checkin-code';
import { gatewayUrl, launchChromium, logInInBrowser, newPhone, screenshotPath, shown, phonePage } from './browser';

const RESIDENT = { phone: '19900002001', password: 'demo1234' };
const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234', name: '党员张一' };

const tapButton = (page: Page, text: string | RegExp) => shown(page, '.nut-button').filter({ hasText: text }).first().tap();
const tab = (page: Page, text: string) => shown(page, '.role-tab-bar__item').filter({ hasText: text }).tap();

/** Writes a Y4M clip (what Chromium's fake camera plays) showing the QR code of `text` to `file`. */
function writeQrVideo(file: string, text: string): void {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = 320;
  const modules = qr.getModuleCount();
  const scale = Math.floor(size / (modules + 8));
  const offset = Math.floor((size - modules * scale) / 2);
  const luma = Buffer.alloc(size * size, 235);
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (!qr.isDark(row, col)) continue;
      for (let y = 0; y < scale; y += 1) {
        const line = (offset + row * scale + y) * size;
        luma.fill(16, line + offset + col * scale, line + offset + (col + 1) * scale);
      }
    }
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, Buffer.alloc((size * size) / 2, 128)]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`), ...Array(30).fill(frame)]));
}

/** The secretary's phone with a camera that sees `code`: log in, open the scanner on the order, wait for the verdict. */
/**
 * Opens the scanner with a fake camera showing the member's code. The code is read only once the secretary's
 * phone is logged in (`code` may wait for the member's next one), so that it is still fresh when the camera sees it.
 * With `refusedFirst`, the first reading is expected to be refused with those words, and the secretary answers by
 * choosing 签退 from the verdict card.
 */
async function scanWithCamera(
  code: () => Promise<string>,
  orderId: string,
  expected: RegExp,
  shot: string,
  refusedFirst?: RegExp,
): Promise<void> {
  const video = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-loop-camera-')), 'qr.y4m');
  writeQrVideo(video, 'not yet');
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    const context = await newPhone(browser);
    await context.grantPermissions(['camera']);
    const page = await context.newPage();
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    writeQrVideo(video, await code());
    await page.goto(`${gatewayUrl()}#/pages/secretary/scanner/index?orderId=${orderId}`, { waitUntil: 'networkidle' });
    const verdict = shown(page, '.scan-result');
    if (refusedFirst) {
      await verdict.locator('.scan-result__headline').filter({ hasText: refusedFirst }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: screenshotPath(`${shot}-refused`) });
      await verdict.locator('.nut-button').filter({ hasText: '改为签退，再扫一次' }).tap();
    }
    await verdict.locator('.scan-result__headline').filter({ hasText: expected }).waitFor({ timeout: 30_000 });
    await verdict.locator('.scan-result__name').filter({ hasText: MEMBER.name }).waitFor();
    await page.screenshot({ path: screenshotPath(shot) });
  } finally {
    await browser.close();
    fs.rmSync(path.dirname(video), { recursive: true, force: true });
  }
}

describe('the 三单 loop through four phones: resident, secretary, member, and the secretary’s camera', () => {
  let browser: Browser;
  const phones: Record<'resident' | 'secretary' | 'member', { context: BrowserContext; page: Page }> = {} as never;
  const errors: string[] = [];
  const description = `客厅顶灯不亮，换了灯泡也不行（联调${Date.now().toString(36)}）`;
  const title = `上门检修顶灯（联调${Date.now().toString(36)}）`;
  let orderId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    for (const role of ['resident', 'secretary', 'member'] as const) {
      phones[role] = await phonePage(browser, errors, role);
    }
  });
  afterAll(async () => browser.close());

  it('should let the resident post a need (群众点单)', async () => {
    const { page } = phones.resident;
    await logInInBrowser(page, RESIDENT, /pages\/resident\/my-needs/);
    await tab(page, '我要点单');
    await page.waitForURL(/pages\/resident\/post-need/);
    await shown(page, '.post-need .choice-chips__chip').filter({ hasText: '上门维修' }).tap();
    await shown(page, '.post-need textarea').fill(description);
    await shown(page, 'input[name=address]').fill('幸福小区10栋301室');
    await shown(page, 'input[name=contactPhone]').fill('13800138000');
    await tapButton(page, '提交需求');
    await page.waitForURL(/pages\/resident\/my-needs/, { timeout: 20_000 });
    await shown(page, '.need-card').filter({ hasText: description }).waitFor({ timeout: 15_000 });
  });

  it('should let the secretary turn it into an order sent to the member, starting now (党组织下单)', async () => {
    const { page } = phones.secretary;
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    const card = shown(page, '.pool-card').filter({ hasText: description });
    await card.waitFor({ timeout: 20_000 });
    await card.locator('.nut-button').filter({ hasText: '转为订单' }).tap();
    await page.waitForURL(/pages\/secretary\/create-order/);
    await shown(page, 'input[name=title]').fill(title);
    await shown(page, '.create-order__soon').tap();
    const member = shown(page, '.member-picker__item').filter({ hasText: MEMBER.name });
    await member.waitFor({ timeout: 20_000 });
    await member.locator('.member-picker__name').tap();
    await tapButton(page, '派单给 1 名党员');
    await page.waitForURL(/pages\/secretary\/order-detail/, { timeout: 20_000 });
    orderId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(orderId).toMatch(/^[0-9a-f-]{36}$/);
    await shown(page, '.order-detail__person').filter({ hasText: MEMBER.name }).getByText('待答复').waitFor();
    await shown(page, '.order-detail').getByText(title).first().waitFor();
  });

  it('should let the member accept it and show a check-in code (党员接单)', async () => {
    const { page } = phones.member;
    await logInInBrowser(page, MEMBER, /pages\/member\/order-hall/);
    const invitation = shown(page, '.order-card').filter({ hasText: title });
    await invitation.waitFor({ timeout: 20_000 });
    await invitation.getByText('定向邀请').waitFor();
    await invitation.tap();
    await page.waitForURL(/pages\/member\/order-detail/);
    await tapButton(page, /^接单$/);
    await shown(page, '.nut-dialog').locator('.nut-button').filter({ hasText: '确认接单' }).tap();
    await shown(page, '.member-order').getByText(/已接单/).waitFor({ timeout: 15_000 });

    await page.goBack();
    await tab(page, '签到码');
    await page.waitForURL(/pages\/member\/checkin-code/);
    const qr = shown(page, '[data-code]');
    await qr.waitFor({ timeout: 15_000 });
    expect(parseCheckinCode((await qr.getAttribute('data-code')) ?? '')).not.toBeNull();
  });

  it('should check the member in, refuse the next code as a double scan, and check out when the secretary chooses 签退', async () => {
    const { page } = phones.member;
    const shownCode = async () => (await shown(page, '[data-code]').getAttribute('data-code')) ?? '';
    let checkInCode = '';
    await scanWithCamera(async () => (checkInCode = await shownCode()), orderId, /签到成功/, 'loop-camera-check-in');
    // The next code (a new 30-second step, so not a replay of the first), a minute or less after check-in.
    const nextCode = async () => {
      await page.waitForFunction((previous) => document.querySelector('[data-code]')?.getAttribute('data-code') !== previous, checkInCode, {
        timeout: 35_000,
      });
      return shownCode();
    };
    await scanWithCamera(nextCode, orderId, /签退成功/, 'loop-camera-check-out', /刚签到不到10分钟/);
  });

  it('should show the service on the member’s hours page', async () => {
    const { page } = phones.member;
    await tab(page, '我的时长');
    await page.waitForURL(/pages\/member\/my-hours/);
    const record = shown(page, '.record-card').filter({ hasText: title });
    await record.waitFor({ timeout: 15_000 });
    await record.getByText('扫码签到').waitFor();
    await page.screenshot({ path: screenshotPath('loop-member-hours') });
  });

  it('should let the resident confirm and rate the service, and show the rating (一事一评)', async () => {
    const { page } = phones.resident;
    await page.goto(`${gatewayUrl()}#/pages/resident/my-needs/index`, { waitUntil: 'networkidle' });
    await shown(page, '.need-card').filter({ hasText: description }).tap();
    await page.waitForURL(/pages\/resident\/need-detail/);
    await shown(page, '.need-detail__rating').filter({ hasText: /^满意$/ }).tap();
    await shown(page, '.need-detail__comment textarea').fill('来得很快，顶灯修好了');
    await tapButton(page, '确认服务已完成并提交评价');
    await shown(page, '.need-detail__rated .dy-card__title').filter({ hasText: '我的评价：满意' }).waitFor({ timeout: 15_000 });
    await shown(page, '.need-detail').getByText('已确认并评价').first().waitFor();
    await page.screenshot({ path: screenshotPath('loop-resident-rated') });
    expect(errors).toEqual([]);
  });
});
