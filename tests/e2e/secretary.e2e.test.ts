import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import qrcode from 'qrcode-generator';
import type { Browser, Page } from 'playwright-core';
import { makeCheckinCode } from '@core/checkin/checkin-code';
import { callGateway, gatewayUrl, launchChromium, logInInBrowser, newPhone, screenshotPath, phonePage } from './browser';

const SECRETARY = { phone: '19900000001', password: 'demo1234' };
const MEMBER = { phone: '19900001001', password: 'demo1234' };
const DEMO_ORDER_TITLE = '统一活动日·楼道杂物清理';


const login = async (account: { phone: string; password: string }) =>
  (await callGateway<{ token: string }>('auth', 'login', account)).token;

/** A Y4M clip (what Chromium's fake camera plays) of the QR code of `text`, black 16 on white 235. */
function writeQrVideo(text: string, file: string): void {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = 320;
  const modules = qr.getModuleCount();
  const quiet = 4;
  const scale = Math.floor(size / (modules + quiet * 2));
  const offset = Math.floor((size - modules * scale) / 2);
  const luma = Buffer.alloc(size * size, 235);
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (!qr.isDark(row, col)) continue;
      for (let y = 0; y < scale; y += 1) luma.fill(16, (offset + row * scale + y) * size + offset + col * scale, (offset + row * scale + y) * size + offset + (col + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 30 }, () => frame)]));
}

