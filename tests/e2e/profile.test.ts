import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { roundFigure, roundPercent } from '../../src/core/score/rounding.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import type { SubjectScore } from '../../src/core/score/subject-score.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { learnerId, readTables, storeResponses } from './support-profile.ts';
import { finishSurvey, startSurvey } from './support-survey.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

const FRAMEWORK_ID = 'css-durable-skills';
let framework: Framework;
let context: BrowserContext;
let foreign: string[];
/** The learner's answers, as given in the survey: the test scores them itself through src/core. */
const selfAnswers = new Map<string, Rating | null>();
let subjectId = '';

beforeAll(async () => {
  framework = builtinFramework(FRAMEWORK_ID);
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
});
afterAll(async () => {
  await context?.close();
});

/** A varied, repeatable pattern: high on early levels, lower later, with some N/A. */
function answerFor(index: number, level: string | null): Rating | null {
  const base: Record<string, Rating[]> = { emerging: [4, 3, 4], developing: [3, 4, 2], proficient: [2, 3, 1], advanced: [1, 2, 3] };
  if (index % 11 === 5) return null;
  const choices = base[level ?? 'proficient'] ?? [2];
  return choices[index % choices.length] as Rating;
}

async function completeSelfAssessment(page: Page) {
  await startSurvey(page, FRAMEWORK_ID);
  const ids = framework.statements.map((s) => s.id);
  const given = await finishSurvey(page, framework, (id) => {
    const index = ids.indexOf(id);
    return answerFor(index, framework.statements[index]?.level ?? null);
  });
  for (const [id, answer] of given) selfAnswers.set(id, answer);
}

type Row = { axis: string; group: string; mean: string; percent: string; sd: string; raters: string; ratings: string };

async function tableRows(page: Page, slug: string): Promise<Row[]> {
  return page.locator(`#${slug}-table tr[data-axis]`).evaluateAll((rows) =>
    rows.map((row) => {
      const cell = (figure: string) => row.querySelector(`[data-figure="${figure}"]`)?.textContent ?? '';
      return {
        axis: row.getAttribute('data-axis') ?? '',
        group: row.getAttribute('data-group') ?? '',
        mean: cell('mean'), percent: cell('percent'), sd: cell('sd'), raters: cell('raters'), ratings: cell('ratings'),
      };
    }),
  );
}

/** What the tables must show, from core's figures and core's rounding. */
function expectedRows(score: SubjectScore, kind: 'level' | 'domain'): Row[] {
  const figure = (value: number | null) => (value === null ? '—' : (roundFigure(value) as number).toFixed(2));
  return score.axes.filter((axis) => axis.kind === kind).flatMap((axis) =>
    axis.groups.map((g) => ({
      axis: axis.id,
      group: g.group,
      mean: figure(g.mean),
      percent: g.percent === null ? '—' : `${(roundPercent(g.percent) as number).toFixed(1)}%`,
      sd: figure(g.sd),
      raters: String(g.raters),
      ratings: String(g.ratings),
    })),
  );
}

/** Share of a canvas's pixels that are painted: a drawn radar has lines, labels and fills. */
async function paintedShare(page: Page, slug: string): Promise<number> {
  return page.locator(`[data-chart="${slug}"] canvas`).evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return 0;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
    return painted / (data.length / 4);
  });
}

function selfResponse(): SurveyResponse {
  return {
    responseId: 'self', frameworkId: FRAMEWORK_ID, surveyId: `${FRAMEWORK_ID}.self`, subjectId,
    raterGroup: 'self', submittedAt: new Date().toISOString(), answers: answersFromEntries(selfAnswers, framework), comments: new Map(),
  };
}

function raterResponse(responseId: string, raterGroup: RaterGroup, shift: number, comment: string): SurveyResponse {
  const answers = new Map<string, Rating | null>();
  framework.statements.forEach((statement, index) => {
    const own = answerFor(index + shift, statement.level);
    answers.set(statement.id, own === null ? null : (Math.min(4, Math.max(1, own + (index % 3 === 0 ? 1 : 0))) as Rating));
  });
  return {
    responseId, frameworkId: FRAMEWORK_ID, surveyId: `${FRAMEWORK_ID}.360`, subjectId, raterGroup,
    submittedAt: '2025-03-01T10:00:00Z', answers: answersFromEntries(answers, framework), comments: new Map([['communication', comment]]),
  };
}

async function openProfile(page: Page) {
  await page.goto(appUrl(`#/profile/${FRAMEWORK_ID}`));
  await page.reload();
  // The statement list comes last, in the task after the first screen is painted
  // (AfterFirstPaint): with it, comments, strengths and the rest are on the page too.
  await page.locator('#levels-table').waitFor();
  await page.locator('.statement-list').waitFor();
}

