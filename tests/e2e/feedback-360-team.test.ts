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

const framework = builtinFramework('css-durable-skills');
const SUBJECTS = ['ana-ruiz-a1b2', 'ben-okafor-c3d4', 'chen-li-e5f6', 'dara-obi-g7h8', 'eli-moss-j9k2', 'fay-lund-m3n4'];
/** Fay has two peers only: her peer cells must stay empty in the team view too. */
const PEERS: Record<string, number> = { 'fay-lund-m3n4': 2 };

function response(subjectId: string, learner: number, raterGroup: RaterGroup, rater: number): SurveyResponse {
  const answers = new Map<string, Rating | null>();
  framework.statements.forEach((statement, index) => {
    // Learners differ by domain and by rater, so that each column sorts them differently.
    const domain = framework.domains.findIndex((d) => d.id === statement.domain);
    const level = Math.min(4, Math.max(1, 1 + ((learner + domain * 2) % 4) + ((index + rater) % 3) - 1));
    answers.set(statement.id, (index + learner + rater) % 13 === 0 ? null : level as Rating);
  });
  return {
    responseId: `${subjectId}-${raterGroup}-${rater}`, frameworkId: framework.id, surveyId: `${framework.id}.${raterGroup === 'self' ? 'self' : '360'}`,
    subjectId, raterGroup, submittedAt: `2026-04-0${rater + 1}T09:00:00.000Z`, answers, comments: new Map(),
  };
}

const team: SurveyResponse[] = SUBJECTS.flatMap((subjectId, learner) => [
  response(subjectId, learner, 'self', 0),
  response(subjectId, learner, 'manager', 1),
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

type Shown = { subject: string; cells: string[] };
const readTable = (): Promise<Shown[]> =>
  page.locator('.team-table tbody tr').evaluateAll((rows) => rows.map((row) => ({
    subject: row.querySelector('th')?.textContent ?? '',
    cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
  })));
const columnIndex = (domainId: string) => 1 + framework.domains.findIndex((d) => d.id === domainId);

/** A learner's percent on an axis for a group, from core, rounded as the app rounds it. */
function percentOf(subjectId: string, axisId: string, group: 'self' | 'peer'): string | null {
  const score = scoreSubject(framework, team.filter((r) => r.subjectId === subjectId), subjectId);
  const figure = score.axes.find((axis) => axis.id === axisId)?.groups.find((g) => g.group === group);
  return figure?.percent === null || figure === undefined ? null : `${(roundPercent(figure.percent) as number).toFixed(1)}%`;
}

describe('the team view of six learners', () => {
  it('lists every learner by domain with the self percent that core computes', async () => {
    const rows = await readTable();
    expect(rows.map((row) => row.subject)).toEqual([...SUBJECTS].sort());
    for (const row of rows) {
      expect(row.cells).toHaveLength(1 + framework.domains.length);
      for (const domain of framework.domains) {
        expect(row.cells[columnIndex(domain.id)]?.startsWith(percentOf(row.subject, domain.id, 'self') ?? '–')).toBe(true);
      }
    }
    await page.locator('h1').click();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'team-1280.png'), fullPage: true });
  });

  it('sorts by a domain column, highest first, then lowest first on a second click', async () => {
    const domain = framework.domains.find((d) => d.id === 'collaboration');
    if (!domain) throw new Error('collaboration');
    // The sort arrow is CSS content, which ends up in the button's accessible name.
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
  });

  it('keeps a group too small to show empty in every cell: peers of a learner with two peers', async () => {
    await page.getByLabel('Rated by').selectOption('peer');
    const rows = await readTable();
    const fay = rows.find((row) => row.subject === 'fay-lund-m3n4');
    expect(fay?.cells.every((cell) => cell === '–')).toBe(true);
    const ana = rows.find((row) => row.subject === 'ana-ruiz-a1b2');
    expect(ana?.cells[columnIndex('communication')]?.startsWith(percentOf('ana-ruiz-a1b2', 'communication', 'peer') ?? 'missing')).toBe(true);
    await page.getByLabel('Rated by').selectOption('self');
  });

  it('filters learners by what is typed, and says how many are shown', async () => {
    await page.getByLabel('Find a learner').fill('li');
    const rows = await readTable();
    expect(rows.map((row) => row.subject).sort()).toEqual(SUBJECTS.filter((s) => s.includes('li')).sort());
    await expect(page.getByText(`Showing ${rows.length} of ${SUBJECTS.length}.`).isVisible()).resolves.toBe(true);
  });

  it('passes axe-core WCAG 2.1 AA with no violation', async () => {
    await page.getByLabel('Find a learner').fill('');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('opens a learner\'s profile from the table, with their 360 figures', async () => {
    await page.getByRole('link', { name: 'chen-li-e5f6' }).click();
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
