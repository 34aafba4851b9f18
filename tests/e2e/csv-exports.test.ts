import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { type CsvFile, downloadCsv, finishSurvey, readCsv, startSurvey, storedCounts } from './support-survey.ts';

/** The columns DESIGN.md gives each export, in its order. */
const COLUMNS = {
  long: ['response_id', 'framework_id', 'survey_id', 'subject_id', 'rater_group', 'submitted_at', 'statement_id', 'level', 'domain', 'rating', 'rating_label', 'case_item_uri'],
  wideHead: ['response_id', 'framework_id', 'survey_id', 'subject_id', 'rater_group', 'submitted_at'],
  summary: ['subject_id', 'framework_id', 'axis_kind', 'axis_id', 'rater_group', 'raters', 'ratings', 'mean', 'percent', 'sd', 'attained_level'],
  statements: ['subject_id', 'framework_id', 'statement_id', 'level', 'domain', 'self', 'others', 'gap', 'others_raters', 'others_sd', 'others_rwg', 'flag', 'case_item_uri'],
};
const LABELS: Record<string, string> = { 1: 'Not yet', 2: 'With support', 3: 'Independently', 4: 'Consistently, and can guide others' };

const FRAMEWORK_ID = 'css-ai-at-work';
let framework: Framework;
let context: BrowserContext;
let foreign: string[];
let page: Page;
let answers: Map<string, Rating | null>;
const dir = mkdtempSync(join(tmpdir(), 'skillscope-csv-'));
const csv: Record<'long' | 'wide' | 'summary' | 'statements', CsvFile & { path: string }> = {} as never;

/** Two statements left N/A, the rest varied. */
function answerOf(id: string): Rating | null {
  const index = framework.statements.findIndex((s) => s.id === id);
  return index === 2 || index === 7 ? null : (((index * 3) % 4) + 1) as Rating;
}

beforeAll(async () => {
  framework = builtinFramework(FRAMEWORK_ID);
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
  await startSurvey(page, FRAMEWORK_ID);
  answers = await finishSurvey(page, framework, answerOf);
  await page.goto(appUrl('#/data'));
  for (const [key, name] of [['long', 'responses-long.csv'], ['wide', 'responses-wide.csv'], ['summary', 'summary.csv'], ['statements', 'statements.csv']] as const) {
    const path = await downloadCsv(page, name, dir);
    csv[key] = { ...readCsv(path), path };
  }
});
afterAll(async () => {
  await context?.close();
});

const rated = () => [...answers].filter((entry): entry is [string, Rating] => entry[1] !== null);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

