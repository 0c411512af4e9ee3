import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openMigratedDatabase } from '../../cloudfunctions/_core/db/database-context';
import { buildCommunity, type TestCommunity } from '../support/fixtures';

const bundle = path.resolve(__dirname, '../../cloudfunctions/reports/index.js');

// The deployable bundle (built by the suite's global setup) carries exceljs inside it: run it as WeChat would.
describe('the built reports bundle', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-reports-bundle-'));
  let community: TestCommunity;

  beforeAll(async () => {
    const db = await openMigratedDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    community = await buildCommunity(db, 'RBN', { members: 2, residents: 0 });
    await db.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('should export the register as an xlsx from the bundle alone', async () => {
    const script = `require(${JSON.stringify(bundle)}).main(JSON.parse(process.argv[1])).then((answer) => process.stdout.write(JSON.stringify(answer)))`;
    const event = { action: 'exportCommunityRegister', data: {}, token: community.secretary.token };
    const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(event)], {
      cwd: os.tmpdir(),
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_PATH: path.resolve(__dirname, '../../node_modules') },
      encoding: 'utf8',
    });
    const answer = JSON.parse(output);
    expect(answer).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.xlsx$/) } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(answer.data.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('登记表')!;
    expect(sheet.getCell('A1').value).toBe('在职党员社区报到登记表');
    expect([sheet.getCell('B4').value, sheet.getCell('B5').value]).toEqual(community.members.map((member) => member.name));
  });

  it('should load exceljs from its own file only when an export runs, not at require or for the other actions', () => {
    const excel = path.join(path.dirname(bundle), 'exceljs.js');
    const script = `
      const loaded = () => Object.keys(require.cache).includes(${JSON.stringify(excel)});
      const seen = { atRequire: null, afterRegister: null, afterExport: null };
      const { main } = require(${JSON.stringify(bundle)});
      seen.atRequire = loaded();
      const event = (action) => ({ action, data: {}, token: process.argv[1] });
      main(event('communityRegister'))
        .then((answer) => { if (!answer.ok) throw new Error(JSON.stringify(answer)); seen.afterRegister = loaded(); return main(event('exportCommunityRegister')); })
        .then((answer) => { if (!answer.ok) throw new Error(JSON.stringify(answer)); seen.afterExport = loaded(); process.stdout.write(JSON.stringify(seen), () => process.exit(0)); });`;
    const output = execFileSync(process.execPath, ['-e', script, community.secretary.token], {
      cwd: os.tmpdir(),
      timeout: 60_000,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_PATH: path.resolve(__dirname, '../../node_modules') },
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({ atRequire: false, afterRegister: false, afterExport: true });
  });
});
