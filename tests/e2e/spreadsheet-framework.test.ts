import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/core/io/csv-format.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { convertWithLibreOffice } from '../support/libreoffice.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { dropFrameworkFile, expectedFramework, fillTemplate, openFrameworkFile, SERVICE_DESK_ROWS } from './support-spreadsheet.ts';
import { download, rate, visibleStatements, waitForSurvey } from './support-survey.ts';

let context: BrowserContext;
let page: Page;
let foreign: string[];
let dir: string;
/** Every JavaScript file the browser fetched, with whether it holds read-excel-file. */
const scripts: { url: string; spreadsheetLibrary: boolean }[] = [];
let framework: Framework;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-sheet-e2e-'));
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  context.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    // A message only read-excel-file's sheet parser has.
    scripts.push({ url: response.url(), spreadsheetLibrary: (await response.text()).includes('Out-of-place <row') });
  });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

const homeTitles = () => page.getByRole('heading', { level: 3 }).allTextContents();

describe('a new user brings their own framework from a spreadsheet', () => {
  let templateCsv = '';
  let templateXlsx = '';

  it('finds both templates for download beside the "open a framework file" control, with how to fill them in', async () => {
    await page.goto(appUrl('#/'));
    const panel = page.getByRole('region', { name: 'Open a framework file' });
    await panel.getByText(/replace its example rows with your statements \(one row per statement/).waitFor();
    templateXlsx = await download(page, panel.getByRole('link', { name: 'Template for Excel, LibreOffice or Sheets (.xlsx)' }), dir);
    templateCsv = await download(page, panel.getByRole('link', { name: 'Template as CSV' }), dir);
    expect(readFileSync(templateXlsx).equals(readFileSync('public/templates/framework-template.xlsx'))).toBe(true);
    expect(readFileSync(templateCsv, 'utf8')).toBe(readFileSync('public/templates/framework-template.csv', 'utf8'));
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'home-template-1280.png'), fullPage: true });
  });

  it('has not loaded the spreadsheet library on the home page', () => {
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.spreadsheetLibrary)).toEqual([]);
  });

  it('opens the template filled in and saved by LibreOffice as .xlsx, and lists the framework', async () => {
    const filled = fillTemplate(templateCsv, SERVICE_DESK_ROWS, join(dir, 'service-desk.csv'));
    framework = expectedFramework(filled);
    const xlsx = convertWithLibreOffice(filled, 'xlsx', dir);
    const before = await homeTitles();
    await openFrameworkFile(page, xlsx);
    await page.getByText('Opened Service desk skills. It is listed above.').waitFor();
    await expect(homeTitles()).resolves.toEqual([...before, 'Service desk skills']);
    await page.getByText('Northwind IT, 2026 · opened from a file').waitFor();
    // Now, and only now, the browser has fetched read-excel-file.
    expect(scripts.filter((script) => script.spreadsheetLibrary)).toHaveLength(1);
  }, 120_000);

  it('takes the survey\'s first page: the first domain\'s statements, as typed in the sheet', async () => {
    await page.getByRole('link', { name: 'Start self-assessment: Service desk skills' }).click();
    await waitForSurvey(page);
    const first = framework.statements.filter((s) => s.domain === 'calls');
    await expect(visibleStatements(page, framework)).resolves.toEqual(first.map((s) => s.id));
    for (const statement of first) await expect(page.locator(`[data-name="${statement.id}"]`).getByText(statement.text, { exact: true }).count()).resolves.toBe(1);
    for (const statement of first) await rate(page, statement.id, 3);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'assess-spreadsheet-1280.png') });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-name="reports-01"]').waitFor();
    await expect(visibleStatements(page, framework)).resolves.toEqual(['reports-01', 'reports-02']);
  });

  it('shows every bad row of a CSV dropped on the box at once, and opens nothing', async () => {
    await page.goto(appUrl('#/'));
    await page.getByRole('heading', { name: 'Service desk skills' }).waitFor();
    const before = await homeTitles();
    const bad = writeCsv(['Framework ID', 'Framework title', 'Level', 'Statement'], [
      ['broken', 'Broken', 'emerging', 'Fine'],
      ['broken', 'Broken', 'expert', 'Level that does not exist'],
      ['broken', 'Broken', 'developing', ''],
      ['other', 'Broken', 'advanced', 'Another framework id'],
    ]);
    await dropFrameworkFile(page, 'broken.csv', bad);
    const alert = page.getByRole('alert').filter({ hasText: 'This file cannot be opened.' });
    await alert.waitFor();
    await expect(alert.getByRole('listitem').allTextContents()).resolves.toEqual([
      'broken.csv, row 3, level: "expert" is not a level: write emerging, developing, proficient or advanced, or leave it empty for a framework without levels.',
      'broken.csv, row 4, statement: The statement is empty: every row is one statement (delete the row if it is not).',
      'broken.csv, row 5, framework_id: "other" differs from "broken" in row 2: a sheet holds one framework.',
    ]);
    await expect(homeTitles()).resolves.toEqual(before);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('made no request outside the app', () => {
    expect(foreign).toEqual([]);
  });
});
