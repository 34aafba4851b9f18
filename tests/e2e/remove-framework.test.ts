import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateCsv } from '../support/framework-template.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { expectedFramework, fillTemplate, openFrameworkFile, SERVICE_DESK_ROWS } from './support-spreadsheet.ts';
import { finishSurvey, rate, readCsv, startSurvey, storedCounts, visibleStatements, waitForSurvey } from './support-survey.ts';

let context: BrowserContext;
let page: Page;
let foreign: string[];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-remove-e2e-'));
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

const homeTitles = () => page.getByRole('heading', { level: 3 }).allTextContents();
const dialog = () => page.getByRole('dialog', { name: /^Remove .*\?$/ });

/** The service desk framework filled into the template (spreadsheet-framework.test.ts checks the download itself) and opened. */
async function openServiceDesk(): Promise<void> {
  const csv = join(dir, 'template.csv');
  writeFileSync(csv, templateCsv());
  await page.goto(appUrl('#/'));
  await openFrameworkFile(page, fillTemplate(csv, SERVICE_DESK_ROWS, join(dir, 'service-desk.csv')));
  await page.getByText('Opened Service desk skills. It is listed above.').waitFor();
}

describe('a learner removes one framework they opened from a file, with its data, after being asked', () => {
  it('offers removal only for frameworks opened from files', async () => {
    await page.goto(appUrl('#/'));
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await expect(page.getByRole('button', { name: /^Remove…/ }).count()).resolves.toBe(0);
  });

  it('asks first, says what goes with it, and keeps everything when the learner changes their mind', async () => {
    await openServiceDesk();
    const framework = expectedFramework(join(dir, 'service-desk.csv'));
    // A completed self-assessment, then a second one left half-way.
    await startSurvey(page, 'service-desk');
    await finishSurvey(page, framework, () => 3);
    await page.getByRole('link', { name: /Retake/ }).first().click();
    await waitForSurvey(page);
    const [first] = await visibleStatements(page, framework);
    await rate(page, first ?? '', 2);

    await page.goto(appUrl('#/'));
    await page.getByRole('button', { name: 'Remove… Service desk skills' }).click();
    await dialog().getByText('This removes the framework from this browser with everything stored for it: 1 self-assessment or response, 1 survey in progress and 0 invitations.', { exact: false }).waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'remove-framework-1280.png') });
    await dialog().getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog().isVisible()).resolves.toBe(false);
    await expect(homeTitles()).resolves.toContain('Service desk skills');
  });

  it('offers its export first: the framework\'s summary.csv and responses-long.csv', async () => {
    await page.getByRole('button', { name: 'Remove… Service desk skills' }).click();
    const exportButton = dialog().getByRole('button', { name: 'Download its summary.csv and responses-long.csv first' });
    // Enabled once the dialog has counted the framework's stored responses.
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    const saved: string[] = [];
    const both = new Promise<void>((resolve) => {
      page.on('download', async (file) => {
        const path = join(dir, file.suggestedFilename());
        await file.saveAs(path);
        saved.push(path);
        if (saved.length === 2) resolve();
      });
    });
    await exportButton.click();
    await both;
    await dialog().getByText('Downloaded service-desk-summary.csv and service-desk-responses-long.csv (1 response).').waitFor();
    const summary = saved.find((path) => path.endsWith('summary.csv')) ?? '';
    expect(summary).toMatch(/service-desk-summary\.csv$/);
    const long = readCsv(join(dir, 'service-desk-responses-long.csv'));
    expect(long.rows).toHaveLength(6);
    expect(new Set(long.rows.map((row) => row.framework_id))).toEqual(new Set(['service-desk']));
    expect(readFileSync(summary, 'utf8')).toContain('service-desk');
  });

  it('removes the framework and all its data, and leaves the rest as it was', async () => {
    await dialog().getByRole('button', { name: 'Remove the framework and its data' }).click();
    await page.getByText('Removed Service desk skills and its data from this browser.').waitFor();
    await expect(homeTitles()).resolves.not.toContain('Service desk skills');
    await expect(homeTitles()).resolves.toHaveLength(6);
    await page.goto(appUrl('#/data'));
    await expect(storedCounts(page)).resolves.toBe('0 self-assessments and 0 responses from raters');
    await page.getByText('0 surveys in progress').waitFor();
    await page.getByText('0 frameworks opened from files').waitFor();
    // Nothing is left over that only the removed framework could read.
    await expect(page.getByText(/could not be read|no longer read/).count()).resolves.toBe(0);
  });

  it('can be removed from its About page too, which then returns home', async () => {
    await openServiceDesk();
    await page.goto(appUrl('#/about/service-desk'));
    await page.getByRole('heading', { name: 'Opened from a file' }).waitFor();
    await page.getByRole('button', { name: 'Remove… Service desk skills' }).click();
    await dialog().getByText(/0 self-assessments and responses, 0 surveys in progress and 0 invitations/).waitFor();
    await expect(dialog().getByRole('button', { name: 'Download its summary.csv and responses-long.csv first' }).isDisabled()).resolves.toBe(true);
    await dialog().getByRole('button', { name: 'Remove the framework and its data' }).click();
    await page.waitForURL(/#\/$/);
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await expect(homeTitles()).resolves.not.toContain('Service desk skills');
    await page.goto(appUrl('#/about/css-durable-skills'));
    await page.getByRole('heading', { name: 'Statements', exact: true }).waitFor();
    await expect(page.getByRole('heading', { name: 'Opened from a file' }).count()).resolves.toBe(0);
  });

  it('made no request outside the app', () => {
    expect(foreign).toEqual([]);
  });
});
