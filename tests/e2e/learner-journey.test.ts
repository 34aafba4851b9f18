import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { runCli } from '../support/run-cli.ts';
import { appUrl, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { download, downloadCsv, finishSurvey, rate, readCsv, visibleStatements, waitForSurvey } from './support-survey.ts';

const FRAMEWORK_ID = 'css-durable-skills';
let framework: Framework;
let context: BrowserContext;
let foreign: string[];
let page: Page;

beforeAll(async () => {
  framework = builtinFramework(FRAMEWORK_ID);
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

/** The first sitting: varied by statement, some N/A. */
function firstAnswer(id: string): Rating | null {
  const index = framework.statements.findIndex((s) => s.id === id);
  if (index % 9 === 4) return null;
  return ((index * 7) % 4) + 1 as Rating;
}

/** The retake: a clearly different pattern, so figures from a mix of the two would show. */
function secondAnswer(id: string): Rating | null {
  const index = framework.statements.findIndex((s) => s.id === id);
  return index % 2 === 0 ? 4 : 3;
}

async function isChecked(statementId: string, answer: Rating | null): Promise<boolean> {
  return page.locator(`[data-name="${statementId}"] input[value="${answer === null ? 'na' : answer}"]`).isChecked();
}

type TableRow = { kind: 'level' | 'domain'; axis: string; group: string; mean: string; percent: string; sd: string; raters: string; ratings: string };

/** What the profile shows beside its two charts, row by row. */
async function profileRows(): Promise<TableRow[]> {
  await page.locator('#levels-table').waitFor();
  const read = (slug: string, kind: 'level' | 'domain') => page.locator(`#${slug}-table tr[data-axis]`).evaluateAll((rows, k) =>
    rows.map((row) => {
      const cell = (figure: string) => row.querySelector(`[data-figure="${figure}"]`)?.textContent ?? '';
      return { kind: k, axis: row.getAttribute('data-axis') ?? '', group: row.getAttribute('data-group') ?? '', mean: cell('mean'), percent: cell('percent'), sd: cell('sd'), raters: cell('raters'), ratings: cell('ratings') };
    }), kind);
  return [...(await read('levels', 'level')), ...(await read('domains', 'domain'))];
}

/** A figure as the page writes it ("2.50", "50.0%", "—") and as summary.csv does ("2.5", "50", ""), as numbers. */
const pageNumber = (text: string): number | null => (text === '—' || text === '' ? null : Number(text.replace('%', '')));
const csvNumber = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number(text));

/** Checks every table row against summary.csv's row for the same axis and group, and that nothing is missing. */
function expectTablesEqualSummary(rows: TableRow[], summaryPath: string) {
  const summary = readCsv(summaryPath);
  expect(summary.errors).toEqual([]);
  const axisRows = summary.rows.filter((r) => r.framework_id === FRAMEWORK_ID && (r.axis_kind === 'level' || r.axis_kind === 'domain'));
  expect(rows).toHaveLength(axisRows.length);
  expect(rows.length).toBe(4 + 10);
  for (const row of rows) {
    const match = axisRows.find((r) => r.axis_kind === row.kind && r.axis_id === row.axis && r.rater_group === row.group);
    expect(match, `summary.csv row for ${row.kind} ${row.axis} ${row.group}`).toBeDefined();
    expect({ axis: row.axis, mean: pageNumber(row.mean), percent: pageNumber(row.percent), sd: pageNumber(row.sd), raters: Number(row.raters), ratings: Number(row.ratings) })
      .toEqual({ axis: row.axis, mean: csvNumber(match?.mean), percent: csvNumber(match?.percent), sd: csvNumber(match?.sd), raters: Number(match?.raters), ratings: Number(match?.ratings) });
  }
}

/** Opens #/data and downloads every self-assessment's response file, newest and oldest alike. */
async function downloadResponseFiles(dir: string): Promise<string[]> {
  await page.goto(appUrl('#/data'));
  const details = page.locator('details', { has: page.locator('summary', { hasText: /^Response files/ }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  const buttons = page.getByRole('button', { name: /^Download self-assessment of / });
  const paths: string[] = [];
  await buttons.first().waitFor();
  for (let i = 0; i < (await buttons.count()); i += 1) paths.push(await download(page, buttons.nth(i), dir));
  return paths;
}

function score(files: string[], out: string) {
  const run = runCli('score', [...files, '--out', out]);
  expect({ status: run.status, stderr: run.stderr.split('\n').filter((line) => !/^\s*$|^(Reading|Scoring|Writing)/.test(line)) }).toEqual({ status: 0, stderr: [] });
  return join(out, 'summary.csv');
}

describe('a learner rating themself on css-durable-skills from the home page to the profile', () => {
  const downloads = mkdtempSync(join(tmpdir(), 'skillscope-journey-'));

  it('starts from the home page, and finds two answered pages again after a reload', async () => {
    await page.goto(appUrl('#/'));
    await page.getByRole('link', { name: `Start self-assessment: ${framework.title}` }).click();
    await waitForSurvey(page);
    const firstPage = await visibleStatements(page, framework);
    for (const id of firstPage) await rate(page, id, firstAnswer(id));
    await page.getByRole('button', { name: 'Next' }).click();
    const secondPage = await visibleStatements(page, framework);
    expect(secondPage.every((id) => !firstPage.includes(id))).toBe(true);
    for (const id of secondPage) await rate(page, id, firstAnswer(id));
    await page.getByText(/Saved in this browser/).waitFor();

    await page.reload();
    await page.locator(`[data-name="${secondPage[0]}"]`).waitFor();
    for (const id of secondPage) expect(await isChecked(id, firstAnswer(id)), id).toBe(true);
    await page.getByRole('button', { name: 'Previous' }).click();
    for (const id of firstPage) expect(await isChecked(id, firstAnswer(id)), id).toBe(true);
  });

  it('finishes every page with Complete and lands on the profile', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await finishSurvey(page, framework, firstAnswer);
    await expect(page.locator('h1').first().textContent()).resolves.toContain(framework.title);
    await page.locator('#levels-table').waitFor();
  });

  it("shows in the profile's tables exactly the figures npm run score writes for the downloaded responses", async () => {
    const rows = await profileRows();
    const [responseFile] = await downloadResponseFiles(downloads);
    const longCsv = await downloadCsv(page, 'responses-long.csv', downloads);
    // The JSON file and the long CSV hold the same response: the CLI must count it once.
    const summaryPath = score([responseFile ?? '', longCsv], mkdtempSync(join(tmpdir(), 'skillscope-score-')));
    expectTablesEqualSummary(rows, summaryPath);
  });

  it('offers a summary.csv with the same bytes the CLI writes for the same responses', async () => {
    const appSummary = await downloadCsv(page, 'summary.csv', mkdtempSync(join(tmpdir(), 'skillscope-app-')));
    const [responseFile] = await downloadResponseFiles(mkdtempSync(join(tmpdir(), 'skillscope-json-')));
    const cliSummary = score([responseFile ?? ''], mkdtempSync(join(tmpdir(), 'skillscope-score-')));
    expect(readFileSync(appSummary, 'utf8')).toBe(readFileSync(cliSummary, 'utf8'));
  });

  it('retakes the self-assessment: the latest counts, and the earlier one stays listed with its date', async () => {
    const before = await profileRowsOf();
    await page.goto(appUrl('#/'));
    await page.getByRole('link', { name: `Retake self-assessment: ${framework.title}` }).click();
    await waitForSurvey(page);
    await finishSurvey(page, framework, secondAnswer);
    const after = await profileRows();
    expect(after).not.toEqual(before);

    const dir = mkdtempSync(join(tmpdir(), 'skillscope-retake-'));
    const files = await downloadResponseFiles(dir);
    expect(files).toHaveLength(2);
    await expect(page.getByText(/2 self-assessments and 0 responses from raters/).count()).resolves.toBe(1);
    const dates = await page.getByRole('button', { name: /^Download self-assessment of / }).allTextContents();
    expect(new Set(dates).size).toBe(2);

    // Scored together, the two files give the figures of the retake alone, and the profile shows those.
    const newest = files.find((file) => JSON.parse(readFileSync(file, 'utf8')).answers[framework.statements[0]?.id ?? ''] === secondAnswer(framework.statements[0]?.id ?? ''));
    expect(newest).toBeDefined();
    const both = readFileSync(score(files, mkdtempSync(join(tmpdir(), 'skillscope-score-'))), 'utf8');
    const latestOnly = score([newest ?? ''], mkdtempSync(join(tmpdir(), 'skillscope-score-')));
    expect(both).toBe(readFileSync(latestOnly, 'utf8'));
    expectTablesEqualSummary(after, latestOnly);
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});

async function profileRowsOf(): Promise<TableRow[]> {
  await page.goto(appUrl(`#/profile/${FRAMEWORK_ID}`));
  return profileRows();
}
