import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { main as registration } from '../../cloudfunctions/registration/index';
import { slipCodeFromText } from '../../cloudfunctions/_core/registration/slip-code';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { call, failed, ok } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildCommunity, createDistrictAdmin, createUnitAdmin, type TestCommunity, type TestUser } from '../support/fixtures';
import { issueSlip, memberForm, newPhone, submitLoggedOut } from '../support/registration-fixtures';
import { openSuiteDatabase } from '../support/test-database';

// The H5 app's public address the papers point to (read by the config on the first call).
const PUBLIC_URL = 'https://yigong.example.cn/';
process.env.PUBLIC_URL = PUBLIC_URL;

// Monday 2026-11-23 09:00 Shanghai.
const START = new Date('2026-11-23T01:00:00Z');
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFTOPPM = '/usr/bin/pdftoppm';

type File = { fileName: string; mimeType: string; base64: string };

/** The PDF's text as pdftotext lays it out, all white space dropped (it spaces runs apart and breaks wrapped lines). */
function textOf(file: File): string {
  const result = spawnSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', '-', '-'], { input: Buffer.from(file.base64, 'base64') });
  expect(result.status).toBe(0);
  return result.stdout.toString('utf8').replace(/\s+/g, '');
}

/** The QR code printed on the PDF's first page, read back from a rendering of it (pdftoppm's PPM, decoded by jsQR). */
function qrOf(file: File): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slip-qr-'));
  try {
    const pdf = path.join(dir, 'slip.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    expect(spawnSync(PDFTOPPM, ['-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page')]).status).toBe(0);
    const ppm = fs.readFileSync(path.join(dir, 'page.ppm'));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = ppm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = pixels[i * 3];
      rgba[i * 4 + 1] = pixels[i * 3 + 1];
      rgba[i * 4 + 2] = pixels[i * 3 + 2];
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, width, height)?.data ?? null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('报到单 and 回执 as printable PDF (004 附件1), with a link and a QR code that open the registration', () => {
  let db: Database;
  let a: TestCommunity;
  let b: TestCommunity;
  let unitAdmin: TestUser;
  let otherUnitAdmin: TestUser;
  let districtAdmin: TestUser;
  let slip: { id: string; code: string; link: string | null; linkPath: string };
  let phone: string;
  let member: TestUser;
  let registrationId: string;
  const clock = useWallClock(START);

  beforeAll(async () => {
    db = await openSuiteDatabase();
    a = await buildCommunity(db, 'PA', { members: 0, residents: 0 });
    b = await buildCommunity(db, 'PB', { members: 0, residents: 0, districtId: a.districtId });
    unitAdmin = await createUnitAdmin(db, a.unitId);
    otherUnitAdmin = await createUnitAdmin(db, b.unitId);
    districtAdmin = await createDistrictAdmin(db, a.districtId);
    phone = newPhone();
    slip = await issueSlip(unitAdmin, a, { name: '王堃喆燚', phone }, '2026-12-15');
  });
  afterAll(async () => {
    clock.restore();
    await db.close();
  });

  const slipPdf = (user: TestUser, slipId = slip.id) => call(registration, 'slipPdf', { slipId }, user);
  const receiptPdf = (user: TestUser, id = registrationId) => call(registration, 'receiptPdf', { registrationId: id }, user);

  it("should give the slip a full link on the H5 app's public address that opens the registration page with the code", () => {
    expect(slip.link).toBe(`${PUBLIC_URL}#/pages/join/register/index?slip=${slip.code}`);
    const url = new URL(slip.link!);
    expect(url.origin + url.pathname).toBe(PUBLIC_URL);
    // H5 routes by hash: the route is a page of the app, and its slip parameter is the code the page fills in.
    const [route, query] = url.hash.slice(1).split('?');
    (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
    const appConfig: { pages: string[]; subPackages: { root: string; pages: string[] }[] } = require('../../src/app.config').default;
    const pages = appConfig.subPackages.flatMap((pkg) => pkg.pages.map((page) => `/${pkg.root}/${page}`)).concat(appConfig.pages.map((page) => `/${page}`));
    expect(pages).toContain(route);
    expect(new URLSearchParams(query).get('slip')).toBe(slip.code);
    expect(slipCodeFromText(slip.link!)).toBe(slip.code);
  });

  it("should print the 报到单 with the form's wording, the headings, the dates, the seal boxes, the code, the link and its QR code", async () => {
    const file = await ok<File>(slipPdf(unitAdmin));
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe(`在职党员社区报到单-王堃喆燚-${slip.code}.pdf`);
    const text = textOf(file);
    for (const words of [
      '在职党员社区报到单',
      '测试区PA测试街道PA测试社区PA党组织：',
      `我单位中共正式党员王堃喆燚同志，联系电话：${phone}，现到你处报到，请予登记并安排参加社区相关服务活动。`,
      '（请于12月15日之前报到）',
      '开具日期：2026年11月23日',
      '单位党组织：测试单位PA',
      '（盖章）',
      `报到码：${slip.code}`,
      slip.link!,
      '在职党员社区报到回执单',
      '测试单位PA党组织：',
      '你单位党员王堃喆燚同志已于＿＿＿＿月＿＿＿＿日到我处报到登记',
      '报到日期：年月日',
      '社区党组织：测试社区PA',
    ]) {
      expect(text).toContain(words);
    }
    expect(qrOf(file)).toBe(slip.link);
  });

  it('should fill the 回执 once the community confirmed the member, on the slip and on its own page', async () => {
    const submitted = await submitLoggedOut(memberForm(a, { name: '王堃喆燚', phone }), slip.code);
    member = submitted.user;
    registrationId = submitted.registration.id;
    expect(await failed(receiptPdf(a.secretary))).toMatchObject({ code: 'REG_RECEIPT_NOT_READY', message: '该报到登记尚未经社区确认，还没有回执' });
    clock.set(new Date('2026-11-23T08:00:00Z'));
    await ok(call(registration, 'confirm', { registrationId }, a.secretary));
    const sentence = '你单位党员王堃喆燚同志已于11月23日到我处报到登记，认领的社区服务岗位为社区稳定维护岗、困难群众帮扶岗。';
    const onSlip = textOf(await ok<File>(slipPdf(unitAdmin)));
    expect(onSlip).toContain(sentence);
    expect(onSlip).toContain('报到日期：2026年11月23日');
    const receipt = await ok<File>(receiptPdf(a.secretary));
    expect(receipt.fileName).toBe('在职党员社区报到回执单-王堃喆燚-2026-11-23.pdf');
    const text = textOf(receipt);
    for (const words of ['在职党员社区报到回执单', '测试单位PA党组织：', sentence, '社区党组织：测试社区PA', '（盖章）', '报到日期：2026年11月23日']) expect(text).toContain(words);
    expect(text).not.toContain('报到码');
  });

  it('should give the slip to its unit and the member who registered with it, and the 回执 to the member, the community, the district and the unit', async () => {
    expect((await ok<File>(slipPdf(member))).mimeType).toBe('application/pdf');
    for (const user of [member, a.secretary, districtAdmin, unitAdmin]) expect((await ok<File>(receiptPdf(user))).mimeType).toBe('application/pdf');
  });

  it('should refuse another unit, another community, a secretary and an unrelated member, without saying the slip exists', async () => {
    const stranger = (await submitLoggedOut(memberForm(b, { name: '路人甲', phone: newPhone(), memberType: 'community', workUnit: undefined }))).user;
    for (const user of [otherUnitAdmin, a.secretary, b.secretary, stranger, districtAdmin]) {
      expect(await failed(slipPdf(user))).toMatchObject({ code: 'REG_SLIP_NOT_FOUND' });
    }
    for (const user of [otherUnitAdmin, b.secretary, stranger]) expect(await failed(receiptPdf(user))).toMatchObject({ code: 'REG_NOT_FOUND' });
    expect(await failed(slipPdf(unitAdmin, '00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'REG_SLIP_NOT_FOUND' });
    expect(await failed(receiptPdf(a.secretary, '00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'REG_NOT_FOUND' });
    expect(await failed(call(registration, 'slipPdf', { slipId: 'x' }, unitAdmin))).toMatchObject({ code: 'VALIDATION_FAILED', fields: { slipId: expect.stringContaining('报到单') } });
  });
});
