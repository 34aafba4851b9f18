import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { roundPercent } from '../../src/core/score/rounding.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { csvRecords, downloadBytes } from './support-360-flow.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

const framework = builtinFramework('css-durable-skills');
const SUBJECTS = ['ana-ruiz-a1b2', 'ben-okafor-c3d4', 'chen-li-e5f6', 'dara-obi-g7h8', 'eli-moss-j9k2', 'fay-lund-m3n4', 'chen-li-x9y8'];
/**
 * The names their files carry. Ben's self-assessment says "Ben O." and a later rater's file
 * "Benedict Okafor": the latest wins. Eli's files carry no name: his id is shown. Two learners
 * are called Chen Li: two rows, each with its id beside the name.
 */
const NAMES: Record<string, string | undefined> = {
  'ana-ruiz-a1b2': 'Ana Ruiz', 'ben-okafor-c3d4': 'Benedict Okafor', 'chen-li-e5f6': 'Chen Li', 'dara-obi-g7h8': 'Dara Obi',
  'eli-moss-j9k2': undefined, 'fay-lund-m3n4': 'Fay Lund', 'chen-li-x9y8': 'Chen Li',
};
const shownName = (subjectId: string) => NAMES[subjectId] ?? subjectId;
/** Fay has two peers only: her peer cells must say "hidden" in the team view too. */
const PEERS: Record<string, number> = { 'fay-lund-m3n4': 2, 'chen-li-x9y8': 0 };

function response(subjectId: string, learner: number, raterGroup: RaterGroup, rater: number): SurveyResponse {
  const answers = new Map<string, Rating | null>();
  framework.statements.forEach((statement, index) => {
    // Learners differ by domain and by rater, so that each column sorts them differently.
    const domain = framework.domains.findIndex((d) => d.id === statement.domain);
    const level = Math.min(4, Math.max(1, 1 + ((learner + domain * 2) % 4) + ((index + rater) % 3) - 1));
    answers.set(statement.id, (index + learner + rater) % 13 === 0 ? null : level as Rating);
  });
  const name = subjectId === 'ben-okafor-c3d4' && raterGroup === 'self' ? 'Ben O.' : NAMES[subjectId];
  return {
    responseId: `${subjectId}-${raterGroup}-${rater}`, frameworkId: framework.id, surveyId: `${framework.id}.${raterGroup === 'self' ? 'self' : '360'}`,
    subjectId, ...(name === undefined ? {} : { subjectName: name }), raterGroup, submittedAt: `2026-04-0${rater + 1}T09:00:00.000Z`, answers: answersFromEntries(answers, framework), comments: new Map(),
  };
}

const team: SurveyResponse[] = SUBJECTS.flatMap((subjectId, learner) => [
  response(subjectId, learner, 'self', 0),
  ...(PEERS[subjectId] === 0 ? [] : [response(subjectId, learner, 'manager', 1)]),
  ...Array.from({ length: PEERS[subjectId] ?? 3 }, (_, peer) => response(subjectId, learner, 'peer', peer + 2)),
]);

let context: BrowserContext;
let foreign: string[];
let page: Page;

beforeAll(async () => {
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
  await page.goto(appUrl('#/team'));
  await page.getByText('No responses yet').waitFor();
  await page.getByLabel('Choose files, or drop them here').setInputFiles(team.map((r) => ({ name: `${r.responseId}.json`, mimeType: 'application/json', buffer: Buffer.from(writeResponseFile(r)) })));
  await page.getByText(`Imported ${team.length} responses.`).waitFor();
  await page.locator('.team-table tbody tr').nth(SUBJECTS.length - 1).waitFor();
});
afterAll(async () => {
  await context?.close();
});

type Shown = { subject: string; name: string; hover: string | null; cells: string[]; marks: string[] };
const readTable = (): Promise<Shown[]> =>
  page.locator('.team-table tbody tr').evaluateAll((rows) => rows.map((row) => ({
    subject: row.getAttribute('data-subject') ?? '',
    name: row.querySelector('th a')?.textContent ?? '',
    hover: row.querySelector('th a')?.getAttribute('title') ?? null,
    // What a sighted reader sees: the text without what is there only for screen readers.
    cells: [...row.querySelectorAll('td')].map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
      return copy.textContent ?? '';
    }),
    marks: [...row.querySelectorAll('td')].map((cell) => cell.getAttribute('data-mark') ?? ''),
  })));
