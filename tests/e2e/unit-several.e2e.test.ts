import type { Browser, Page } from 'playwright-core';
import { callGateway, launchChromium, logInInBrowser, screenshotPath, shown, phonePage } from './browser';

const DISTRICT_ADMIN = { phone: '19900000010', password: 'demo1234' };
const ADMIN_OF_TWO = { name: '赵双管', phone: '13912340022' };


const login = (account: { phone: string; password: string }) =>
  callGateway<{ token: string; profile: { roles: { role: string; unitId: string | null }[] } }>('auth', 'login', account);

describe('a unit admin of two units in the H5 build', () => {
  let browser: Browser;
  let page: Page;
  let districtToken: string;
  let password: string;
  let units: { id: string; name: string }[];
  const grantIds: string[] = [];
  const errors: string[] = [];

  const activeChip = () => shown(page, '.unit-switcher .choice-chips__chip--active');
  /** The slips page shows `total` slips, or its empty state for none. */
  const listed = (total: number) =>
    (total > 0 ? shown(page, '.slips__count').filter({ hasText: `共 ${total} 张` }) : shown(page, '.dy-empty-state').getByText('还没有开具报到单'))
      .waitFor({ timeout: 20_000 });

  beforeAll(async () => {
    districtToken = (await login(DISTRICT_ADMIN)).token;
    units = (await callGateway<{ units: { id: string; name: string }[] }>('org', 'tree', {}, districtToken)).units.slice(0, 2);
    for (const unit of units) {
      const appointed = await callGateway<{ grantId: string; initialPassword: string | null }>(
        'org', 'appoint', { role: 'unit_admin', unitId: unit.id, ...ADMIN_OF_TWO }, districtToken,
      );
      grantIds.push(appointed.grantId);
      password ??= appointed.initialPassword!;
    }
    // A new account's initial password must be changed before anything else.
    const first = await login({ phone: ADMIN_OF_TWO.phone, password });
    await callGateway('auth', 'changePassword', { oldPassword: password, newPassword: 'shuangguan-2026' }, first.token);
    password = 'shuangguan-2026';
    browser = await launchChromium();
    ({ page } = await phonePage(browser, errors));
  });
  // The demo's other tests know these units with their own admins only.
  afterAll(async () => {
    for (const grantId of grantIds) await callGateway('org', 'revoke', { grantId }, districtToken);
    await browser?.close();
  });

  it('should switch the slips and the statistics between the two units and remember the choice', async () => {
    const session = await login({ phone: ADMIN_OF_TWO.phone, password });
    const order = session.profile.roles.filter((grant) => grant.role === 'unit_admin').map((grant) => units.find((unit) => unit.id === grant.unitId)!);
    const totals = new Map<string, number>();
    for (const unit of order) {
      const slips = await callGateway<{ total: number }>('registration', 'listSlips', { unitId: unit.id }, session.token);
      totals.set(unit.id, slips.total);
    }

    await logInInBrowser(page, { phone: ADMIN_OF_TWO.phone, password }, /pages\/unit\/slips/);
    await shown(page, '.unit-switcher').getByText('单位：').waitFor();
    expect(await activeChip().textContent()).toBe(order[0].name);
    await listed(totals.get(order[0].id)!);

    await shown(page, '.unit-switcher .choice-chips__chip').filter({ hasText: order[1].name }).tap();
    await activeChip().filter({ hasText: order[1].name }).waitFor();
    await listed(totals.get(order[1].id)!);
    await page.screenshot({ path: screenshotPath('unit-several-slips') });

    await shown(page, '.role-tab-bar__item').filter({ hasText: '统计' }).tap();
    await page.waitForURL(/pages\/unit\/statistics/);
    await shown(page, '.unit-stats__form').getByText(order[1].name, { exact: true }).waitFor({ timeout: 20_000 });
    expect(await activeChip().textContent()).toBe(order[1].name);
    await page.screenshot({ path: screenshotPath('unit-several-statistics') });

    await shown(page, '.unit-switcher .choice-chips__chip').filter({ hasText: order[0].name }).tap();
    await shown(page, '.unit-stats__form').getByText(order[0].name, { exact: true }).waitFor({ timeout: 20_000 });
    await page.reload({ waitUntil: 'networkidle' });
    await shown(page, '.unit-stats__form').getByText(order[0].name, { exact: true }).waitFor({ timeout: 20_000 });
    expect(await activeChip().textContent()).toBe(order[0].name);
    expect(errors).toEqual([]);
  });
});
