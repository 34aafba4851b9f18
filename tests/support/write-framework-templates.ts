import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { templateCsv, templateXlsx } from './framework-template.ts';

/** `npx tsx tests/support/write-framework-templates.ts`: rewrites public/templates from framework-template.ts. */
const dir = fileURLToPath(new URL('../../public/templates/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}framework-template.csv`, templateCsv());
writeFileSync(`${dir}framework-template.xlsx`, templateXlsx());
console.log(`Wrote ${dir}framework-template.csv and framework-template.xlsx`);
