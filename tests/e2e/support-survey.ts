import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import type { Framework } from '../../src/core/model/framework.ts';
import { NOT_APPLICABLE_LABEL, RATING_LABELS, type Rating } from '../../src/core/model/rating-scale.ts';
import { appUrl } from './browser.ts';

/** Clicks a rating by its visible label inside the question of a statement id. */
export async function rate(page: Page, statementId: string, answer: Rating | null): Promise<void> {
  const label = answer === null ? NOT_APPLICABLE_LABEL.self : RATING_LABELS[answer];
  await page.locator(`[data-name="${statementId}"]`).getByText(label, { exact: true }).click();
}

/** Opens a self-assessment, giving the learner's name first if the app asks for it. */
export async function startSurvey(page: Page, frameworkId: string, name = 'Ana Ruiz'): Promise<void> {
  await page.goto(appUrl(`#/assess/${frameworkId}`));
  await waitForSurvey(page, name);
}

/** Waits for the survey's first question, answering the name prompt on the way. */
export async function waitForSurvey(page: Page, name = 'Ana Ruiz'): Promise<void> {
  const nameBox = page.getByLabel('Your name');
  await nameBox.or(page.locator('.sd-question').first()).first().waitFor();
  if (await nameBox.isVisible()) {
    await nameBox.fill(name);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.locator('.sd-question').first().waitFor();
}

/** Statement ids of the questions on the survey page now shown. */
export function visibleStatements(page: Page, framework: Framework): Promise<string[]> {
  const ids = new Set(framework.statements.map((s) => s.id));
  return page.locator('[data-name]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name') ?? ''))
    .then((names) => names.filter((name) => ids.has(name)));
}

/**
 * Answers every page from the current one to the end with `answerOf` and presses Complete;
 * returns every answer given, so a test can score them itself.
 */
export async function finishSurvey(page: Page, framework: Framework, answerOf: (statementId: string) => Rating | null): Promise<Map<string, Rating | null>> {
  const given = new Map<string, Rating | null>();
  for (;;) {
    const onPage = await visibleStatements(page, framework);
    for (const id of onPage) {
      const answer = answerOf(id);
      given.set(id, answer);
      await rate(page, id, answer);
    }
    const complete = page.getByRole('button', { name: 'Complete' });
    if (await complete.isVisible()) {
      await complete.click();
      break;
    }
    await page.getByRole('button', { name: 'Next' }).click();
    // SurveyJS swaps pages with an animation: read the next page only once this one has gone.
    if (onPage[0] !== undefined) await page.locator(`[data-name="${onPage[0]}"]`).waitFor({ state: 'detached' });
  }
  await page.waitForURL(/#\/profile\//);
  return given;
}

/** Clicks a button that downloads a file and saves the file into `dir`; returns its path. */
export async function download(page: Page, button: ReturnType<Page['getByRole']>, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** Downloads one of the CSVs offered on #/data (the page must be open). */
export function downloadCsv(page: Page, name: string, dir: string): Promise<string> {
  return download(page, page.getByRole('button', { name: `Download ${name}`, exact: true }), dir);
}

export type CsvFile = { bom: boolean; fields: string[]; rows: Record<string, string>[]; errors: Papa.ParseError[] };

/** A CSV as a spreadsheet would read it: the raw BOM check, then papaparse with a header row. */
export function readCsv(path: string): CsvFile {
  const text = readFileSync(path, 'utf8');
  const bom = text.startsWith('\uFEFF');
  const parsed = Papa.parse<Record<string, string>>(bom ? text.slice(1) : text, { header: true, skipEmptyLines: true });
  return { bom, fields: parsed.meta.fields ?? [], rows: parsed.data, errors: parsed.errors };
}

/** How many self-assessments and rater responses #/data says are stored (the page must be open). */
export async function storedCounts(page: Page): Promise<string> {
  const item = page.getByText(/\d+ self-assessments? and \d+ responses? from raters/);
  await item.waitFor();
  return (await item.textContent()) ?? '';
}
