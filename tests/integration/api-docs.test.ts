import fs from 'node:fs';
import path from 'node:path';
import { renderApiDocs } from '../../scripts/api-docs/render-api-docs';

describe('docs/api.md', () => {
  it('should be what the schemas generate (run npm run docs:api after changing an action)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../docs/api.md'), 'utf8');
    expect(committed).toBe(renderApiDocs());
  });
});
