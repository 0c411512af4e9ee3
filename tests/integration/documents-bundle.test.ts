import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openMigratedDatabase } from '../../cloudfunctions/_core/db/database-context';
import { hasPdfToText, pdfText } from '../../cloudfunctions/_core/documents/pdf-text';
import { buildCommunity, type TestCommunity } from '../support/fixtures';

const functionDir = path.resolve(__dirname, '../../cloudfunctions/documents');
const bundle = path.join(functionDir, 'index.js');
const withPoppler = hasPdfToText() ? it : it.skip;

// The deployable documents bundle (built by the suite's global setup) renders with pdfkit and the CJK font from files
// beside it: run it as WeChat would, with no node_modules but PGlite's, so the font cannot come from the npm package.
describe('the built documents bundle', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-documents-bundle-'));
  const modules = path.join(dataDir, 'node_modules');
  let community: TestCommunity;

  beforeAll(async () => {
    fs.mkdirSync(modules);
    fs.symlinkSync(path.resolve(__dirname, '../../node_modules/@electric-sql'), path.join(modules, '@electric-sql'));
    const db = await openMigratedDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    community = await buildCommunity(db, 'DBN', { members: 1, residents: 0 });
    await db.query('update users set name = $2 where id = $1', [community.members[0].id, '李堃喆燚']);
    await db.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('should carry pdfkit, the font and its licence beside the bundle, not inside it', () => {
    for (const file of ['pdfkit.js', 'NotoSansSC-Regular.ttf', 'OFL.txt']) expect([file, fs.existsSync(path.join(functionDir, file))]).toEqual([file, true]);
    expect(fs.readFileSync(path.join(functionDir, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    expect(fs.statSync(bundle).size).toBeLessThan(600 * 1024);
  });

  withPoppler('should render the record card PDF from the bundle alone, loading pdfkit only for the export', () => {
    const pdfkit = path.join(functionDir, 'pdfkit.js');
    const script = `
      const loaded = () => Object.keys(require.cache).includes(${JSON.stringify(pdfkit)});
      const { main } = require(${JSON.stringify(bundle)});
      const seen = { atRequire: loaded(), afterView: null, afterExport: null };
      const event = (action, data) => ({ action, data, token: process.argv[1] });
      main(event('recordCard', {}))
        .then((answer) => { if (!answer.ok) throw new Error(JSON.stringify(answer)); seen.afterView = loaded(); return main(event('exportRecordCard', { format: 'pdf' })); })
        .then((answer) => { if (!answer.ok) throw new Error(JSON.stringify(answer)); seen.afterExport = loaded(); process.stdout.write(JSON.stringify({ seen, base64: answer.data.base64 }), () => process.exit(0)); });`;
    const output = execFileSync(process.execPath, ['-e', script, community.members[0].token], {
      cwd: os.tmpdir(),
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_PATH: modules },
      encoding: 'utf8',
    });
    const { seen, base64 } = JSON.parse(output);
    expect(seen).toEqual({ atRequire: false, afterView: false, afterExport: true });
    expect(pdfText(base64)).toContain('李堃喆燚');
  });
});