describe('the profile of a completed durable-skills self-assessment', () => {
  let page: Page;
  let score: SubjectScore;

  beforeAll(async () => {
    page = await context.newPage();
    await completeSelfAssessment(page);
    subjectId = await learnerId(page);
    score = scoreSubject(framework, [selfResponse()], subjectId);
    await page.locator('#levels-table').waitFor();
  });

  it('draws a radar over the four levels and one over the ten domains', async () => {
    await expect(page.locator('[data-chart="levels"] canvas[role="img"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-chart="domains"] canvas[role="img"]').count()).resolves.toBe(1);
    expect(await paintedShare(page, 'levels')).toBeGreaterThan(0.02);
    expect(await paintedShare(page, 'domains')).toBeGreaterThan(0.02);
  });

  it('shows beside each chart the figures scoreSubject computes for the same answers', async () => {
    const levels = await tableRows(page, 'levels');
    const domains = await tableRows(page, 'domains');
    expect(levels).toHaveLength(4);
    expect(domains).toHaveLength(10);
    expect(levels).toEqual(expectedRows(score, 'level'));
    expect(domains).toEqual(expectedRows(score, 'domain'));
  });

  it('describes each chart in text, naming its highest and lowest axes', async () => {
    const describedBy = await page.locator('[data-chart="levels"] canvas').getAttribute('aria-describedby');
    const text = await page.locator(`[id="${describedBy ?? ''}"]`).textContent();
    expect(text).toMatch(/Self: highest .+ \(\d+\.\d%\), lowest .+ \(\d+\.\d%\)/);
  });

  it('narrows the statement list by level and by domain', async () => {
    const shown = () => page.locator('.statement-list > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-statement')));
    await expect(shown()).resolves.toHaveLength(framework.statements.length);
    await page.getByLabel('Level', { exact: true }).selectOption('advanced');
    const advanced = framework.statements.filter((s) => s.level === 'advanced').map((s) => s.id);
    await expect(shown()).resolves.toEqual(advanced);
    await page.getByLabel('Domain', { exact: true }).selectOption('communication');
    const both = framework.statements.filter((s) => s.level === 'advanced' && s.domain === 'communication').map((s) => s.id);
    expect(both.length).toBeGreaterThan(0);
    await expect(shown()).resolves.toEqual(both);
    await expect(page.getByRole('status').filter({ hasText: 'Showing' }).textContent()).resolves.toBe(`Showing ${both.length} of ${framework.statements.length} statements.`);
    await page.getByLabel('Level', { exact: true }).selectOption('');
    await page.getByLabel('Domain', { exact: true }).selectOption('');
  });

  it('lists the development plan in the order core gives it', async () => {
    const plan = await page.locator('.development-plan li').evaluateAll((items) => items.map((item) => item.getAttribute('data-statement')));
    expect(plan).toEqual(score.developmentPlan.map((item) => item.statementId));
  });

  it('passes axe-core WCAG 2.1 AA with no violation', async () => {
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('reads on a phone and on a wide screen (screenshots at 375 and 1280 px)', async () => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const table of await readTables(page)) {
        expect(table.clippedCells, table.caption).toEqual([]);
        if (table.wider) expect([table.caption, table.scrolls, table.cue, table.firstColumnStays]).toEqual([table.caption, true, 'Scroll sideways to see every column →', true]);
      }
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `profile-${width}.png`), fullPage: true });
    }
  });
});

