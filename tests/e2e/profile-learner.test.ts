import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { learnerId, readTables, storeResponses } from './support-profile.ts';
import { downloadCsv, finishSurvey, readCsv, startSurvey } from './support-survey.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * Issue 14, the learner's profile: what to do next, a plan without what is already mastered, a
 * word of caution on a thin profile, plain column names, and tables that read on a phone.
 * css-ai-at-work: 13 statements, emerging-01..02, developing-01..03, proficient-01..04, advanced-01..04.
 */
const framework = builtinFramework('css-ai-at-work');
const SHOTS = join(tmpdir(), 'skillscope-profile-learner');
mkdirSync(SHOTS, { recursive: true });

/** Emerging attained; developing 3, 4, 1 (mean 2.67, not attained); lower above, one N/A. */
const FIRST: Readonly<Record<string, Rating | null>> = {
  'emerging-01': 4, 'emerging-02': 4,
  'developing-01': 3, 'developing-02': 4, 'developing-03': 1,
  'proficient-01': 2, 'proficient-02': 2, 'proficient-03': 3, 'proficient-04': 1,
  'advanced-01': 1, 'advanced-02': 2, 'advanced-03': null, 'advanced-04': 1,
};

let context: BrowserContext;
let page: Page;
let foreign: string[];
let subjectId = '';
let later = 0;

beforeAll(async () => {
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
  await startSurvey(page, framework.id);
  await finishSurvey(page, framework, (id) => FIRST[id] ?? null);
  await page.locator('#levels-table').waitFor();
  // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
  await page.locator('.statement-list').waitFor();
  subjectId = await learnerId(page);
});
afterAll(async () => {
  await context?.close();
});

/** A newer self-assessment (the latest counts), stored as an import would, then the profile reloaded. */
async function retakeAs(answers: Record<string, Rating | null>): Promise<SurveyResponse> {
  later += 1;
  const response: SurveyResponse = {
    responseId: `self-later-${later}`, frameworkId: framework.id, surveyId: `${framework.id}.self`, subjectId, raterGroup: 'self',
    submittedAt: new Date(Date.now() + later * 60_000).toISOString(), answers: answersFromEntries(Object.entries(answers), framework), comments: new Map(),
  };
  await storeResponses(page, [response]);
  await page.goto(appUrl(`#/profile/${framework.id}`));
  await page.reload();
  await page.locator('.attainment').waitFor();
  return response;
}

const idsOf = (selector: string) => page.locator(selector).evaluateAll((items) => items.map((item) => item.getAttribute('data-statement')));

describe('the profile after the first self-assessment', () => {
  it('says the self-assessment is done and makes inviting raters the main action, with retaking secondary', async () => {
    const next = page.locator('.what-next');
    await expect(next.textContent()).resolves.toMatch(/Your self-assessment is done \(.+\)\. Next, ask your manager, peers or others to rate you/);
    const actions = await next.locator('.actions > *').evaluateAll((items) =>
      items.map((item) => ({ text: item.textContent, main: (item.classList.contains('button') || item.tagName === 'BUTTON') && !item.classList.contains('secondary') })));
    expect(actions[0]).toEqual({ text: 'Invite raters', main: true });
    expect(actions.filter((action) => action.main)).toHaveLength(1);
    expect(actions.map((action) => action.text)).toEqual(['Invite raters', 'Print this profile', 'Export or import data', 'Retake the self-assessment']);
    await expect(next.getByRole('link', { name: 'Invite raters' }).getAttribute('href')).resolves.toBe(`#/invite/${framework.id}`);
  });

  it('prints the profile from the page', async () => {
    await page.evaluate(() => {
      const win = window as unknown as { print: () => void; printed: number };
      win.printed = 0;
      win.print = () => (win.printed += 1);
    });
    await page.getByRole('button', { name: 'Print this profile' }).click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
  });

  it('gives no caution about coverage for a profile resting on most statements', async () => {
    await expect(page.locator('.basis-caution').count()).resolves.toBe(0);
  });
});

describe('the development plan', () => {
  it('lists only what the learner does not yet do independently, and says what it left out', async () => {
    const score = scoreSubject(framework, [{ ...(await retakeAs(FIRST)) }], subjectId);
    // Developing is the next level: 01 (3) and 02 (4, also a strength) are already independent.
    await expect(idsOf('.development-plan li')).resolves.toEqual(['developing-03']);
    await expect(idsOf('.development-plan li')).resolves.toEqual(score.developmentPlan.map((item) => item.statementId));
    await expect(page.locator('.plan-left-out').textContent()).resolves.toBe('Left out: 2 statements of this level already rated "Independently" or above. They are in the statement list below.');
    const strengths = await idsOf('.strength-list li');
    expect(strengths).toContain('developing-02');
    const plan = await idsOf('.development-plan li');
    expect(plan.filter((id) => strengths.includes(id))).toEqual([]);
  });

  it('says so in a sentence when nothing is left to develop', async () => {
    // Developing: one 4 and two "Not part of my role": under half rated, so not attained, yet nothing to develop.
    await retakeAs({ ...FIRST, 'developing-01': 4, 'developing-02': null, 'developing-03': null });
    await expect(page.locator('.development-plan li').count()).resolves.toBe(0);
    await expect(page.locator('.development-plan .plan-empty').textContent()).resolves.toBe(
      'Nothing left to develop at the next level up, Developing: you already rate its one rated statement "Independently" or above, and the rest are marked "Not part of my role".',
    );
  });
});

