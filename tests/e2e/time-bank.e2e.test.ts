import type { Locator, Page } from 'playwright-core';
import type { MyTimeBank } from '../../src/services/api/time-bank';
import { balanceFigure, signedBankAmount } from '../../src/pages/incentives/time-bank/time-bank-display';
import { DEMO, bothModes, callGateway, gatewayUrl, logInInBrowser, newPhone, phonePerTest, screenshotPath, shown, turnWheel, waitForText } from './browser';

// 存折 after a correction, at 375×812: the secretary corrects one of the demo member's scanned records to end half an
// hour earlier (时长管理 → the order's 时长 → 更正); the member opens 爱心时间银行 and finds the reversal of the old deposit
// (核减) and the new, smaller deposit at the top of the passbook, with the balance after each; normal and 长辈模式.
interface Session { token: string; profile: { userId: string; name: string } }
interface RecordView { id: string; source: 'scan' | 'manual'; startedAt: string; endedAt: string; hoursMeasured: number }
interface OrderHours { order: { id: string }; members: { memberId: string; name: string; record: RecordView | null }[] }

const beijingClock = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);

/** Taps a clock field, turns the wheels to HH:mm and confirms, as the secretary would. */
async function pickClock(page: Page, field: Locator, clock: string) {
  await field.locator('.month-field__box').tap();
  const confirm = shown(page, '.nut-picker-confirm-btn');
  await confirm.waitFor();
  await page.waitForTimeout(600);
  const [hour, minute] = clock.split(':').map(Number);
  await turnWheel(page, 0, hour);
  await turnWheel(page, 1, minute);
  await confirm.tap();
  await confirm.waitFor({ state: 'hidden' });
}

async function openPage(page: Page, route: string) {
  await page.goto(`${gatewayUrl()}#${route}`, { waitUntil: 'networkidle' });
  await page.reload({ waitUntil: 'networkidle' });
}

/** The 存折 as the member sees it: the balance in big type, the reversal and the new deposit at the top. */
async function showsPassbook(page: Page, after: MyTimeBank, reversal: MyTimeBank['lines'][number], deposit: MyTimeBank['lines'][number]) {
  await shown(page, '.time-bank__balance').first().waitFor({ timeout: 20_000 });
  await expect(shown(page, '.time-bank__balance').first().innerText()).resolves.toBe(balanceFigure(after.balanceMinutes));
  await waitForText(page, '存折明细');
  const rows = shown(page, '.time-bank__book-row');
  await expect(rows.nth(0).locator('.time-bank__col-summary').innerText()).resolves.toBe(reversal.summary);
  await expect(rows.nth(0).locator('.time-bank__col-amount').innerText()).resolves.toBe(signedBankAmount(after, reversal.amount));
  await expect(rows.nth(1).locator('.time-bank__col-summary').innerText()).resolves.toBe(deposit.summary);
  await expect(rows.nth(1).locator('.time-bank__col-amount').innerText()).resolves.toBe(signedBankAmount(after, deposit.amount));
  await waitForText(page, '我的亲属');
  await bothModes(page, 'time-bank-passbook');
  await page.screenshot({ path: screenshotPath('time-bank-passbook-full'), fullPage: true });
}

describe('爱心时间银行: the passbook after a correction', () => {
  const phone = phonePerTest();
  let secretary: Session;
  let member: Session;
  let before: MyTimeBank;
  afterAll(() => expect(phone.errors).toEqual([]));

  beforeAll(async () => {
    secretary = await callGateway<Session>('auth', 'login', DEMO.secretary);
    member = await callGateway<Session>('auth', 'login', DEMO.member);
    before = await callGateway<MyTimeBank>('incentives', 'myTimeBank', {}, member.token);
    expect(before.balanceMinutes).toBeGreaterThan(0);
  });

  it('should show the reversal and the new deposit with the right balance once the secretary corrects a record', async () => {
    const done = await callGateway<{ items: { id: string; kind: string }[] }>('orders', 'listForCommunity', { status: 'completed', page: { limit: 50, offset: 0 } }, secretary.token);
    let target: { orderId: string; record: RecordView } | undefined;
    for (const order of done.items) {
      const hours = await callGateway<OrderHours>('records', 'orderHours', { orderId: order.id }, secretary.token);
      const mine = hours.members.find((m) => m.memberId === member.profile.userId && m.record?.source === 'scan' && m.record.hoursMeasured >= 1.5);
      if (mine) {
        target = { orderId: order.id, record: mine.record! };
        break;
      }
    }
    expect(target).toBeDefined();
    const { orderId, record } = target!;
    const end = beijingClock(record.endedAt);
    const endMinutes = Number(end.slice(0, 2)) * 60 + Number(end.slice(3)) - 30;
    const newEnd = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;

    const { page } = phone;
    await logInInBrowser(page, DEMO.secretary, /pages\/secretary\/needs/);
    await openPage(page, `/pages/secretary/hours-order/index?id=${orderId}`);
    const card = shown(page, `#member-${member.profile.userId}`);
    await card.waitFor({ timeout: 20_000 });
    await card.locator('.nut-button').filter({ hasText: '更正' }).tap();
    await pickClock(page, card.locator('#clock-endedAt'), newEnd);
    await card.locator('textarea').fill('提前半小时离场，负责人核实');
    await card.locator('.nut-button').filter({ hasText: '保存更正' }).tap();
    await card.locator('.hours-source--manual').waitFor({ timeout: 20_000 });

    const after = await callGateway<MyTimeBank>('incentives', 'myTimeBank', {}, member.token);
    expect(after.balanceMinutes).toBe(before.balanceMinutes - 30);
    const [reversal, deposit] = after.lines;
    expect(reversal.summary).toMatch(/^核减（/);
    expect(deposit.summary).toMatch(/^存入：/);
    expect(reversal.amount + deposit.amount).toBe(-30);
    expect(reversal.balanceAfter).toBe(after.balanceMinutes);

    // The member on her own phone.
    const memberPhone = await newPhone(phone.context.browser()!);
    const memberPage = await memberPhone.newPage();
    memberPage.on('pageerror', (error) => phone.errors.push(error.message));
    await logInInBrowser(memberPage, DEMO.member, /order-hall/);
    await openPage(memberPage, '/pages/incentives/time-bank/index');
    await showsPassbook(memberPage, after, reversal, deposit);
    await memberPhone.close();
  });

  it('should open the community bank for the secretary with its donations and grant', async () => {
    const { page } = phone;
    await logInInBrowser(page, DEMO.secretary, /pages\/secretary\/needs/);
    await openPage(page, '/pages/incentives/community-bank/index');
    await shown(page, '.time-bank__balance').first().waitFor({ timeout: 20_000 });
    await waitForText(page, '捐赠');
    await bothModes(page, 'time-bank-community');
  });
});