describe('a 360 profile', () => {
  it('with only two peers shows that they are hidden and no peer or others column', async () => {
    const page = await context.newPage();
    await page.goto(appUrl('#/'));
    const peers = [raterResponse('peer-a', 'peer', 1, 'Clear in meetings'), raterResponse('peer-b', 'peer', 2, 'Listens well')];
    await storeResponses(page, peers);
    await openProfile(page);
    const notice = page.locator('.visibility-notice');
    await expect(notice.locator('li[data-group="peer"]').textContent()).resolves.toMatch(/Peers \(2 responses\): fewer than 3/);
    // Nothing folded: the rule is stated without the exception.
    await expect(notice.locator('p').first().textContent()).resolves.toBe('To keep raters anonymous, peers, direct reports and other raters are each shown as a group only from 3 responses; a manager is shown on their own from 1.');
    const groups = await page.locator('tr[data-group]').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-group')))]);
    expect(groups).toEqual(['self']);
    await expect(page.getByText('Clear in meetings').count()).resolves.toBe(0);
    await page.close();
  });

  it('with a manager and two peers combines them into all others, with no peer or manager column', async () => {
    const page = await context.newPage();
    await page.goto(appUrl('#/'));
    const raters = [raterResponse('peer-a', 'peer', 1, 'Clear in meetings'), raterResponse('peer-b', 'peer', 2, 'Listens well'), raterResponse('manager-a', 'manager', 3, 'Ready for more')];
    await storeResponses(page, raters.slice(2));
    await openProfile(page);

    const notice = page.locator('.visibility-notice');
    await expect(notice.locator('li[data-group="peer"]').textContent()).resolves.toMatch(/combined into "All others"/);
    await expect(notice.locator('li[data-group="manager"]').getAttribute('data-reason')).resolves.toBe('folded-to-protect-remainder');
    // The first sentence says a manager can be combined, and why, before the line that says it was.
    const rule = (await notice.locator('p').first().textContent()) ?? '';
    expect(rule).not.toMatch(/a manager is shown alone/i);
    expect(rule).toMatch(/a manager is shown on their own from 1\. But even a group with enough responses is not shown on its own when that would leave only 1 or 2 other raters, since subtracting its figures from "All others" would then give away those raters' answers\. That is why the manager is not shown on their own here\.$/);
    await expect(notice.locator('li[data-group="manager"]').textContent()).resolves.toMatch(/^Manager \(1 response\): not shown on its own, because the 1 or 2 raters left over could then be worked out by subtraction/);
    const groups = await page.locator('tr[data-group]').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-group')))]);
    expect(groups).toEqual(['self', 'others']);
    const headers = await page.locator('th').allTextContents();
    expect(headers.some((text) => /^(Peers|Manager)$/.test(text))).toBe(false);

    const score = scoreSubject(framework, [selfResponse(), ...raters], subjectId);
    await expect(tableRows(page, 'domains')).resolves.toEqual(expectedRows(score, 'domain'));
    // No group is shown on its own: every comment is under all others, once, naming whom it combines.
    await expect(page.locator('.comments [data-group="others"] q').allTextContents()).resolves.toEqual(['Clear in meetings', 'Listens well', 'Ready for more']);
    await expect(page.locator('.comments [data-group="others"] h3').textContent()).resolves.toBe('All others (manager and peers combined)');
    await expect(page.locator('.comments q').count()).resolves.toBe(3);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.close();
  });

  it('shows each comment once: under Peers, and the rest under other raters naming the groups it combines', async () => {
    const page = await context.newPage();
    await page.goto(appUrl('#/'));
    // Manager 1, peers 3, direct reports 2: the remainder would be 2, so the manager is folded in.
    await storeResponses(page, [
      raterResponse('peer-c', 'peer', 4, 'Shares credit'),
      raterResponse('report-a', 'direct-report', 5, 'Explains priorities'),
      raterResponse('report-b', 'direct-report', 6, 'Gives room to learn'),
    ]);
    await openProfile(page);
    const sections = await page.locator('.comments section').evaluateAll((nodes) => nodes.map((node) => ({
      group: node.getAttribute('data-group'),
      combines: node.getAttribute('data-combines'),
      heading: node.querySelector('h3')?.textContent,
      comments: Array.from(node.querySelectorAll('q')).map((q) => q.textContent),
    })));
    expect(sections).toEqual([
      { group: 'peer', combines: null, heading: 'Peers', comments: ['Clear in meetings', 'Listens well', 'Shares credit'] },
      { group: 'others', combines: 'manager direct-report', heading: 'Other raters (manager and direct reports combined)', comments: ['Explains priorities', 'Gives room to learn', 'Ready for more'] },
    ]);
    const all = await page.locator('.comments q').allTextContents();
    expect(new Set(all).size).toBe(all.length);
    await expect(page.locator('.visibility-notice p').first().textContent()).resolves.toMatch(/That is why the manager is not shown on their own here\.$/);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.close();
  });

  it('with every group shown, reads on a phone: wide tables scroll sideways with a cue and their first column in view', async () => {
    const page = await context.newPage();
    await page.goto(appUrl('#/'));
    await storeResponses(page, [
      raterResponse('report-c', 'direct-report', 7, 'Fair'),
      raterResponse('other-a', 'other', 8, 'Quick to reply'),
      raterResponse('other-b', 'other', 9, 'Patient'),
      raterResponse('other-c', 'other', 10, 'Knows the tools'),
    ]);
    await openProfile(page);
    const groups = await page.locator('#levels-table tr[data-group]').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-group')))]);
    expect(groups).toEqual(['self', 'manager', 'peer', 'direct-report', 'other', 'others']);
    await expect(page.locator('.visibility-notice').count()).resolves.toBe(0);
    await expect(page.locator('.comments [data-group="others"]').count()).resolves.toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'profile-360-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 900 });
    const tables = await readTables(page);
    expect(tables.some((table) => table.wider), 'the attained level by domain, one column per group, is wider than a phone').toBe(true);
    for (const table of tables) {
      expect(table.clippedCells, table.caption).toEqual([]);
      if (table.wider) expect([table.caption, table.scrolls, table.cue, table.firstColumnStays]).toEqual([table.caption, true, 'Scroll sideways to see every column →', true]);
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'profile-360-375.png'), fullPage: true });
    await page.close();
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