const columnIndex = (domainId: string) => 1 + framework.domains.findIndex((d) => d.id === domainId);

/** A learner's percent on an axis for a group, from core, rounded as the app rounds it. */
function percentOf(subjectId: string, axisId: string, group: 'self' | 'peer'): string | null {
  const score = scoreSubject(framework, team.filter((r) => r.subjectId === subjectId), subjectId);
  const figure = score.axes.find((axis) => axis.id === axisId)?.groups.find((g) => g.group === group);
  return figure?.percent === null || figure === undefined ? null : `${(roundPercent(figure.percent) as number).toFixed(1)}%`;
}

describe('the team view of seven learners', () => {
  it('lists every learner by name, with the self percent that core computes', async () => {
    const rows = await readTable();
    expect(rows.map((row) => row.subject).sort()).toEqual([...SUBJECTS].sort());
    for (const row of rows) {
      expect(row.name).toBe(shownName(row.subject));
      expect(row.cells).toHaveLength(1 + framework.domains.length);
      for (const domain of framework.domains) {
        expect(row.cells[columnIndex(domain.id)]?.startsWith(percentOf(row.subject, domain.id, 'self') ?? '–')).toBe(true);
      }
    }
    // Sorted by what is shown: names A-Z, the learner without a name by id.
    expect(rows.map((row) => row.name)).toEqual(SUBJECTS.map(shownName).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('gives each name its id on hover, takes the latest file\'s name, and shows the id of two learners with one name', async () => {
    const rows = await readTable();
    const ben = rows.find((row) => row.subject === 'ben-okafor-c3d4');
    expect(ben).toMatchObject({ name: 'Benedict Okafor', hover: 'id: ben-okafor-c3d4' });
    expect(rows.find((row) => row.subject === 'eli-moss-j9k2')).toMatchObject({ name: 'eli-moss-j9k2', hover: null });
    const chens = page.locator('.team-table tbody tr', { hasText: 'Chen Li' });
    await expect(chens.count()).resolves.toBe(2);
    await expect(chens.locator('.learner-id').allTextContents()).resolves.toEqual(expect.arrayContaining(['chen-li-e5f6', 'chen-li-x9y8']));
    await expect(page.locator('.team-table tbody tr', { hasText: 'Ana Ruiz' }).locator('.learner-id').count()).resolves.toBe(0);
  });

  it('keeps subject ids, never names, in the CSVs', async () => {
    const summary = csvRecords((await downloadBytes(page, 'Download summary.csv')).bytes);
    expect([...new Set(summary.map((row) => row['subject_id']))].sort()).toEqual([...SUBJECTS].sort());
    expect(Object.keys(summary[0] ?? {})).not.toContain('subject_name');
    const long = (await downloadBytes(page, 'Download responses-long.csv')).bytes.toString();
    expect(long).not.toContain('Benedict');
  });

  it('sorts by a domain column, highest first, then lowest first on a second click', async () => {
    const domain = framework.domains.find((d) => d.id === 'collaboration');
    if (!domain) throw new Error('collaboration');
    // The heading shows "Collab."; its accessible name is the full title.
    const header = page.getByRole('columnheader', { name: new RegExp(`^${domain.title}`) }).getByRole('button');
    const percents = async () => (await readTable()).map((row) => Number.parseFloat(row.cells[columnIndex(domain.id)] ?? ''));
    await header.click();
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain(domain.title);
    const down = await percents();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(new Set(down).size).toBeGreaterThan(1);
    await header.click();
    await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain(domain.title);
    const up = await percents();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.click();
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('by attained level, highest first');
    const LEVEL_RANK = ['Not yet', 'Emerging', 'Developing', 'Proficient', 'Advanced'];
    const levels = (await readTable()).map((row) => LEVEL_RANK.findIndex((word) => (row.cells[columnIndex(domain.id)] ?? '').endsWith(word)));
    expect(levels.every((rank) => rank >= 0)).toBe(true);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    await page.getByRole('columnheader', { name: /^Learner/ }).getByRole('button').click();
  });

  it('marks a group too small to show "hidden", and a group with no response "–", with a key under the table', async () => {
    await page.getByLabel('Rated by').selectOption('peer');
    const rows = await readTable();
    const fay = rows.find((row) => row.subject === 'fay-lund-m3n4');
    expect(fay?.cells.every((cell) => cell === 'hidden')).toBe(true);
    expect(fay?.marks.every((mark) => mark === 'hidden')).toBe(true);
    const lone = rows.find((row) => row.subject === 'chen-li-x9y8');
    expect(lone?.cells.every((cell) => cell === '–')).toBe(true);
    expect(lone?.marks.every((mark) => mark === 'no-data')).toBe(true);
    const ana = rows.find((row) => row.subject === 'ana-ruiz-a1b2');
    expect(ana?.cells[columnIndex('communication')]?.startsWith(percentOf('ana-ruiz-a1b2', 'communication', 'peer') ?? 'missing')).toBe(true);
    // Screen readers hear the words, not a dash; hover says why.
    const fayCell = page.locator('tr[data-subject="fay-lund-m3n4"] td').first();
    await expect(fayCell.textContent()).resolves.toContain('hidden for anonymity');
    await expect(fayCell.locator('[title]').getAttribute('title')).resolves.toMatch(/too few peers/i);
    await expect(page.locator('tr[data-subject="chen-li-x9y8"] td').first().textContent()).resolves.toContain('no ratings');
    const key = page.locator('.team-key');
    await expect(key.textContent()).resolves.toMatch(/–\s*No ratings/);
    await expect(key.textContent()).resolves.toMatch(/hidden\s*Hidden for anonymity/);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'team-marks-1280.png'), fullPage: true });
    await page.getByLabel('Rated by').selectOption('self');
  });

  it('finds learners by name or by id, and says how many are shown', async () => {
    await page.getByLabel('Find a learner').fill('chen li');
    expect((await readTable()).map((row) => row.subject).sort()).toEqual(['chen-li-e5f6', 'chen-li-x9y8']);
    await page.getByLabel('Find a learner').fill('moss');
    const rows = await readTable();
    expect(rows.map((row) => row.subject)).toEqual(['eli-moss-j9k2']);
    await expect(page.getByText(`Showing 1 of ${SUBJECTS.length}.`).isVisible()).resolves.toBe(true);
    await page.getByLabel('Find a learner').fill('');
  });

  it('says the import takes any learner\'s files, not only raters\'', async () => {
    const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: "Import the team's responses" }) });
    const text = await panel.textContent();
    expect(text).not.toMatch(/from your raters/);
    expect(text).toMatch(/any learner/i);
  });

  it('passes axe-core WCAG 2.1 AA with no violation', async () => {
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('opens a learner\'s profile from the table, with their 360 figures', async () => {
    await page.getByRole('link', { name: 'Chen Li' }).and(page.locator('[title="id: chen-li-e5f6"]')).click();
    await page.waitForURL(/#\/profile\/css-durable-skills\/chen-li-e5f6$/);
    await page.locator('#domains-table').waitFor();
    const groups = await page.locator('#domains-table tr[data-group]').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-group')))].sort());
    expect(groups).toEqual(['manager', 'others', 'peer', 'self']);
    const communication = page.locator('#domains-table tr[data-axis="communication"][data-group="self"] [data-figure="percent"]');
    await expect(communication.textContent()).resolves.toBe(percentOf('chen-li-e5f6', 'communication', 'self'));
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});

/** Where each heading and the learner column are on screen, and whether their text fits. */
async function layout(p: Page) {
  return p.evaluate(() => {
    const box = document.querySelector('.team-table')?.parentElement;
    const headers = [...document.querySelectorAll('.team-table thead th')].map((th) => {
      const rect = th.getBoundingClientRect();
      const button = th.querySelector('button');
      return { left: rect.left, right: rect.right, fits: button === null || button.scrollWidth <= button.clientWidth + 1, hover: th.getAttribute('title'), name: button?.textContent ?? '' };
    });
    const learner = document.querySelector('.team-table tbody th')?.getBoundingClientRect();
    // A name wraps between its words, never inside one: no more lines than words.
    const names = [...document.querySelectorAll('.team-table tbody th a')].map((a) => ({ lines: a.getClientRects().length, words: (a.textContent ?? '').split(/[\s-]+/).length }));
    return {
      headers,
      learnerLeft: learner?.left ?? -1,
      namesWhole: names.every((name) => name.lines <= name.words),
      viewport: document.documentElement.clientWidth,
      // Only the table scrolls sideways, never the page.
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      overflow: box === null || box === undefined ? 0 : box.scrollWidth - box.clientWidth,
      cue: document.querySelector('.scroll-cue:not([hidden])')?.textContent ?? null,
    };
  });
}

describe('every column reachable and readable', () => {
  it('fits the ten domains at 1280 px, short headings with their full names on hover and for screen readers', async () => {
    await page.goto(appUrl('#/team'));
    await page.locator('.team-table tbody tr').nth(SUBJECTS.length - 1).waitFor();
    const seen = await layout(page);
    expect(seen.headers).toHaveLength(2 + framework.domains.length);
    expect(seen.namesWhole).toBe(true);
    expect(seen.pageOverflow).toBe(0);
    for (const header of seen.headers) {
      expect(header.right).toBeLessThanOrEqual(seen.viewport);
      expect(header.fits).toBe(true);
    }
    // Shortened headings carry the full title on hover, and it is their accessible name.
    for (const domain of framework.domains) {
      const header = seen.headers.find((h) => h.name.includes(domain.title));
      expect(header, domain.title).toBeDefined();
      if (header?.hover !== null) expect(header?.hover).toBe(domain.title);
      await expect(page.getByRole('columnheader', { name: new RegExp(`^${domain.title}`) }).count()).resolves.toBe(1);
    }
    expect(seen.headers.filter((h) => h.hover !== null).length).toBeGreaterThan(0);
    await expect(page.locator('.team-key').textContent()).resolves.toContain('Metacognition');
    await page.locator('h1').click();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'team-1280.png'), fullPage: true });
  });

  it('at 375 px keeps the learner column in place while the rest scrolls, with a visible cue', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 800 });
    await phone.goto(appUrl('#/team'));
    await phone.locator('.team-table tbody tr').nth(SUBJECTS.length - 1).waitFor();
    // The cue follows the browser's first layout of the table (a ResizeObserver), a frame after its rows.
    await phone.locator('.scroll-cue-wrap', { has: phone.locator('.team-table') }).locator('.scroll-cue:not([hidden])').waitFor();
    const before = await layout(phone);
    expect(before.overflow).toBeGreaterThan(0);
    expect(before.namesWhole).toBe(true);
    expect(before.pageOverflow).toBe(0);
    expect(before.cue).toMatch(/Scroll right for the other columns \(12 in all\)/);
    await phone.screenshot({ path: join(SCREENSHOTS_DIR, 'team-375.png'), fullPage: true });
    // Scroll the table to its far end, as a swipe or the arrow keys would.
    await phone.locator('.team-table').evaluate((table) => table.parentElement?.scrollTo({ left: 100_000 }));
    await phone.waitForFunction(() => document.querySelector('.scroll-cue')?.textContent?.includes('left'));
    const after = await layout(phone);
    const last = after.headers.at(-1);
    expect(last?.right).toBeLessThanOrEqual(after.viewport);
    expect(after.learnerLeft).toBeCloseTo(before.learnerLeft, 0);
    for (const header of after.headers) expect(header.fits).toBe(true);
    await phone.screenshot({ path: join(SCREENSHOTS_DIR, 'team-375-scrolled.png'), fullPage: true });
    await expect(axeViolations(phone)).resolves.toEqual([]);
    await phone.close();
  });
});
