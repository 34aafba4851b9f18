import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import { writeResponsesLongCsv } from '../../src/core/io/responses-long-csv.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { BENCH_FRAMEWORK_ID, storedRecord } from './app-fixtures.ts';
import { type AppSeed, buildApp, freshContext, launchChromium, machineLoadNote, type Probes, serve, tempDir } from './browser-harness.ts';
import { atMost, type BenchSection, type Figure, formatNumber, median } from './bench-table.ts';
import { longestBusyStretch, moduleNamer, openProfiled, startProfiler, timeByModule } from './cpu-profile.ts';
import { syntheticResponses } from './synthetic-data.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * The 360 side at scale, in Chromium: importing 500 response files and a 100,000-row long CSV
 * through the data page's file input (time, the progress bar, the longest main-thread task), and
 * the team view of 200 learners (rendered, then sorted by a column).
 */

const FILES = 500;
const CSV_ROWS = 100_000;
const TEAM = 200;
const SORTS = 5;
const FILES_LIMIT_MS = 5000;
const SORT_LIMIT_MS = 100;
const TASK_LIMIT_MS = 200;
/** Long tasks this long after the message still belong to the import (the page re-reads its storage). */
const AFTER_DONE_MS = 1000;

type ImportWatch = {
  changeAt: number | null;
  doneAt: number | null;
  message: string | null;
  failed: string | null;
  frames: number;
  longestFrameGap: number;
  values: number[];
};

type ImportRun = { ms: number; message: string; frames: number; longestFrameGap: number; values: number[]; longestTask: number; tasks: number };

