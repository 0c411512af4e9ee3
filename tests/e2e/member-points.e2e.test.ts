import type { IncentiveSummary, PointsPassbook } from '../../src/services/api/points';
import { signedPoints } from '../../src/pages/incentives/points/points-display';
import { DEMO, bothModes, callGateway, gatewayUrl, logInInBrowser, phonePerTest, screenshotPath, shown, waitForText } from './browser';

// 我的激励 and 积分与星级 as the demo member sees them at 375×812: the card on the home (接单大厅) with the points, the
// star standing and the banked hours the seed settled; the points page with its balance, the bar to the next star and
// the lines, each saying what it was for; normal and 长辈模式.
interface Session { token: string }

describe('积分与星级: the member’s home card and points page', () => {
  const phone = phonePerTest();
  let summary: IncentiveSummary;
  let passbook: PointsPassbook;

  beforeAll(async () => {
    const member = await callGateway<Session>('auth', 'login', DEMO.member);
    summary = await callGateway<IncentiveSummary>('incentives', 'myIncentives', {}, member.token);
    passbook = await callGateway<PointsPassbook>('incentives', 'myPoints', {}, member.token);
    expect(summary.points).toBeGreaterThan(0);
    expect(passbook.lines.length).toBeGreaterThan(0);
  });
  afterAll(() => expect(phone.errors).toEqual([]));

  it('should show 我的激励 on the home with the points, the star standing and the banked hours, one tap to the points page', async () => {
    const { page } = phone;
    await logInInBrowser(page, DEMO.member, /order-hall/);
    const card = shown(page, '.dy-incentives').first();
    await card.waitFor({ timeout: 20_000 });
    await expect(card.locator('.dy-card__title').innerText()).resolves.toBe('我的激励');
    await expect(card.locator('.dy-incentives__figure--points .dy-incentives__value').innerText()).resolves.toBe(`${summary.points}分`);
    await expect(card.locator('.dy-incentives__figure--bank .dy-incentives__value').innerText()).resolves.toBe(summary.bank.text);
    await expect(card.locator('.dy-incentives__figure--stars .dy-incentives__label').innerText()).resolves.toBe(summary.stars.label);
    if (summary.stars.next) await expect(card.locator('.dy-incentives__next').innerText()).resolves.toContain(`可达${summary.stars.next.label}`);
    await bothModes(page, 'member-points-home');
    await card.screenshot({ path: screenshotPath('member-points-home-card') });

    await card.locator('.dy-incentives__figure--points').tap();
    await page.waitForURL(/incentives\/points/, { timeout: 20_000 });
    await waitForText(page, '积分明细');
  });

  it('should show the balance, the bar to the next star and every line with what it was for', async () => {
    const { page } = phone;
    await logInInBrowser(page, DEMO.member, /order-hall/);
    await page.goto(`${gatewayUrl()}#/pages/incentives/points/index`);
    await shown(page, '.points-page__balance').first().waitFor({ timeout: 20_000 });
    await expect(shown(page, '.points-page__balance').first().innerText()).resolves.toBe(String(summary.points));
    await expect(shown(page, '.points-page__hours').first().innerText()).resolves.toContain(`服务 ${summary.stars.hours} 小时`);
    if (summary.stars.next) {
      await expect(shown(page, '.points-page__next').first().innerText()).resolves.toContain(`还差 ${summary.stars.next.hoursLeft} 小时`);
      await shown(page, '.points-page__bar').first().waitFor();
    }
    const lines = shown(page, '.points-page__line');
    await expect(lines.count()).resolves.toBe(passbook.lines.length);
    await expect(lines.first().locator('.points-page__line-title').innerText()).resolves.toBe(passbook.lines[0].title);
    await expect(lines.first().locator('.points-page__amount').innerText()).resolves.toBe(signedPoints(passbook.lines[0].amount));
    await bothModes(page, 'member-points-page');
    await page.screenshot({ path: screenshotPath('member-points-page-full'), fullPage: true });

    // 积分怎么得: the district's rules, read-only.
    await shown(page, '.points-page__link').filter({ hasText: '积分怎么得' }).first().tap();
    await page.waitForURL(/incentives\/rules\/index\?view=1/, { timeout: 20_000 });
    await waitForText(page, '积分规则');
  });
});
