import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { parseFrameworkFile } from '../../src/core/parse/parse-framework-file.ts';
import { onetExportText } from '../fixtures/onet-export.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * A learner rated themself on a framework they opened from a file (an O*NET export), and their
 * raters answered it too. Their manager imports those files with another learner's, in a browser
 * that has never seen that framework.
 */
const onetText = onetExportText();
const parsed = parseFrameworkFile(onetText, 'network-admins.json');
if (!parsed.ok || parsed.value[0] === undefined) throw new Error('fixture');
const onet: Framework = parsed.value[0];
const durable = builtinFramework('css-durable-skills');

function response(framework: Framework, subjectId: string, subjectName: string, raterGroup: RaterGroup, n: number): SurveyResponse {
  const answers = new Map<string, Rating | null>(framework.statements.map((statement, index) => [statement.id, (((index + n) % 4) + 1) as Rating]));
  return {
    responseId: `${subjectId}-${raterGroup}-${n}`, frameworkId: framework.id, surveyId: `${framework.id}.${raterGroup === 'self' ? 'self' : '360'}`,
    subjectId, subjectName, raterGroup, submittedAt: `2026-05-0${n + 1}T09:00:00Z`, answers: answersFromEntries(answers, framework), comments: new Map(),
  };
}

const files = [
  response(onet, 'ola-nordmann-k2m4', 'Ola Nordmann', 'self', 0),
  response(onet, 'ola-nordmann-k2m4', 'Ola Nordmann', 'manager', 1),
  ...[2, 3, 4].map((n) => response(onet, 'ola-nordmann-k2m4', 'Ola Nordmann', 'peer', n)),
  response(durable, 'ana-ruiz-a1b2', 'Ana Ruiz', 'self', 0),
].map((r) => ({ name: `${r.responseId}.json`, mimeType: 'application/json', buffer: Buffer.from(writeResponseFile(r)) }));

let context: BrowserContext;
let foreign: string[];
let page: Page;

beforeAll(async () => {
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
  await page.goto(appUrl('#/team'));
  await page.getByText('No responses yet').waitFor();
});
afterAll(async () => {
  await context?.close();
});

describe('importing a learner who used a framework opened from a file', () => {
  it('refuses the whole batch, names the framework and that it came from a file, and names no command-line flag', async () => {
    await page.getByLabel('Choose files, or drop them here').setInputFiles(files);
    const offer = page.locator('.missing-frameworks');
    await offer.waitFor();
    const text = (await offer.textContent()) ?? '';
    expect(text).toContain('Nothing was imported');
    expect(text).toContain(onet.id);
    expect(text).toMatch(/opened it from a framework file/);
    expect(text).toMatch(/the 6 files you chose will then be imported again/);
    // Not the CLI's words, anywhere on the page.
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/--framework|npm run/);
    // Ana's file was fine, but the batch is one: nothing at all was imported.
    await expect(page.getByText('No responses yet').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'team-missing-framework-1280.png'), fullPage: true });
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('says so when the framework file opened is another one, and keeps waiting for the right one', async () => {
    const other = onetExportText({ soc: '15-1299.00', title: 'Computer Occupations, All Other' });
    await page.getByLabel('Open the framework file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(other) });
    await page.getByText(/not the framework these responses need/).waitFor();
    await expect(page.getByText('No responses yet').isVisible()).resolves.toBe(true);
  });

  it('opens the right framework file right there and imports the files already chosen, without picking them again', async () => {
    await page.getByLabel('Open the framework file').setInputFiles({ name: 'network-admins.json', mimeType: 'application/json', buffer: Buffer.from(onetText) });
    await page.getByText(`Opened framework ${onet.id}. Imported ${files.length} responses.`).waitFor();
    await expect(page.locator('.missing-frameworks').count()).resolves.toBe(0);
    await page.getByLabel('Framework', { exact: true }).selectOption(onet.id);
    await page.locator('.team-table tbody tr').first().waitFor();
    await expect(page.locator('.team-table tbody th a').allTextContents()).resolves.toEqual(['Ola Nordmann']);
    await page.getByLabel('Framework', { exact: true }).selectOption(durable.id);
    await expect(page.locator('.team-table tbody th a').allTextContents()).resolves.toEqual(['Ana Ruiz']);
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