/** Watches the import from the change event of the file input to the data page's outcome. */
function watchImport(): void {
  const watch: ImportWatch = { changeAt: null, doneAt: null, message: null, failed: null, frames: 0, longestFrameGap: 0, values: [] };
  (window as unknown as { __import: ImportWatch }).__import = watch;
  document.addEventListener('change', (event) => {
    if (watch.changeAt === null && event.target instanceof HTMLInputElement && event.target.type === 'file') watch.changeAt = performance.now();
  }, true);
  // What the user sees: the progress bar's value at each frame the page paints.
  let lastFrame = performance.now();
  const frame = (time: number) => {
    if (watch.changeAt !== null) {
      watch.frames += 1;
      watch.longestFrameGap = Math.max(watch.longestFrameGap, time - lastFrame);
      const progress = document.querySelector('progress');
      if (progress !== null && watch.values[watch.values.length - 1] !== progress.value) watch.values.push(progress.value);
    }
    lastFrame = time;
    if (watch.doneAt === null && watch.failed === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    if (watch.doneAt !== null || watch.failed !== null) return;
    const ok = document.querySelector('.banner-ok')?.textContent ?? '';
    if (/^Imported \d+ response/.test(ok)) {
      watch.doneAt = performance.now();
      watch.message = ok;
    }
    const error = document.querySelector('.banner-error');
    if (error !== null) watch.failed = (error.textContent ?? '').slice(0, 400);
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

async function openDataPage(browser: Browser, origin: string): Promise<Page> {
  const context = await freshContext(browser, origin, null);
  const page = await context.newPage();
  await page.goto(`${origin}/#/data`);
  await page.locator('input[type="file"][multiple]:enabled').waitFor();
  await page.evaluate(watchImport);
  return page;
}

async function waitForImport(page: Page): Promise<ImportWatch> {
  await page.waitForFunction(() => {
    const watch = (window as unknown as { __import: ImportWatch }).__import;
    return watch.doneAt !== null || watch.failed !== null;
  }, undefined, { timeout: 180_000, polling: 100 });
  const watch = await page.evaluate(() => (window as unknown as { __import: ImportWatch }).__import);
  if (watch.failed !== null) throw new Error(`The import was refused: ${watch.failed}`);
  return watch;
}

async function timedImport(browser: Browser, origin: string, paths: readonly string[]): Promise<ImportRun> {
  const page = await openDataPage(browser, origin);
  try {
    await page.locator('input[type="file"][multiple]').setInputFiles([...paths]);
    const watch = await waitForImport(page);
    await page.waitForTimeout(AFTER_DONE_MS);
    const { changeAt, doneAt } = watch;
    if (changeAt === null || doneAt === null) throw new Error('The import was not seen to start or end.');
    const longTasks = (await page.evaluate(() => (window as unknown as { __bench: Probes }).__bench.longTasks))
      .filter((task) => task.start + task.duration >= changeAt && task.start <= doneAt + AFTER_DONE_MS);
    return {
      ms: doneAt - changeAt,
      message: watch.message ?? '',
      frames: watch.frames,
      longestFrameGap: watch.longestFrameGap,
      values: watch.values,
      longestTask: Math.max(0, ...longTasks.map((task) => task.duration)),
      tasks: longTasks.length,
    };
  } finally {
    await page.context().close();
  }
}

/** The same import on the unminified build under the CPU profiler: what ran in the longest busy stretch. */
async function whatBlocks(browser: Browser, paths: readonly string[]): Promise<string[]> {
  const outDir = await buildApp(false);
  const server = await serve(outDir);
  const page = await openDataPage(browser, server.origin);
  try {
    const stop = await startProfiler(page);
    await page.locator('input[type="file"][multiple]').setInputFiles([...paths]);
    await waitForImport(page);
    await page.waitForTimeout(AFTER_DONE_MS);
    const busiest = longestBusyStretch(await stop(), moduleNamer(outDir));
    return [
      `    longest stretch of script under the profiler: ${formatNumber(busiest.ms, 0)} ms`,
      `    by function [module]: ${busiest.byFunction.join(', ')}`,
      `    by the src/ function it ran under: ${busiest.bySource.join(', ')}`,
    ];
  } finally {
    await page.context().close();
    await server.close();
  }
}

/** Exactly `rows` long-CSV rows: whole responses, the last one cut to fit. */
function responsesForRows(framework: Framework, rows: number): SurveyResponse[] {
  const pool = syntheticResponses(framework, { subjects: 300, responses: Math.ceil((rows / framework.statements.length) * 1.2), seed: 100_000 });
  const chosen: SurveyResponse[] = [];
  let count = 0;
  for (const response of pool) {
    if (count >= rows) break;
    const room = rows - count;
    const answers = response.answers.size <= room ? response.answers : answersFromEntries([...response.answers].slice(0, room), framework);
    chosen.push({ ...response, answers });
    count += answers.size;
  }
  if (count !== rows) throw new Error(`Only ${count} rows could be made, not ${rows}.`);
  return chosen;
}

type SortWatch = { clickAt: number | null; sortedAt: number | null; paintedAt: number | null; firstBefore: string; firstAfter: string };
type Sort = { ms: number; painted: number; firstChanged: boolean };

/** Clicks the header button of column `index` and times it, in the page, until that column is the sorted one. */
async function timedSort(page: Page, index: number): Promise<Sort> {
  await page.evaluate((column) => {
    const first = () => document.querySelector('.team-table tbody tr th')?.textContent ?? '';
    const header = document.querySelectorAll('.team-table thead th')[column];
    const watch: SortWatch = { clickAt: null, sortedAt: null, paintedAt: null, firstBefore: first(), firstAfter: '' };
    (window as unknown as { __sort: SortWatch }).__sort = watch;
    const onClick = (event: Event) => {
      if (event.isTrusted && watch.clickAt === null) watch.clickAt = event.timeStamp;
    };
    document.addEventListener('click', onClick, true);
    const observer = new MutationObserver(() => {
      if (watch.sortedAt !== null || header?.getAttribute('aria-sort') === null) return;
      watch.sortedAt = performance.now();
      watch.firstAfter = first();
      observer.disconnect();
      document.removeEventListener('click', onClick, true);
      // The frame after the change, once painted.
      requestAnimationFrame(() => setTimeout(() => {
        watch.paintedAt = performance.now();
      }, 0));
    });
    const table = document.querySelector('.team-table');
    if (table !== null) observer.observe(table, { childList: true, subtree: true, attributes: true, characterData: true });
  }, index);
  await page.locator('.team-table thead th').nth(index).locator('button').click();
  await page.waitForFunction(() => (window as unknown as { __sort: SortWatch }).__sort.paintedAt !== null, undefined, { timeout: 30_000, polling: 50 });
  const watch = await page.evaluate(() => (window as unknown as { __sort: SortWatch }).__sort);
  const { clickAt, sortedAt, paintedAt } = watch;
  if (clickAt === null || sortedAt === null || paintedAt === null) throw new Error('The sort was not seen.');
  return { ms: sortedAt - clickAt, painted: paintedAt - clickAt, firstChanged: watch.firstAfter !== watch.firstBefore };
}

async function teamView(browser: Browser, origin: string, seed: AppSeed): Promise<{ rendered: number; columns: number; sorts: Sort[] }> {
  const context = await freshContext(browser, origin, seed, { teamRows: TEAM });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/#/team`, { waitUntil: 'commit' });
    const rendered = await page.waitForFunction(() => (window as unknown as { __bench: Probes }).__bench.teamRows, undefined, { timeout: 60_000, polling: 50 });
    const renderedAt = (await rendered.jsonValue()) ?? Number.NaN;
    const columns = await page.locator('.team-table thead th').count();
    const sorts: Sort[] = [];
    for (let i = 1; i <= SORTS && i < columns; i += 1) sorts.push(await timedSort(page, i));
    return { rendered: renderedAt, columns, sorts };
  } finally {
    await context.close();
  }
}

/**
 * One more visit of the team view on the unminified build under the CPU profiler, from a blank
 * page of the same origin (so the profiler runs in the app's renderer and nothing is cached) to
 * the table's rows: self time by package or source file, and what ran in the longest stretch.
 */
async function whereTeamTimeGoes(browser: Browser, seed: AppSeed): Promise<string[]> {
  const outDir = await buildApp(false);
  const server = await serve(outDir);
  const context = await freshContext(browser, server.origin, seed, { teamRows: TEAM });
  try {
    const page = await context.newPage();
    const stop = await openProfiled(page, server.origin, '#/team');
    const rendered = await page.waitForFunction(() => (window as unknown as { __bench: Probes }).__bench.teamRows, undefined, { timeout: 60_000, polling: 50 });
    const renderedAt = (await rendered.jsonValue()) ?? Number.NaN;
    const profile = await stop();
    const nameOf = moduleNamer(outDir);
    const busiest = longestBusyStretch(profile, nameOf);
    return [
      `  ${ms(renderedAt)} ms profiled, by package or file: ${timeByModule(profile, nameOf).join(', ')}`,
      `  longest stretch of script: ${ms(busiest.ms)} ms; by the src/ function it ran under: ${busiest.bySource.join(', ')}`,
    ];
  } finally {
    await context.close();
    await server.close();
  }
}

const ms = (value: number) => formatNumber(value, 0);
const moves = (run: ImportRun) => run.values.filter((value) => value > 0 && value < 100).length >= 2;

function importFigures(label: string, run: ImportRun, limitMs: number | null): Figure[] {
  const time: Figure = { name: `${label}: to "${run.message.replace(/\.$/, '')}"`, value: ms(run.ms), unit: 'ms' };
  if (limitMs !== null) time.target = atMost(run.ms, limitMs, `< ${formatNumber(limitMs)} ms`);
  return [
    time,
    { name: '  progress bar seen moving', value: moves(run) ? 'yes' : 'no', unit: `${run.values.length} values`, target: { text: 'yes', pass: moves(run) } },
    { name: '  longest main-thread task', value: ms(run.longestTask), unit: 'ms', target: atMost(run.longestTask, TASK_LIMIT_MS, `<= ${TASK_LIMIT_MS} ms`) },
  ];
}

export const importing: BenchSection = {
  name: 'import',
  async run() {
    const framework = builtinFramework(BENCH_FRAMEWORK_ID);
    const lookup = (id: string) => (id === framework.id ? framework : undefined);
    const dir = tempDir('import');
    mkdirSync(join(dir, 'files'));
    const filePaths = syntheticResponses(framework, { subjects: 100, responses: FILES, seed: 500 }).map((response, index) => {
      const path = join(dir, 'files', `response-${String(index + 1).padStart(3, '0')}.json`);
      writeFileSync(path, writeResponseFile(response));
      return path;
    });
    const csvResponses = responsesForRows(framework, CSV_ROWS);
    const csvPath = join(dir, 'responses-long.csv');
    const csvText = writeResponsesLongCsv(csvResponses, lookup);
    writeFileSync(csvPath, csvText);
    const team = syntheticResponses(framework, { subjects: TEAM, responses: TEAM * 6, seed: 200 });

    const server = await serve(await buildApp());
    const browser = await launchChromium();
    try {
      const files = await timedImport(browser, server.origin, filePaths);
      const csv = await timedImport(browser, server.origin, [csvPath]);
      const view = await teamView(browser, server.origin, { responses: team.map(storedRecord) });
      const blocking: string[] = [];
      for (const [label, run, paths] of [[`${FILES} files`, files, filePaths], ['CSV', csv, [csvPath]]] as const) {
        if (run.longestTask <= TASK_LIMIT_MS) continue;
        blocking.push(`What blocks the main thread, ${label} import (CPU profile of one more import, unminified build, self time):`, ...(await whatBlocks(browser, paths)));
      }
      const teamProfile = await whereTeamTimeGoes(browser, { responses: team.map(storedRecord) });
      const sortMs = median(view.sorts.map((sort) => sort.ms));
      const describe = (label: string, run: ImportRun) =>
        `${label}: ${run.frames} frames painted during the import (longest gap between two ${ms(run.longestFrameGap)} ms), ${run.tasks} long tasks; progress values seen: ${run.values.slice(0, 12).join(', ')}${run.values.length > 12 ? ', …' : ''}`;
      return {
        title: 'import: response files, a long CSV and the team view in Chromium',
        figures: [
          ...importFigures(`${FILES} response files`, files, FILES_LIMIT_MS),
          ...importFigures(`responses-long.csv, ${formatNumber(CSV_ROWS)} rows`, csv, null),
          { name: `team view, ${TEAM} learners: table rendered`, value: ms(view.rendered), unit: 'ms' },
          { name: `  sort by a column (median of ${view.sorts.length})`, value: ms(sortMs), unit: 'ms', target: atMost(sortMs, SORT_LIMIT_MS, `< ${SORT_LIMIT_MS} ms`) },
          { name: '  slowest sort', value: ms(Math.max(...view.sorts.map((sort) => sort.ms))), unit: 'ms' },
          { name: '  sort painted (median)', value: ms(median(view.sorts.map((sort) => sort.painted))), unit: 'ms' },
        ],
        notes: [
          describe(`${FILES} files`, files),
          describe('CSV', csv),
          ...blocking,
          `Files: ${FILES} synthetic responses to ${BENCH_FRAMEWORK_ID} (100 subjects, every rater group) written with writeResponseFile; the CSV:`,
          `  ${formatNumber(csvResponses.length)} responses, ${formatNumber(CSV_ROWS)} rows, ${formatNumber(csvText.length / 1e6, 1)} MB, written with writeResponsesLongCsv. Each import in a fresh context on #/data,`,
          '  timed in the page from the file input\'s change event to the "Imported N responses" message; progress read at each animation',
          `  frame; long tasks (PerformanceObserver) from the change event to ${formatNumber(AFTER_DONE_MS)} ms after the message.`,
          `Team: ${formatNumber(team.length)} responses of ${TEAM} learners stored before the visit; rendered = navigation start to ${TEAM} rows in the table.`,
          `  Sort: a header button clicked (columns 1 to ${view.sorts.length} of ${view.columns}), from the click's time stamp to the column's aria-sort set`,
          `  (the same commit as the rows); painted = the frame after. First row changed on ${view.sorts.filter((sort) => sort.firstChanged).length} of ${view.sorts.length} sorts.`,
          'Served precompressed, as a static host serves files (see the load section\'s notes).',
          'Where the team view\'s first render goes (CPU profile of one more visit, unminified build; self time, idle = waiting):',
          ...teamProfile,
          machineLoadNote(),
        ],
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
