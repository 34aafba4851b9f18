import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { OtherGroup } from '../../src/core/model/response.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { launchPersistentContext } from './browser.ts';
import { importFiles, learnerSubjectId } from './support-360-flow.ts';
import { finishSurvey, startSurvey } from './support-survey.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/*
 * The printed profile (issues 5 and 14): a learner prints it to hand to a coach. Each report is
 * printed to PDF as Ctrl+P prints it (screen layout first, then 'beforeprint', then the page's
 * print CSS on A4 paper), and the PDF is read back with poppler's pdftotext, as text and with
 * each word's box, to check what a reader of the paper would see.
 */

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'skillscope-print-'));
const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
/** print.css's side margins; the page numbers and names sit in the top and bottom margins. */
const SIDE_MARGIN = 13 * MM;

type Word = { text: string; xMin: number; xMax: number; yMin: number; yMax: number };
type PrintedPdf = { pages: string[]; raw: string; words: Word[][]; width: number; height: number };

async function pdftotext(args: string[]): Promise<string> {
  try {
    return (await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is missing: install Debian\'s poppler-utils to run the print tests.');
    throw error;
  }
}

let printed = 0;
/** The profile on screen, printed as Ctrl+P does, then read back page by page. */
async function printPdf(page: Page, format: 'A4' | 'Letter' = 'A4'): Promise<PrintedPdf> {
  await page.emulateMedia({ media: null });
  const file = join(dir, `profile-${(printed += 1)}.pdf`);
  writeFileSync(file, await page.pdf({ format, preferCSSPageSize: true, printBackground: true }));
  const [layout, raw, bbox] = await Promise.all([pdftotext(['-layout', file, '-']), pdftotext(['-raw', file, '-']), pdftotext(['-bbox', file, '-'])]);
  const pages = layout.split('\f').slice(0, -1);
  const words = bbox.split('<page ').slice(1).map((chunk) => [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map(([, xMin, yMin, xMax, yMax, text]) => ({ text: decodeEntities(text ?? ''), xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax) })));
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox);
  return { pages, raw: flat(raw), words, width: Number(size?.[1]), height: Number(size?.[2]) };
}

const decodeEntities = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Text with its line breaks and runs of space made single spaces, to find a wrapped sentence in. */
const flat = (text: string) => text.replace(/(?<=\S-)\n/g, '').replace(/\s+/g, ' ').trim();
const lines = (pageText: string) => pageText.split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** What the reader sees on the paper, in the order of the page (without the margins' lines). */
function bodyLines(pageText: string): string[] {
  return lines(pageText).slice(1, -1);
}

/** The numbers of the statement list's rows, in order, from the "Statements" heading on. */
function statementNumbers(pdf: PrintedPdf): number[] {
  const all = pdf.pages.flatMap(bodyLines);
  const start = all.indexOf('Statements');
  return all.slice(start + 1).flatMap((line) => /^(\d+)\.\s/.exec(line)?.[1] ?? []).map(Number);
}

async function expectMargins(pdf: PrintedPdf, page: Page, name: string, framework: Framework) {
  const today = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date()));
  pdf.pages.forEach((text, index) => {
    const [top, ...rest] = lines(text);
    const bottom = rest.at(-1) ?? '';
    expect(top, `page ${index + 1}'s top margin`).toContain(name);
    expect(top, `page ${index + 1}'s top margin`).toContain(framework.title);
    expect(bottom, `page ${index + 1}'s bottom margin`).toContain(`Printed ${today}`);
    expect(bottom, `page ${index + 1}'s bottom margin`).toMatch(new RegExp(`Page ${index + 1} of ${pdf.pages.length}$`));
  });
}

/** Every word inside the paper's side margins: nothing hangs off the page or gets cut at an edge. */
function expectNothingClipped(pdf: PrintedPdf) {
  const outside = pdf.words.flatMap((words, index) => words.filter((word) => word.xMin < SIDE_MARGIN - 1 || word.xMax > pdf.width - SIDE_MARGIN + 1 || word.yMin < 0 || word.yMax > pdf.height)
    .map((word) => `page ${index + 1}: "${word.text}" at ${(word.xMin / MM).toFixed(1)}-${(word.xMax / MM).toFixed(1)} mm`));
  expect(outside).toEqual([]);
}

