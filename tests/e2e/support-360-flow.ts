import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Framework } from '../../src/core/model/framework.ts';
import { NOT_APPLICABLE_LABEL, RATING_LABELS, type Rating } from '../../src/core/model/rating-scale.ts';
import type { OtherGroup } from '../../src/core/model/response.ts';
import { decodeInvitation, type Invitation } from '../../src/core/share/invitation.ts';
import { appUrl } from './browser.ts';

/**
 * The 360 loop as its users walk it, in real pages: a learner rating themself and inviting, a
 * rater answering a link, the learner importing and exporting. Shared by the feedback-360 tests.
 */

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `skillscope-360-${prefix}-`));

/** A repeatable answer per statement index: `shift` makes raters differ, some N/A included. */
export type AnswerPattern = (index: number) => Rating | null;
export const answerPattern = (shift: number): AnswerPattern => (index) => ((index * 7 + shift) % 9 === 4 ? null : ((((index + shift) * 5) % 4) + 1) as Rating);

/** Answers every statement of the survey on screen, page by page, and presses Complete. */
export async function answerWholeSurvey(page: Page, framework: Framework, answer: AnswerPattern, who: 'self' | 'rater', comment?: string) {
  const ids = framework.statements.map((s) => s.id);
  await page.locator('.sd-question').first().waitFor();
  let commented = false;
  for (;;) {
    const visible = await page.locator('[data-name]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name') ?? ''));
    for (const id of visible.filter((name) => ids.includes(name))) {
      const rating = answer(ids.indexOf(id));
      const label = rating === null ? NOT_APPLICABLE_LABEL[who] : RATING_LABELS[rating];
      await page.locator(`[data-name="${id}"]`).getByText(label, { exact: true }).click();
    }
    if (comment !== undefined && !commented && visible.some((name) => ids.includes(name))) {
      await page.locator('[data-name^="comment_"] textarea').first().fill(comment);
      commented = true;
    }
    const complete = page.getByRole('button', { name: 'Complete' });
    if (await complete.isVisible()) {
      await complete.click();
      return;
    }
    await page.getByRole('button', { name: 'Next' }).click();
    // SurveyJS swaps pages with an animation: read the next page only once this one has gone.
    const first = visible.find((name) => ids.includes(name)) ?? visible[0];
    if (first !== undefined && first !== '') await page.locator(`[data-name="${first}"]`).waitFor({ state: 'detached' });
  }
}