describe('a profile resting on few statements', () => {
  it('says beside the attained level on how many statements it rests, leaving N/A out', async () => {
    const answers: Record<string, Rating | null> = { 'emerging-01': 4 };
    for (const id of ['developing-01', 'developing-02', 'developing-03', 'proficient-01', 'proficient-02', 'proficient-03']) answers[id] = null;
    await retakeAs(answers);
    const caution = page.locator('.attainment .attained-overall + .basis-caution');
    await expect(caution.textContent()).resolves.toBe('Based on 1 of 13 statements: the other 12 are unanswered or marked "Not part of my role". Answer more of them for a level that says more.');
    await expect(caution.getAttribute('data-caution')).resolves.toBe('self');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('gives no caution from half of the statements on', async () => {
    const answers: Record<string, Rating | null> = {};
    framework.statements.slice(0, 7).forEach((statement) => (answers[statement.id] = 2));
    await retakeAs(answers);
    await expect(page.locator('.basis-caution').count()).resolves.toBe(0);
    await retakeAs(FIRST);
  });
});

describe('the words of the tables', () => {
  const headers = () => page.locator('#levels-table thead th').evaluateAll((cells) =>
    cells.map((cell) => (cell.querySelector('button') ?? cell).textContent ?? ''));

  it('names the columns in plain words, with none of "SD", "Raters", "Ratings" or "Mean (1-4)"', async () => {
    await expect(headers()).resolves.toEqual(['Level', 'Average rating', 'Percent', 'Spread', 'People', 'Answers']);
    const all = await page.locator('.profile th').allInnerTexts();
    expect(all.filter((text) => /^(SD|Raters|Ratings|Mean)\b/.test(text.trim()))).toEqual([]);
  });

  it('explains each column in a line under the table', async () => {
    const note = await page.locator('#levels-table-note').textContent();
    expect(note).toMatch(/^Average rating: from 1 \("Not yet"\) to 4 \("Consistently, and can guide others"\)\. /);
    expect(note).toContain('Spread: how much the ratings differ (0 when all are the same).');
    expect(note).toContain('People: how many people rated.');
    await expect(page.locator('#levels-table').getAttribute('aria-describedby')).resolves.toBe('levels-table-note');
  });

  it('explains each column in a tooltip reached by keyboard, read as its description, closed with Escape', async () => {
    const table = page.locator('#levels-table');
    await table.getByRole('button', { name: 'Average rating' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const tip = document.getElementById(active.getAttribute('aria-describedby') ?? '');
      return { name: active.textContent, role: tip?.getAttribute('role'), tip: tip?.textContent, shown: tip !== null && !tip.hidden && tip.getBoundingClientRect().height > 0 };
    });
    expect(focused).toEqual({
      name: 'Spread',
      role: 'tooltip',
      tip: 'How much the ratings differ from one another (their standard deviation): 0 when they are all the same, about 1 or more when they are a whole step or more apart. It needs at least 2 ratings.',
      shown: true,
    });
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.locator('.term-tip:not([hidden])').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Spread');
  });

  it('shows the tooltip on hover too', async () => {
    await page.locator('#levels-table').getByRole('button', { name: 'People' }).hover();
    await expect(page.locator('.term-tip:not([hidden])').textContent()).resolves.toMatch(/^How many responses rated at least one of these statements/);
    await page.mouse.move(0, 0);
    await expect(page.locator('.term-tip:not([hidden])').count()).resolves.toBe(0);
  });

  it('shows the tooltip on a click or tap, and hides it when the focus moves on', async () => {
    await page.locator('#levels-table').getByRole('button', { name: 'Answers' }).click();
    await expect(page.locator('.term-tip:not([hidden])').textContent()).resolves.toMatch(/^How many ratings the figures are based on/);
    await page.locator('#levels-table-note').click();
    await expect(page.locator('.term-tip:not([hidden])').count()).resolves.toBe(0);
  });

  it('keeps the exact column names in summary.csv', async () => {
    await page.goto(appUrl('#/data'));
    const file = readCsv(await downloadCsv(page, 'summary.csv', SHOTS));
    expect(file.fields).toEqual(['subject_id', 'framework_id', 'axis_kind', 'axis_id', 'rater_group', 'raters', 'ratings', 'mean', 'percent', 'sd', 'attained_level']);
    await page.goto(appUrl(`#/profile/${framework.id}`));
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
  });
});

describe('the profile on a phone', () => {
  it('reads at 375 px: every table fits, or scrolls sideways with a visible cue and its first column in view', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
    const tables = await readTables(page);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.clippedCells, table.caption).toEqual([]);
      if (table.wider) expect({ caption: table.caption, scrolls: table.scrolls, cue: table.cue, stays: table.firstColumnStays }).toEqual({ caption: table.caption, scrolls: true, cue: 'Scroll sideways to see every column →', stays: true });
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, 'profile-learner-375.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, 'profile-learner-1280.png'), fullPage: true });
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