/** No page ends on a heading: each heading has some of its section below it on its page. */
async function expectNoOrphanHeadings(pdf: PrintedPdf, page: Page) {
  await page.emulateMedia({ media: 'print' });
  const headings = new Set((await page.locator('.profile h2:visible, .profile h3:visible').allInnerTexts()).map(flat));
  await page.emulateMedia({ media: null });
  expect(headings.size).toBeGreaterThan(5);
  const stranded = pdf.pages.flatMap((text, index) => {
    const body = bodyLines(text).map(flat);
    const last = body.at(-1) ?? '';
    return headings.has(last) ? [`page ${index + 1} ends on "${last}"`] : [];
  });
  expect(stranded).toEqual([]);
}

function expectEveryStatementWhole(pdf: PrintedPdf, framework: Framework) {
  const missing = framework.statements.filter((statement) => !pdf.raw.includes(flat(statement.text))).map((statement) => statement.id);
  expect(missing).toEqual([]);
  expect(statementNumbers(pdf)).toEqual(framework.statements.map((_, index) => index + 1));
}

describe('printing a self-only profile of the durable skills (84 statements)', () => {
  const framework = builtinFramework('css-durable-skills');
  const name = 'Ana Ruiz';
  let context: BrowserContext;
  let page: Page;
  let pdf: PrintedPdf;

  beforeAll(async () => {
    context = await launchPersistentContext();
    page = await context.newPage();
    await startSurvey(page, framework.id, name);
    // A learner part-way: sure of the emerging statements, less of each level above.
    const byLevel: Record<string, (Rating | null)[]> = { emerging: [4, 3, 3], developing: [3, 2, 3], proficient: [2, 1, 2], advanced: [1, null, 2] };
    const seen = new Map<string, number>();
    await finishSurvey(page, framework, (id) => {
      const level = framework.statements.find((statement) => statement.id === id)?.level ?? 'emerging';
      const index = seen.get(level) ?? 0;
      seen.set(level, index + 1);
      const ratings = byLevel[level] ?? [3];
      return ratings[index % ratings.length] ?? 3;
    });
    await page.locator('canvas').first().waitFor();
    pdf = await printPdf(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('leaves out the navigation, the buttons and the filters', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.profile-actions').isVisible()).resolves.toBe(false);
    await expect(page.locator('main a.button:visible').count()).resolves.toBe(0);
    await expect(page.locator('.profile select:visible').count()).resolves.toBe(0);
  });

  it('keeps the charts, their tables, the plan and the attribution', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('canvas:visible').count()).resolves.toBe(2);
    await expect(page.locator('.axis-table:visible').count()).resolves.toBe(2);
    await expect(page.getByRole('heading', { name: 'Development plan' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Source of the framework').isVisible()).resolves.toBe(true);
  });

  it('sets each chart beside its table', async () => {
    await page.emulateMedia({ media: 'print' });
    for (const section of await page.locator('.chart-section').all()) {
      const chart = await section.locator('canvas').boundingBox();
      const table = await section.locator('table').boundingBox();
      if (chart === null || table === null) throw new Error('A chart or its table has no box in print.');
      expect(table.x).toBeGreaterThanOrEqual(chart.x + chart.width);
      expect(table.y).toBeLessThan(chart.y + chart.height);
    }
  });

  it('prints on at most 5 A4 pages, the first holding the attained level and both charts', () => {
    expect(pdf.pages.length).toBeLessThanOrEqual(5);
    expect(Math.abs(pdf.width - A4.width)).toBeLessThan(2);
    const first = bodyLines(pdf.pages[0] ?? '');
    for (const heading of ['Attained level', 'Where you stand', 'By level', 'By domain']) expect(first).toContain(heading);
    expect(first.some((line) => line.includes("By domain: the chart's figures"))).toBe(true);
  });

  it('prints every statement whole, numbered 1 to 84, with nothing cut at the edges of the paper', () => {
    expectEveryStatementWhole(pdf, framework);
    expectNothingClipped(pdf);
  });

  it("puts the learner's name, the framework, the day and the page number in the margins of every page", async () => {
    await expectMargins(pdf, page, name, framework);
  });

  it('ends no page on a heading', async () => {
    await expectNoOrphanHeadings(pdf, page);
  });

  it('prints on Letter paper too, in as few pages', async () => {
    const letter = await printPdf(page, 'Letter');
    expect(Math.abs(letter.width - 8.5 * 72)).toBeLessThan(2);
    expect(letter.pages.length).toBeLessThanOrEqual(6);
    expectNothingClipped(letter);
    expectEveryStatementWhole(letter, framework);
  });
});

describe('printing a 360 profile of the durable skills (self, a manager, three peers)', () => {
  const framework = builtinFramework('css-durable-skills');
  const name = 'Ben Okafor';
  let context: BrowserContext;
  let page: Page;
  let pdf: PrintedPdf;

  beforeAll(async () => {
    context = await launchPersistentContext();
    page = await context.newPage();
    await startSurvey(page, framework.id, name);
    const selfRating = (index: number) => ((index * 7) % 4) + 1;
    await finishSurvey(page, framework, (id) => selfRating(framework.statements.findIndex((statement) => statement.id === id)) as Rating);
    const subjectId = await learnerSubjectId(page);
    const raters: OtherGroup[] = ['manager', 'peer', 'peer', 'peer'];
    // Raters mostly within a step of the learner, each their own way; every ninth statement the
    // learner rates two steps above them all (a blind spot), some statements not observed.
    const raterRating = (index: number, rater: number): Rating | null => {
      if (index % 11 === rater) return null;
      const shift = index % 9 === 4 ? -2 : [0, 1, -1, 0][(index + rater) % 4] ?? 0;
      return Math.min(4, Math.max(1, selfRating(index) + shift)) as Rating;
    };
    const files = raters.map((group, rater) => {
      const answers = new Map<string, Rating | null>(framework.statements.map((statement, index) => [statement.id, raterRating(index, rater)]));
      const comments = new Map([['communication', `Explains fixes plainly to users (rater ${rater + 1}).`], ['general', 'Steady under pressure; could delegate more.']]);
      const response = { responseId: `print-${group}-${rater}`, frameworkId: framework.id, surveyId: `${framework.id}.360`, subjectId, raterGroup: group, submittedAt: `2026-11-2${rater}T10:00:00Z`, answers: answersFromEntries(answers, framework), comments };
      return { name: `${group}-${rater}.json`, mimeType: 'application/json', buffer: Buffer.from(writeResponseFile(response)) };
    });
    await expect(importFiles(page, files)).resolves.toBe('Imported 4 responses.');
    await page.goto(page.url().replace(/#.*$/, `#/profile/${framework.id}`));
    await page.getByRole('heading', { name: 'Self against others' }).waitFor();
    await page.locator('canvas').first().waitFor();
    pdf = await printPdf(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  // Twice the figures a statement, the comparison, blind spots and comments: 9 pages at most
  // (13 A4 pages held the self-only profile alone before issue 14).
  it('prints on at most 9 A4 pages, with the comparison and the comments', () => {
    expect(pdf.pages.length).toBeLessThanOrEqual(9);
    const body = pdf.pages.flatMap(bodyLines);
    for (const heading of ['Self against others', 'Comments', 'Statements']) expect(body).toContain(heading);
    expect(pdf.raw).toContain('Steady under pressure; could delegate more.');
  });

  it("prints every statement whole with the others' figures, nothing cut at the edges", () => {
    expectEveryStatementWhole(pdf, framework);
    expectNothingClipped(pdf);
    expect(pdf.raw).toMatch(/All others: \d\.\d\d \(\d /);
  });

  it("puts the learner's name, the day and the page number on every page, and ends no page on a heading", async () => {
    await expectMargins(pdf, page, name, framework);
    await expectNoOrphanHeadings(pdf, page);
  });
});

describe('printing the profile of a learner whose name is written to hurt', () => {
  // Quotes and a backslash would end or escape a CSS string; 180 characters would fill the margin.
  const name = `Zoë "Zed" \\ O'Brien-Ångström${' and Lindqvist'.repeat(11)}`;
  const framework = builtinFramework('css-ai-at-work');
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await launchPersistentContext();
    page = await context.newPage();
    await startSurvey(page, framework.id, name);
    await finishSurvey(page, framework, (id) => (id.startsWith('advanced') ? 2 : 3));
    await page.locator('canvas').first().waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('prints the name as written in the margin, cut short with an ellipsis, on pages that still fit', async () => {
    const pdf = await printPdf(page);
    expect(pdf.pages.length).toBeLessThanOrEqual(3);
    for (const text of pdf.pages) {
      const top = flat(lines(text).slice(0, 2).join(' '));
      expect(top).toContain('Zoë "Zed" \\ O\'Brien-Ångström and Lindqvist');
      expect(top).toContain('…');
      expect(top).not.toContain(name);
    }
    expectNothingClipped(pdf);
    // The full name is still on the first page, in the profile's header.
    expect(flat(pdf.pages[0] ?? '')).toContain(flat(name).slice(0, 60));
  });
});
