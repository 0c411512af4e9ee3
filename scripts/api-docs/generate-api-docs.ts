import fs from 'node:fs';
import path from 'node:path';
import { renderApiDocs } from './render-api-docs';

/** `npm run docs:api`: writes docs/api.md. */
const target = path.resolve(process.cwd(), 'docs', 'api.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderApiDocs());
console.log(`已生成 ${path.relative(process.cwd(), target)}`);
