import type { Browser } from 'playwright-core';
import { gatewayUrl, launchChromium, newPhone, screenshotPath } from './browser';

describe('the H5 app served by the gateway', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser.close());

  it('should open at phone size and reach the cloud functions from the same origin', async () => {
    const context = await newPhone(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(gatewayUrl(), { waitUntil: 'networkidle' });
    await page.locator('text=党员义工 >> visible=true').first().waitFor();
    await page.screenshot({ path: screenshotPath('app-shell'), fullPage: false });

    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/auth', { method: 'POST', body: JSON.stringify({ action: 'login', data: { phone: '123', password: 'x' } }) });
      return response.json();
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { phone: '手机号码须为11位手机号码' } } });
    expect(errors).toEqual([]);
    await context.close();
  });
});
