// Shows how the exported forms look. Without arguments: builds the functions, starts the gateway with its
// demo data on a fresh directory, exports 在职党员社区报到登记表 (demo secretary), 报到情况统计表 (demo unit
// admin), this quarter's 党员义工工作进展情况季报表 (demo secretary) and the demo member's 社区服务记录卡 as xlsx and
// PDF, and the district's 全国系统导出 (demo district admin) into .e2e-artifacts/exports/. With .xlsx paths: uses those instead. Then, when LibreOffice is
// installed, converts each to PDF and PNG pages (pdftoppm -r 60) beside it, for looking at.
// Usage: node scripts/export-preview.mjs [file.xlsx ...]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway } from './gateway-process.mjs';
import { root } from './h5-build.mjs';

const outDir = path.join(root, '.e2e-artifacts', 'exports');
fs.mkdirSync(outDir, { recursive: true });

const DEMO = { secretary: '19900000001', unitAdmin: '19900000011', member: '19900001001', districtAdmin: '19900000010', password: 'demo1234' };

async function startDemoGateway(dataDir) {
  if (spawnSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
  // Links and QR codes on the papers point to an H5 address as a deployment's would (PUBLIC_URL).
  return startGateway({ DATA_DIR: dataDir, H5_DIR: '/nonexistent', PUBLIC_URL: 'https://yigong.example.cn/' });
}

async function callFunction(url, fn, action, data, token) {
  const response = await fetch(`${url}api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const answer = await response.json();
  if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** 报到单 (a reported slip of the demo unit, its 回执 filled) and the demo member's 回执 as PDF (004 附件1). */
async function slipPapers(url, unitAdminToken, memberToken) {
  const slips = await callFunction(url, 'registration', 'listSlips', { page: { limit: 50, offset: 0 } }, unitAdminToken);
  const slip = slips.items.find((item) => item.result === 'reported') ?? slips.items.find((item) => item.result !== 'cancelled');
  const confirmed = (await callFunction(url, 'registration', 'mine', {}, memberToken)).items.find((item) => item.status === 'confirmed');
  return [
    ...(slip ? [await callFunction(url, 'registration', 'slipPdf', { slipId: slip.id }, unitAdminToken)] : []),
    ...(confirmed ? [await callFunction(url, 'registration', 'receiptPdf', { registrationId: confirmed.id }, memberToken)] : []),
  ];
}

/** 志愿服务证明: the demo member asks for this year's, the demo secretary issues it, the member downloads the PDF. */
async function certificatePdf(url, memberToken, secretaryToken) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const asked = await callFunction(url, 'certificates', 'request', { from: `${today.slice(0, 4)}-01-01`, to: today, purpose: '评优材料' }, memberToken);
  const pending = (await callFunction(url, 'certificates', 'pending', {}, secretaryToken)).certificates.find((item) => asked.certificates.some((own) => own.id === item.id));
  const issued = await callFunction(url, 'certificates', 'issue', { certificateId: pending.id, responsiblePerson: '陈志强', contactPhone: '0750-5511941' }, secretaryToken);
  return callFunction(url, 'certificates', 'download', { certificateId: issued.id }, memberToken);
}

async function exportDemoWorkbooks() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-export-preview-'));
  const { url, stop } = await startDemoGateway(dataDir);
  try {
    const login = async (phone) => (await callFunction(url, 'auth', 'login', { phone, password: DEMO.password })).token;
    const files = [
      await callFunction(url, 'reports', 'exportCommunityRegister', { memberType: 'all' }, await login(DEMO.secretary)),
      await callFunction(url, 'reports', 'exportUnitStatistics', {}, await login(DEMO.unitAdmin)),
      await callFunction(url, 'reports', 'exportQuarterlyReport', {}, await login(DEMO.secretary)),
      await callFunction(url, 'reports', 'exportNationalRecord', { year: new Date().getFullYear() }, await login(DEMO.districtAdmin)),
      await callFunction(url, 'documents', 'exportRecordCard', { format: 'xlsx' }, await login(DEMO.member)),
      await callFunction(url, 'documents', 'exportRecordCard', { format: 'pdf' }, await login(DEMO.member)),
      await callFunction(url, 'assessment', 'exportComplianceList', {}, await login(DEMO.secretary)),
      await callFunction(url, 'assessment', 'exportComplianceList', {}, await login(DEMO.unitAdmin)),
      await callFunction(url, 'assessment', 'exportOrganisationRates', {}, await login(DEMO.districtAdmin)),
      ...(await slipPapers(url, await login(DEMO.unitAdmin), await login(DEMO.member))),
      await certificatePdf(url, await login(DEMO.member), await login(DEMO.secretary)),
    ];
    return files.map((file) => {
      // LibreOffice writes an xlsx's PDF beside it under the same stem: an exported PDF keeps a name of its own.
      const target = path.join(outDir, file.fileName.endsWith('.pdf') ? `PDF-${file.fileName}` : file.fileName);
      fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
      return target;
    });
  } finally {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A PDF export is looked at as it is: its pages as PNG beside it. */
function renderPdfPages(pdf) {
  const stem = pdf.replace(/\.pdf$/, '');
  if (spawnSync('pdftoppm', ['-png', '-r', '60', pdf, stem], { stdio: 'inherit' }).status !== 0) throw new Error(`pdftoppm 无法排出 ${pdf}`);
  return fs.readdirSync(outDir).filter((name) => name.startsWith(path.basename(stem)) && name.endsWith('.png'));
}

function renderPages(xlsx) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-lo-profile-'));
  const converted = spawnSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { encoding: 'utf8' });
  fs.rmSync(profile, { recursive: true, force: true });
  const pdf = path.join(outDir, `${path.basename(xlsx, '.xlsx')}.pdf`);
  if (converted.status !== 0 || !fs.existsSync(pdf)) throw new Error(`LibreOffice 转换失败：${converted.stderr}`);
  spawnSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'inherit' });
  return fs.readdirSync(outDir).filter((name) => name.startsWith(path.basename(xlsx, '.xlsx')) && name.endsWith('.png'));
}

const given = process.argv.slice(2).map((file) => path.resolve(file));
const workbooks = given.length ? given : await exportDemoWorkbooks();
const hasLibreOffice = spawnSync('libreoffice', ['--version']).status === 0;
for (const xlsx of workbooks) {
  if (xlsx.endsWith('.pdf')) {
    const pages = renderPdfPages(xlsx);
    if (pages.length === 0) throw new Error(`${xlsx}：没有排出任何一页`);
    console.log(`${xlsx} → ${pages.map((png) => path.join(outDir, png)).join('，')}`);
    continue;
  }
  if (!hasLibreOffice) {
    console.log(`${xlsx}（未安装 LibreOffice：apt-get install libreoffice-calc-nogui poppler-utils 后可生成预览图）`);
    continue;
  }
  const pages = renderPages(xlsx);
  if (pages.length === 0) throw new Error(`${xlsx}：LibreOffice 没有排出任何一页`);
  console.log(`${xlsx} → ${pages.map((png) => path.join(outDir, png)).join('，')}`);
}