/** The learner's self-assessment from the start, giving their name on first use. */
export async function selfAssess(page: Page, framework: Framework, answer: AnswerPattern, learnerName: string) {
  await page.goto(appUrl(`#/assess/${framework.id}`));
  const name = page.getByLabel('Your name');
  await name.or(page.locator('.sd-question').first()).first().waitFor();
  if (await name.isVisible()) {
    await name.fill(learnerName);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await answerWholeSurvey(page, framework, answer, 'self');
  await page.waitForURL(/#\/profile\//);
}

export type Link = { url: string; invitation: Invitation };

/** Plans the counts per group on the invite page (nothing sent yet). */
export async function planInvitations(page: Page, frameworkId: string, counts: Partial<Record<OtherGroup, number>>, endpoint?: string) {
  await page.goto(appUrl(`#/invite/${frameworkId}`));
  await page.getByRole('heading', { name: /Invite raters/ }).waitFor();
  const labels: Record<OtherGroup, string> = { manager: 'Managers', peer: 'Peers', 'direct-report': 'Direct reports', other: 'Others' };
  for (const group of ['manager', 'peer', 'direct-report', 'other'] as const) {
    await page.getByLabel(labels[group], { exact: true }).fill(String(counts[group] ?? 0));
  }
  if (endpoint !== undefined) {
    await page.getByText('Collection address (optional, for teams)').click();
    await page.getByLabel('HTTPS address that also receives each response').fill(endpoint);
  }
}

/** Creates the planned links and reads them off the page, each decoded to know its group. */
export async function createLinks(page: Page, isBuiltin: (id: string) => boolean): Promise<Link[]> {
  const before = await page.locator('.invitation-list input').count();
  await page.getByRole('button', { name: /^Create \d+ links?$/ }).click();
  await page.locator('.invitation-list input').nth(before).waitFor();
  const urls = await page.locator('.invitation-list input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  return urls.slice(before).map((url) => {
    const decoded = decodeInvitation(url.slice(url.indexOf('#/rate/') + '#/rate/'.length), isBuiltin);
    if (!decoded.ok) throw new Error(`The page made a link that does not decode: ${JSON.stringify(decoded.issues)}`);
    return { url, invitation: decoded.value };
  });
}

export type RaterResult = { file: string; code: string; fileText: string };

export type RaterOptions = {
  comment?: string;
  /** Before the rater's page opens: routes, permissions, listeners. */
  setupContext?: (context: BrowserContext) => Promise<void>;
  /** On the survey, before answering. */
  beforeComplete?: (page: Page) => Promise<void>;
  /** On the thank-you page, after the file was downloaded. */
  afterSubmit?: (page: Page) => Promise<void>;
};

/** A rater, in a browser context of their own, opens the link, answers, completes and downloads. */
export async function rateFromLink(browser: Browser, link: Link, framework: Framework, answer: AnswerPattern, dir: string, options: RaterOptions = {}): Promise<RaterResult> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  try {
    await options.setupContext?.(context);
    const page = await context.newPage();
    await page.goto(link.url);
    await page.getByRole('heading', { name: `Feedback for ${link.invitation.learnerName}` }).waitFor();
    await options.beforeComplete?.(page);
    await answerWholeSurvey(page, framework, answer, 'rater', options.comment);
    await page.getByRole('heading', { name: /Thank you/ }).waitFor();
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the response file' }).click()]);
    const file = join(dir, `${link.invitation.invitationId}-${saved.suggestedFilename()}`);
    await saved.saveAs(file);
    const code = await page.getByLabel(/Copy this code/).inputValue();
    await options.afterSubmit?.(page);
    return { file, code, fileText: readFileSync(file, 'utf8') };
  } finally {
    await context.close();
  }
}

/** Imports files on #/data (several at once) and waits for the page's verdict. */
export async function importFiles(page: Page, files: string[] | { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.goto(appUrl('#/data'));
  await page.getByLabel('Choose files, or drop them here').setInputFiles(files);
  return importVerdict(page);
}

export async function importCodes(page: Page, codes: string) {
  await page.getByLabel('Paste response codes').fill(codes);
  await page.getByRole('button', { name: 'Import the codes' }).click();
  return importVerdict(page);
}

async function importVerdict(page: Page): Promise<string> {
  const verdict = page.locator('.banner-ok', { hasText: /^Imported/ }).or(page.getByRole('alert'));
  await verdict.first().waitFor();
  return (await verdict.first().textContent()) ?? '';
}

/** A download through a button of the page, as bytes. */
export async function downloadBytes(page: Page, button: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await saved.path();
  return { name: saved.suggestedFilename(), bytes: readFileSync(path) };
}

/** The learner's subject id, as stored by the app. */
export async function learnerSubjectId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skillscope');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const learner = await new Promise<unknown>((resolve) => {
      const get = db.transaction('settings').objectStore('settings').get('learner');
      get.onsuccess = () => resolve(get.result);
    });
    db.close();
    return (learner as { subjectId: string }).subjectId;
  });
}

const run = promisify(execFile);

/** `npm run score` as a user runs it; retried once, since another person may be editing it. */
export async function scoreWithCli(files: string[], out: string, frameworkFile?: string): Promise<void> {
  const args = ['tsx', 'src/cli/score.ts', ...files, '--out', out, ...(frameworkFile ? ['--framework', frameworkFile] : [])];
  try {
    await run('npx', args, { cwd: process.cwd() });
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await run('npx', args, { cwd: process.cwd() });
  }
}

/** Rows of a CSV the app or CLI wrote (BOM, RFC 4180), as records by header. */
export function csvRecords(bytes: Buffer | string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(bytes.toString().replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}