describe('the CSVs downloaded from Your data', () => {
  it('are UTF-8 with a byte-order mark, parse with no error, and have exactly the columns DESIGN.md gives', () => {
    for (const file of Object.values(csv)) {
      expect(file.bom, file.path).toBe(true);
      expect(file.errors, file.path).toEqual([]);
    }
    expect(csv.long.fields).toEqual(COLUMNS.long);
    expect(csv.wide.fields).toEqual([...COLUMNS.wideHead, ...framework.statements.map((s) => s.id)]);
    expect(csv.summary.fields).toEqual(COLUMNS.summary);
    expect(csv.statements.fields).toEqual(COLUMNS.statements);
  });

  it('hold in responses-long.csv one row per answer given, with its level and label', () => {
    expect(answers.size).toBe(framework.statements.length);
    expect(csv.long.rows).toHaveLength(answers.size);
    const responseIds = new Set(csv.long.rows.map((row) => row.response_id));
    expect(responseIds.size).toBe(1);
    for (const row of csv.long.rows) {
      const statement = framework.statements.find((s) => s.id === row.statement_id);
      const answer = answers.get(row.statement_id ?? '');
      expect(row).toMatchObject({ framework_id: FRAMEWORK_ID, survey_id: `${FRAMEWORK_ID}.self`, rater_group: 'self', level: statement?.level ?? '', domain: statement?.domain ?? '' });
      expect(row.rating).toBe(answer === null ? '' : String(answer));
      if (answer !== null && answer !== undefined) expect(row.rating_label).toBe(LABELS[answer]);
      expect(Number.isNaN(Date.parse(row.submitted_at ?? ''))).toBe(false);
    }
  });

  it('hold in responses-wide.csv one row, with 1-4 or NA under each statement', () => {
    expect(csv.wide.rows).toHaveLength(1);
    const row = csv.wide.rows[0] ?? {};
    expect(row.response_id).toBe(csv.long.rows[0]?.response_id);
    for (const [id, answer] of answers) expect(row[id], id).toBe(answer === null ? 'NA' : String(answer));
  });

  it('hold in summary.csv the mean, percent and count of the answers given, N/A left out', () => {
    const all = csv.summary.rows.find((row) => row.axis_kind === 'framework');
    const values = rated().map(([, rating]) => rating);
    const m = mean(values);
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
    expect(all).toMatchObject({ framework_id: FRAMEWORK_ID, axis_id: 'all', rater_group: 'self', raters: '1', ratings: String(values.length) });
    expect(Number(all?.mean)).toBe(round(m, 2));
    expect(Number(all?.percent)).toBe(round(((m - 1) / 3) * 100, 1));
    expect(Number(all?.sd)).toBe(round(sd, 2));
    for (const level of framework.levels) {
      const row = csv.summary.rows.find((r) => r.axis_kind === 'level' && r.axis_id === level.id);
      const levelValues = rated().filter(([id]) => framework.statements.find((s) => s.id === id)?.level === level.id).map(([, r]) => r);
      expect(row?.ratings, level.id).toBe(String(levelValues.length));
      expect(row?.mean, level.id).toBe(levelValues.length === 0 ? '' : String(round(mean(levelValues), 2)));
      expect(row?.attained_level, level.id).toBe('');
    }
    expect(csv.summary.rows.filter((r) => r.axis_kind === 'level')).toHaveLength(framework.levels.length);
  });

  it('hold in statements.csv each statement with the self rating and no others figures', () => {
    expect(csv.statements.rows.map((row) => row.statement_id)).toEqual(framework.statements.map((s) => s.id));
    for (const row of csv.statements.rows) {
      const answer = answers.get(row.statement_id ?? '');
      expect({ self: row.self, others: row.others, gap: row.gap, others_sd: row.others_sd, others_rwg: row.others_rwg, flag: row.flag })
        .toEqual({ self: answer === null || answer === undefined ? '' : String(answer), others: '', gap: '', others_sd: '', others_rwg: '', flag: '' });
    }
  });
});

describe('importing CSVs on Your data', () => {
  it('takes back its own responses-long.csv as already there, changing no count', async () => {
    await page.goto(appUrl('#/data'));
    const before = await storedCounts(page);
    await page.getByLabel('Choose files, or drop them here').setInputFiles(csv.long.path);
    await page.getByText(/Imported 0 responses; 1 was already here and counted once\./).waitFor();
    await expect(storedCounts(page)).resolves.toBe(before);
  });

  it('refuses a CSV with an unknown statement and a rating of 5, listing each with file, row and column, and changes nothing', async () => {
    await page.goto(appUrl('#/data'));
    const before = await storedCounts(page);
    const rows: Record<string, string>[] = csv.long.rows.map((row) => ({ ...row, response_id: 'imported-elsewhere' }));
    const unknownAt = 1;
    const fiveAt = 4;
    rows[unknownAt] = { ...rows[unknownAt], statement_id: 'no-such-statement' };
    rows[fiveAt] = { ...rows[fiveAt], rating: '5' };
    const bad = join(dir, 'bad-long.csv');
    writeFileSync(bad, `\uFEFF${Papa.unparse(rows, { columns: COLUMNS.long })}`);

    await page.getByLabel('Choose files, or drop them here').setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported.' });
    await alert.waitFor();
    const problems = await alert.locator('li').allTextContents();
    // Spreadsheet rows: the header is row 1, so data row i is row i + 2.
    expect(problems.some((p) => p.startsWith('bad-long.csv') && p.includes(`row ${unknownAt + 2}`) && p.includes('statement_id')), problems.join('\n')).toBe(true);
    expect(problems.some((p) => p.startsWith('bad-long.csv') && p.includes(`row ${fiveAt + 2}`) && p.includes('rating')), problems.join('\n')).toBe(true);
    await expect(storedCounts(page)).resolves.toBe(before);
    await page.reload();
    await expect(storedCounts(page)).resolves.toBe(before);
    expect(readFileSync(bad, 'utf8')).toContain('no-such-statement');
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
