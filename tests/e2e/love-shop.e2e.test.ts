import type { Browser, Page } from 'playwright-core';
import type { Shop } from '../../src/services/api/shop';
import { DEMO, bothModes, callGateway, gatewayUrl, launchChromium, logInInBrowser, openProfileCell, phonePage, screenshotPath, shown, tapButton, toastGone, turnElderMode, waitForText } from './browser';

// 爱心超市 at 375×812: the demo member redeems a good and sees the pick-up code; the secretary opens 兑换领取, types the
// code, sees the redemption and confirms the hand-over; the member then sees 已领取. Normal and 长辈模式.
interface Session { token: string }

describe('爱心超市: a member redeems a good and the secretary hands it over', () => {
  let browser: Browser;
  const errors: string[] = [];
  let shop: Shop;

  beforeAll(async () => {
    browser = await launchChromium();
    const member = await callGateway<Session>('auth', 'login', DEMO.member);
    shop = await callGateway<Shop>('incentives', 'shopGoods', {}, member.token);
  });
  afterAll(async () => {
    await browser?.close();
    expect(errors).toEqual([]);
  });

  const openShop = async (page: Page) => {
    await page.goto(`${gatewayUrl()}#/pages/incentives/shop/index`);
    await shown(page, '.shop-good').first().waitFor({ timeout: 20_000 });
  };

  it('should redeem, hand over by the typed code, and show 已领取', async () => {
    const good = shop.goods.find((item) => item.unavailable === null)!;
    expect(good).toBeDefined();

    const member = await phonePage(browser, errors, 'member');
    await logInInBrowser(member.page, DEMO.member, /pages\/member/);
    await openShop(member.page);
    await expect(shown(member.page, '.shop-page__balance').first().innerText()).resolves.toBe(String(shop.points));
    await bothModes(member.page, 'love-shop-goods');

    const card = shown(member.page, '.shop-good').filter({ hasText: good.name }).first();
    await card.locator('.shop-good__redeem').tap();
    await waitForText(member.page, `兑换后剩余 ${shop.points - good.pricePoints} 分`);
    await member.page.waitForTimeout(400); // the dialog fades in
    await member.page.screenshot({ path: screenshotPath('love-shop-confirm') });
    await tapButton(member.page, '确认兑换');

    const code = shown(member.page, '.shop-redemption--waiting .shop-redemption__code').filter({ hasText: /\d\d \d\d \d\d/ }).first();
    await code.waitFor({ timeout: 20_000 });
    const digits = (await code.getAttribute('data-code'))!;
    expect(digits).toMatch(/^\d{6}$/);
    await expect(shown(member.page, `.checkin-qr[data-code="LOVESHOP:${digits}"]`).count()).resolves.toBe(1);
    await toastGone(member.page);
    await expect(shown(member.page, '.shop-page__balance').first().innerText()).resolves.toBe(String(shop.points - good.pricePoints));
    await code.scrollIntoViewIfNeeded();
    await bothModes(member.page, 'love-shop-code');

    const secretary = await phonePage(browser, errors, 'secretary');
    await logInInBrowser(secretary.page, DEMO.secretary, /pages\/secretary/);
    await openProfileCell(secretary.page, '兑换领取', /incentives\/pick-ups/);
    await shown(secretary.page, '.pick-ups__code input').first().fill(digits);
    await tapButton(secretary.page, '查找');
    const found = shown(secretary.page, '.pick-ups__found').first();
    await found.waitFor({ timeout: 20_000 });
    await expect(found.innerText()).resolves.toContain(good.name);
    await bothModes(secretary.page, 'love-shop-pick-up');
    await tapButton(secretary.page, '确认交付');
    await waitForText(secretary.page, `已交付 ${good.name}`);
    await found.waitFor({ state: 'hidden' });
    await secretary.context.close();

    await openShop(member.page);
    const record = shown(member.page, '.shop-redemption').filter({ hasText: good.name }).filter({ hasText: '已领取' }).first();
    await record.waitFor({ timeout: 20_000 });
    await expect(shown(member.page, `.shop-redemption__code[data-code="${digits}"]`).count()).resolves.toBe(0);
    await bothModes(member.page, 'love-shop-handed-over');
    for (const elder of [false, true]) {
      await turnElderMode(member.page, elder);
      await record.scrollIntoViewIfNeeded();
      await record.screenshot({ path: screenshotPath(`love-shop-handed-over-record${elder ? '-elder' : ''}`) });
    }
    await turnElderMode(member.page, false);
    await member.context.close();
  });
});