describe('the secretary (书记) pages in the H5 build', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
  });
  afterAll(async () => browser.close());

  it('should log in and land in the needs pool with the waiting needs', async () => {
    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await page.locator('.pool-card').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('secretary-needs') });
  });

  it('should ask for a reason and reject a need with it', async () => {
    const card = page.locator('.pool-card').first();
    const description = (await card.locator('.pool-card__description').textContent()) ?? '';
    await card.locator('.nut-button').filter({ hasText: '驳回' }).tap();
    const dialog = page.locator('.nut-dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('.nut-button').filter({ hasText: '驳回' }).tap();
    await dialog.getByText('请写明原因').waitFor({ state: 'visible' });
    await dialog.locator('textarea').fill('属于物业维修范围，已转交物业公司处理');
    await page.screenshot({ path: screenshotPath('secretary-reject-dialog') });
    await dialog.locator('.nut-button').filter({ hasText: '驳回' }).tap();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.pool-card__description').filter({ hasText: description }).waitFor({ state: 'detached' });

    await page.locator('.status-tabs__item').filter({ hasText: '未受理' }).tap();
    const rejected = page.locator('.pool-card').filter({ hasText: description });
    await rejected.getByText('驳回原因：属于物业维修范围，已转交物业公司处理').waitFor({ state: 'visible' });
    await page.locator('.status-tabs__item').filter({ hasText: '待受理' }).tap();
    await page.locator('.pool-card').first().waitFor();
  });

  it('should turn a need into a directed order with members from the recommendation', async () => {
    const card = page.locator('.pool-card').first();
    const description = (await card.locator('.pool-card__description').textContent()) ?? '';
    await card.locator('.nut-button').filter({ hasText: '转为订单' }).tap();
    await page.waitForURL(/pages\/secretary\/create-order/);
    await page.locator('.create-order__need-text').filter({ hasText: description }).waitFor();
    await page.locator('.member-picker__item').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.member-picker__reason').count()).toBeGreaterThan(0);

    const first = page.locator('.member-picker__item').nth(0);
    const second = page.locator('.member-picker__item').nth(1);
    const names = [await first.locator('.member-picker__name').textContent(), await second.locator('.member-picker__name').textContent()];
    await first.locator('.member-picker__name').tap();
    await second.locator('.member-picker__name').tap();
    await page.screenshot({ path: screenshotPath('secretary-create-order'), fullPage: true });
    await page.locator('.nut-button').filter({ hasText: '派单给 2 名党员' }).tap();

    await page.waitForURL(/pages\/secretary\/order-detail/, { timeout: 20_000 });
    await page.getByText('定向派单').first().waitFor();
    for (const name of names) {
      await page.locator('.order-detail__person').filter({ hasText: name ?? '' }).getByText('待答复').waitFor();
    }
    await page.waitForTimeout(600); // the page's slide-in
    await page.screenshot({ path: screenshotPath('secretary-order-detail') });
    expect(errors).toEqual([]);
  });

  it('should record a need a resident phoned in, which then waits in the pool', async () => {
    await page.goto(`${gatewayUrl()}#/pages/secretary/needs/index`, { waitUntil: 'networkidle' });
    await page.locator('.needs-pool__actions .nut-button').filter({ hasText: '代居民登记' }).tap();
    await page.waitForURL(/pages\/secretary\/record-need/);
    await page.locator('.create-order__chip').filter({ hasText: '电话' }).tap();
    await page.locator('input[name="requesterName"]').fill('王大爷');
    await page.locator('input[name="contactPhone"]').fill('13800000000');
    await page.locator('.create-order__select').tap();
    const confirm = page.locator('.nut-picker-confirm-btn').filter({ visible: true }).first();
    await confirm.waitFor({ state: 'visible' });
    await page.waitForTimeout(600); // the wheel settles after the slide-up
    await confirm.tap();
    await page.locator('.create-order__select').filter({ hasText: '医疗卫生服务' }).waitFor();
    await page.locator('.create-order textarea').fill('独居老人，想请党员上门陪着聊聊天');
    await page.locator('input[name="address"]').fill('幸福小区1栋101');
    await page.screenshot({ path: screenshotPath('secretary-record-need') });
    await page.locator('.nut-button').filter({ hasText: '登记到需求池' }).tap();
    await page.waitForURL(/pages\/secretary\/needs/, { timeout: 20_000 });
    const card = page.locator('.pool-card').filter({ hasText: '独居老人，想请党员上门陪着聊聊天' });
    await card.getByText('电话登记', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('scanning a member check-in code with the camera, and offline', () => {
  let browser: Browser;
  const errors: string[] = [];
  const clipDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-camera-'));

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(clipDir, { recursive: true, force: true });
  });

  it('should check the member in from the camera, then keep an offline scan and upload it when back online', async () => {
    const memberToken = await login(MEMBER);
    const device = await callGateway<{ deviceId: string; secretHex: string; memberName: string }>('checkin', 'issueDeviceSecret', {}, memberToken);
    const tasks = await callGateway<{ items: { id: string; title: string }[] }>('orders', 'listMine', { page: { limit: 50, offset: 0 } }, memberToken);
    const order = tasks.items.find((item) => item.title === DEMO_ORDER_TITLE);
    expect(order).toBeDefined();

    const clip = path.join(clipDir, 'qr.y4m');
    writeQrVideo(makeCheckinCode(device, new Date()), clip);
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`]);
    const context = await newPhone(browser);
    await context.grantPermissions(['camera']);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));

    await logInInBrowser(page, SECRETARY, /pages\/secretary\/needs/);
    await page.goto(`${gatewayUrl()}#/pages/secretary/scanner/index?orderId=${order!.id}`, { waitUntil: 'networkidle' });

    const verdict = page.locator('.scan-result');
    await verdict.locator('.scan-result__headline').filter({ hasText: '签到成功' }).waitFor({ timeout: 30_000 });
    await verdict.locator('.scan-result__name').filter({ hasText: device.memberName }).waitFor();
    await page.screenshot({ path: screenshotPath('secretary-scanner-checked-in') });

    // Offline, as 签退 (a second automatic scan this soon would be taken for a double scan): a second code
    // (the next 30-second step, so not a replay) is kept with its scan time.
    await page.locator('.scanner__intent-option >> visible=true').filter({ hasText: '只签退' }).tap();
    await context.setOffline(true);
    await page.waitForTimeout(2500);
    const input = page.locator('.scanner__manual-input input');
    await input.fill(makeCheckinCode(device, new Date(Date.now() + 30_000)));
    await page.locator('.scanner__manual .nut-button').filter({ hasText: '提交' }).tap();
    await verdict.locator('.scan-result__headline').filter({ hasText: '已离线保存' }).waitFor();
    await page.getByText('待上传 1 条').waitFor();
    await page.screenshot({ path: screenshotPath('secretary-scanner-offline') });

    await context.setOffline(false);
    await page.getByText('已上传 1 条离线扫码').waitFor({ timeout: 20_000 });
    await page.getByText(/待上传 \d+ 条/).waitFor({ state: 'detached' });
    // The big card now shows the kept scan's verdict: the member checked out.
    await verdict.locator('.scan-result__headline').filter({ hasText: '签退' }).waitFor();
    await verdict.locator('.scan-result__name').filter({ hasText: device.memberName }).waitFor();
    await page.screenshot({ path: screenshotPath('secretary-scanner-uploaded') });

    // A refusal shows the server's reason in words, in red.
    await page.waitForTimeout(2500);
    await input.fill('DY1.not-a-code');
    await page.locator('.scanner__manual .nut-button').filter({ hasText: '提交' }).tap();
    await page.locator('.scan-result--refused').getByText('不是有效的签到码（签名不符）', { exact: false }).waitFor();

    const secretaryToken = await login(SECRETARY);
    const attendance = await callGateway<{ members: { name: string; checkedInAt: string | null; checkedOutAt: string | null }[] }>(
      'checkin', 'attendance', { orderId: order!.id }, secretaryToken,
    );
    const row = attendance.members.find((member) => member.name === device.memberName);
    expect(row?.checkedInAt).toBeTruthy();
    expect(row?.checkedOutAt).toBeTruthy();
    expect(errors).toEqual([]);
  });
});
