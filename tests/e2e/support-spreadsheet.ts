import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { writeCsv } from '../../src/core/io/csv-format.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { parseFrameworkFile } from '../../src/core/parse/parse-framework-file.ts';

/** A service desk's framework as a manager types it into the downloaded template. */
export const SERVICE_DESK_ROWS = [
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', 'Calls', 'emerging', 'Logs every call in the ticket system, in the caller\'s words.', ''],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', 'Calls', 'Developing', 'Resets a password after checking who is asking.', ''],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', 'Calls', 'proficient ', 'Sets a ticket\'s priority from its impact and urgency.', ''],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', 'Calls', 'ADVANCED', 'Coaches new colleagues through difficult calls.', ''],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', 'Reports', 'emerging', 'Counts the week\'s tickets by category.', ''],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', 'Reports', 'advanced', 'Writes the weekly report: trends, repeat callers and root causes.', ''],
];

/** The downloaded template with its example rows replaced by `rows`, the header as downloaded. */
export function fillTemplate(templatePath: string, rows: readonly (readonly string[])[], out: string): string {
  const [header = []] = Papa.parse<string[]>(readFileSync(templatePath, 'utf8').replace(/^\uFEFF/, '')).data;
  writeFileSync(out, writeCsv(header, rows));
  return out;
}

/** The framework the app should make of the filled template, read by core as the test's reference. */
export function expectedFramework(csvPath: string): Framework {
  const parsed = parseFrameworkFile(readFileSync(csvPath, 'utf8'), csvPath);
  if (!parsed.ok || parsed.value[0] === undefined) throw new Error('the filled template does not parse');
  return parsed.value[0];
}

/** Opens a file through the home page's "Framework file" picker. */
export async function openFrameworkFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Framework file', { exact: true }).setInputFiles(path);
}

/** Drops a file on the "open a framework file" box, as a user drags one from their desktop. */
export async function dropFrameworkFile(page: Page, name: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(([fileName, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], fileName, { type: 'text/csv' }));
    return data;
  }, [name, content] as const);
  await page.locator('.drop-zone').filter({ has: page.getByLabel('Framework file', { exact: true }) }).dispatchEvent('drop', { dataTransfer: transfer });
}

export const inDir = (dir: string, name: string) => join(dir, name);
