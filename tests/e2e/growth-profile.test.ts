import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { describeAgreement } from '../../src/core/score/agreement.ts';
import { scoreReliability } from '../../src/core/score/reliability.ts';
import { roundHalfAwayFromZero } from '../../src/core/score/rounding.ts';
import { scoreCohort } from '../../src/core/score/score-cohort.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import type { SubjectScore } from '../../src/core/score/subject-score.ts';
import { teamAxisAverages } from '../../src/core/score/team-average.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { csvRecords, scoreWithCli, tempDir } from './support-360-flow.ts';
import { learnerId, storeResponses } from './support-profile.ts';
import { downloadCsv, finishSurvey, startSurvey } from './support-survey.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * Issue 12 in the app: a learner who took the self-assessment three times and has four peers'
 * ratings, in a browser that also holds eight colleagues' self-assessments (a coach's browser, or
 * a team lead who rated themself too). The test scores the same responses with src/core and
 * checks the page shows those figures, and that the app's CSVs are the CLI's, byte for byte.
 */
const FRAMEWORK_ID = 'css-occupational';
let framework: Framework;
let context: BrowserContext;
let foreign: string[];
let page: Page;
let subjectId = '';
/** Every response in the browser, as the app stores them: the latest self comes from the survey. */
let all: SurveyResponse[] = [];
let own: SubjectScore;
const dir = tempDir('growth');

/** The latest self-assessment, given in the survey: its index in the framework decides it. */
function latestSelf(index: number): Rating | null {
  if (index === 6) return null;
  return ([2, 4, 3, 1] as const)[index % 4] ?? 2;
}

/**
 * Four peers, four patterns of agreement (r_wg = 1 - s² / 1.25): all 3 (s² 0, r_wg 1, very
 * strong); 1, 4, 1, 4 (s² 3, r_wg 0, no agreement); 2, 3, 3, 3 (s² 0.25, r_wg 0.8, strong);
 * 1, 2, 3, 4 (s² 1.667, r_wg 0, no agreement).
 */
const PEER_PATTERNS: readonly (readonly Rating[])[] = [[3, 3, 3, 3], [1, 4, 1, 4], [2, 3, 3, 3], [1, 2, 3, 4]];

function response(id: string, subject: string, group: RaterGroup, at: string, rate: (index: number) => Rating | null): SurveyResponse {
  return {
    responseId: id, frameworkId: FRAMEWORK_ID, surveyId: `${FRAMEWORK_ID}.${group === 'self' ? 'self' : '360'}`, subjectId: subject, raterGroup: group,
    submittedAt: at, answers: answersFromEntries(framework.statements.map((statement, i) => [statement.id, rate(i)]), framework), comments: new Map(),
  };
}

const clamp = (value: number) => Math.min(4, Math.max(1, value)) as Rating;

function storedResponses(): SurveyResponse[] {
  return [
    // Two earlier self-assessments: lower, then in between (the second offset is +02:00).
    response('self-2025-01', subjectId, 'self', '2025-01-15T09:00:00Z', (i) => clamp(1 + (i % 3 === 0 ? 1 : 0))),
    response('self-2025-07', subjectId, 'self', '2025-07-01T11:00:00+02:00', (i) => clamp(2 + (i % 5 === 0 ? 1 : 0) - (i % 7 === 0 ? 1 : 0))),
    ...[0, 1, 2, 3].map((p) => response(`peer-${p}`, subjectId, 'peer', '2025-08-01T10:00:00Z', (i) => PEER_PATTERNS[i % 4]?.[p] ?? 3)),
    // Colleagues with one self-assessment each: a level of their own, a step either way.
    ...[1, 2, 3, 4, 1, 2, 3, 4].map((base, s) => response(`team-${s}`, `colleague-${s}`, 'self', '2025-09-01T10:00:00Z', (i) => clamp(base + (((i * 7 + s * 3) % 3) - 1)))),
  ];
}

beforeAll(async () => {
  framework = builtinFramework(FRAMEWORK_ID);
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
  await startSurvey(page, FRAMEWORK_ID);
  const ids = framework.statements.map((s) => s.id);
  const given = await finishSurvey(page, framework, (id) => latestSelf(ids.indexOf(id)));
  subjectId = await learnerId(page);
  const stored = storedResponses();
  await storeResponses(page, stored);
  // The survey's own response, as scoring reads it: its answers are the ones given.
  const latest = response('latest', subjectId, 'self', new Date().toISOString(), (i) => given.get(ids[i] ?? '') ?? null);
  all = [...stored, latest];
  own = scoreSubject(framework, all.filter((r) => r.subjectId === subjectId), subjectId);
  await openOwnProfile();
}, 120_000);
afterAll(async () => {
  await context?.close();
});

async function openOwnProfile() {
  await page.goto(appUrl(`#/profile/${FRAMEWORK_ID}`));
  await page.reload();
  await page.locator('#change-table').waitFor();
}

const percentText = (value: number | null) => (value === null ? '—' : `${roundHalfAwayFromZero(value, 1).toFixed(1)}%`);
const pointsText = (value: number | null) => {
  if (value === null) return '—';
  const r = roundHalfAwayFromZero(value, 1);
  return r === 0 ? '0.0' : r > 0 ? `+${r.toFixed(1)}` : `−${Math.abs(r).toFixed(1)}`;
};

async function cells(selector: string, figures: string[]): Promise<Record<string, string>[]> {
  return page.locator(selector).evaluateAll((rows, names) => rows.map((row) => Object.fromEntries([
    ['axis', row.getAttribute('data-axis') ?? ''],
    ...names.map((name) => [name, row.querySelector(`[data-figure="${name}"]`)?.textContent ?? '']),
  ])), figures);
}

describe('"Since your self-assessment of <date>" on the profile', () => {
  it('names the self-assessment just before the latest, by instant', async () => {
    const heading = page.locator('#change-title');
    await expect(heading.textContent()).resolves.toMatch(/^Since your self-assessment of /);
    await expect(heading.locator('time').getAttribute('datetime')).resolves.toBe('2025-07-01T11:00:00+02:00');
  });

  it('gives per axis the earlier and latest percent and the change in points, as core computes them', async () => {
    const change = own.change;
    expect(change).not.toBeNull();
    const expected = (change?.axes ?? []).map((axis) => ({ axis: axis.id, earlier: percentText(axis.earlierPercent), latest: percentText(axis.latestPercent), change: pointsText(axis.change) }));
    expect(expected).toHaveLength(5);
    await expect(cells('#change-table tbody tr', ['earlier', 'latest', 'change'])).resolves.toEqual(expected);
  });

  it('draws the whole-framework percent of all three self-assessments as a line, with the same figures in its table', async () => {
    const canvas = page.locator('.history canvas[role="img"]');
    await expect(canvas.count()).resolves.toBe(1);
    const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n += 1;
      return n / (data.length / 4);
    });
    expect(painted).toBeGreaterThan(0.01);
    const rows = await page.locator('#history-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-figure="percent"]')?.textContent ?? ''));
    expect(rows).toEqual((own.change?.history ?? []).map((point) => percentText(point.percent)));
    expect(rows).toHaveLength(3);
  });

  it('lists the statements that moved most, up and down, with both ratings', async () => {
    const statements = own.change?.statements ?? [];
    const moved = (direction: 'up' | 'down') => statements
      .filter((s) => s.direction === direction)
      .map((s) => ({ id: s.statementId, steps: Math.abs((s.latest ?? 0) - (s.earlier ?? 0)) }))
      .sort((a, b) => b.steps - a.steps)
      .slice(0, 5)
      .map((s) => s.id);
    for (const direction of ['up', 'down'] as const) {
      const shown = await page.locator(`.moved-${direction} li`).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-statement')));
      expect(shown, direction).toEqual(moved(direction));
      expect(shown.length, direction).toBeGreaterThan(0);
    }
    const first = page.locator('.moved-up li').first();
    await expect(first.locator('[data-figure="earlier"]').textContent()).resolves.toMatch(/^Then: [1-4] · /);
  });

  it("draws the earlier self-assessment on the radar by default, with its figures in a table beside it, and hides it from the keyboard", async () => {
    const expected = own.axes.filter((a) => a.kind === 'level').map((axis) => ({
      axis: axis.id,
      self: percentText(axis.groups.find((g) => g.group === 'self')?.percent ?? null),
      'earlier-self': percentText(own.change?.axes.find((c) => c.id === axis.id && c.kind === 'level')?.earlierPercent ?? null),
    }));
    await expect(cells('#levels-overlay-table tbody tr', ['self', 'earlier-self'])).resolves.toEqual(expected);
    await expect(page.locator('[data-chart="levels"] .chart-key').textContent()).resolves.toContain('Earlier self: grey dotted line');
    const toggle = page.locator('input[data-overlay="earlier-self"]');
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.locator('#levels-overlay-table').waitFor({ state: 'detached' });
    await expect(page.locator('[data-chart="levels"] .chart-key').textContent()).resolves.not.toContain('Earlier self');
    await page.keyboard.press('Space');
    await page.locator('#levels-overlay-table').waitFor();
  });

  it("gives beside each statement's others figure how much the others agreed, in words, as core's r_wg", async () => {
    const shown = await page.locator('.statement-list li').evaluateAll((lis) => lis.map((li) => {
      const dd = li.querySelector('[data-figure="rwg"]');
      return { id: li.getAttribute('data-statement'), rwg: dd?.getAttribute('data-rwg') ?? null, words: (dd?.querySelector('button') ?? dd)?.textContent ?? '' };
    }));
    expect(shown).toEqual(own.statements.map((s) => ({
      id: s.statementId,
      rwg: s.othersRwg === null ? '' : roundHalfAwayFromZero(s.othersRwg, 2).toFixed(2),
      words: s.othersRwg === null ? 'too few ratings to say (under 3)' : describeAgreement(s.othersRwg),
    })));
    // The four patterns give the four figures worked out by hand above.
    expect(shown.slice(0, 4).map((s) => [s.rwg, s.words])).toEqual([['1.00', 'very strong agreement'], ['0.00', 'no agreement'], ['0.80', 'strong agreement'], ['0.00', 'no agreement']]);
  });

  it('explains the agreement words to a keyboard and screen-reader user', async () => {
    const button = page.locator('.statement-list [data-figure="rwg"] button').nth(2);
    await button.focus();
    const tip = page.locator(`[id="${(await button.getAttribute('aria-describedby')) ?? ''}"]`);
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.textContent()).resolves.toMatch(/^Agreement 0\.80 on a scale from 0 \(as spread as random answers\) to 1 \(all the same\): /);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
  });

  it('says on a blind spot or hidden strength when the others did not agree', async () => {
    // Statement 2 of every 4: self 4 against peers 1, 4, 1, 4 (mean 2.5): a blind spot with no agreement.
    const spot = page.locator('.flagged.blind-spot li').first();
    await expect(spot.locator('.disagreed').textContent()).resolves.toMatch(/^The others did not agree on this one \(no agreement\)/);
    const flaggedDisagreed = own.statements.filter((s) => s.flag !== null && s.othersRwg !== null && roundHalfAwayFromZero(s.othersRwg, 2) <= 0.5).map((s) => s.statementId);
    const marked = await page.locator('.flagged li:has(.disagreed)').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-statement')));
    expect(marked.sort()).toEqual(flaggedDisagreed.sort());
    // A hidden strength where the peers all gave 3 and self 2 (r_wg 1) is not marked.
    const agreed = own.statements.find((s) => s.flag === 'hidden-strength' && s.othersRwg === 1);
    expect(agreed).toBeDefined();
    await page.locator(`.flagged.hidden-strength li[data-statement="${agreed?.statementId ?? ''}"]`).waitFor();
    expect(marked).not.toContain(agreed?.statementId);
  });

  it('prints the change tables compactly, leaving the line chart and the toggles to the screen', async () => {
    // A page of its own: printing resizes the charts, which must not leak into the screen tests.
    const paper = await context.newPage();
    await paper.goto(appUrl(`#/profile/${FRAMEWORK_ID}`));
    await paper.locator('#change-table').waitFor();
    await paper.emulateMedia({ media: 'print' });
    await expect(paper.locator('#change-table').isVisible()).resolves.toBe(true);
    await expect(paper.locator('#history-table').isVisible()).resolves.toBe(true);
    await expect(paper.locator('.history-figure').isVisible()).resolves.toBe(false);
    await expect(paper.locator('.overlay-toggles').isVisible()).resolves.toBe(false);
    // The overlay's table sits under the chart's printed table, never over it.
    const [table, overlay] = await Promise.all(['[data-chart="levels"] .print-axis-table', '#levels-overlay-table'].map((sel) => paper.locator(sel).boundingBox()));
    expect(table).not.toBeNull();
    expect(overlay?.y ?? 0).toBeGreaterThanOrEqual((table?.y ?? 0) + (table?.height ?? 0) - 1);
    const pdf = await paper.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // The 360 profile alone prints on at most 9 A4 pages (print.test.ts); the change section adds one at most.
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(10);
    await paper.close();
  });

  it('never shows alpha on a learner profile', async () => {
    await expect(page.locator('.profile').textContent()).resolves.not.toMatch(/alpha|Cronbach/i);
  });

  it('passes axe-core WCAG 2.1 AA with the new sections, at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const found = (await axeViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
      expect(found, `at ${width} px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
      const section = page.locator('.change-section');
      await section.scrollIntoViewIfNeeded();
      const path = join(SCREENSHOTS_DIR, `growth-change-${width}.png`);
      await section.screenshot({ path });
      expect(statSync(path).size).toBeGreaterThan(5_000);
      if (width === 1280) {
        const radar = join(SCREENSHOTS_DIR, `growth-earlier-radar-${width}.png`);
        await page.locator('[data-chart="levels"]').screenshot({ path: radar });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the team view', () => {
  let scores: SubjectScore[];
  beforeAll(async () => {
    scores = scoreCohort(new Map([[FRAMEWORK_ID, framework]]), all);
    await page.goto(appUrl('#/team'));
    await page.locator('.team-average-row').waitFor();
  });

  it("adds a team-average row per group shown: the mean of the learners' percents", async () => {
    for (const group of ['self', 'others'] as const) {
      await page.getByLabel('Rated by').selectOption(group);
      const averages = teamAxisAverages(scores, FRAMEWORK_ID, group);
      const shown = await page.locator('.team-average-row td').evaluateAll((tds) => tds.map((td) => ({ axis: td.getAttribute('data-axis'), learners: td.getAttribute('data-learners'), text: td.textContent ?? '' })));
      expect(shown.map((cell) => cell.axis)).toEqual(['all', 'emerging', 'developing', 'proficient', 'advanced']);
      for (const cell of shown) {
        const average = averages.find((a) => a.id === cell.axis);
        expect(cell.learners, `${group} ${cell.axis}`).toBe(String(average?.learners ?? 0));
        expect(cell.text, `${group} ${cell.axis}`).toBe(average?.percent == null ? '–no figures' : `${percentText(average.percent)}of ${average.learners} ${average.learners === 1 ? 'learner' : 'learners'}`);
      }
    }
    // Nine learners rated themselves; only one has raters.
    const selfAll = teamAxisAverages(scores, FRAMEWORK_ID, 'self').find((a) => a.id === 'all');
    expect(selfAll?.learners).toBe(9);
    await page.getByLabel('Rated by').selectOption('self');
  });

  it('shows alpha per axis with a plain sentence, as scoreReliability computes it', async () => {
    const reliability = scoreReliability(new Map([[FRAMEWORK_ID, framework]]), all);
    const rows = await page.locator('#reliability-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      axis: tr.getAttribute('data-axis'),
      statements: tr.querySelector('[data-figure="statements"]')?.textContent,
      responses: tr.querySelector('[data-figure="responses"]')?.textContent,
      alpha: tr.querySelector('[data-figure="alpha"]')?.textContent,
      words: tr.querySelector('.reliability-words')?.textContent ?? '',
    })));
    expect(rows.map(({ words: _, ...row }) => row)).toEqual(reliability.map((axis) => ({
      axis: axis.id, statements: String(axis.statements), responses: String(axis.responses), alpha: axis.alpha === null ? '—' : roundHalfAwayFromZero(axis.alpha, 3).toFixed(3),
    })));
    // 14 responses rated every statement of each level (the latest self left one N/A): 14 >= 10.
    expect(reliability.filter((a) => a.kind === 'level').every((a) => a.alpha !== null)).toBe(true);
    for (const row of rows) expect(row.words).toMatch(/usual bar of 0\.70|Negative|No alpha/);
  });

  it('passes axe-core with the average row and the alpha table, and takes their screenshots', async () => {
    const found = (await axeViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
    expect(found).toEqual([]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('.team-table').screenshot({ path: join(SCREENSHOTS_DIR, `team-average-${width}.png`) });
      await page.locator('.team-reliability').screenshot({ path: join(SCREENSHOTS_DIR, `team-alpha-${width}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("lets a learner's profile opened from the team view overlay the team's average, dashed, with its table", async () => {
    await page.locator('tr[data-subject="colleague-2"] th a').click();
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
    const toggle = page.locator('input[data-overlay="team-average"]');
    await expect(toggle.isChecked()).resolves.toBe(false);
    await expect(page.locator('#levels-overlay-table').count()).resolves.toBe(0);
    await toggle.check();
    const averages = teamAxisAverages(scores, FRAMEWORK_ID, 'self');
    const colleague = scores.find((s) => s.subjectId === 'colleague-2');
    const expected = (colleague?.axes ?? []).filter((a) => a.kind === 'level').map((axis) => ({
      axis: axis.id,
      self: percentText(axis.groups.find((g) => g.group === 'self')?.percent ?? null),
      'team-average': percentText(averages.find((a) => a.kind === 'level' && a.id === axis.id)?.percent ?? null),
    }));
    await expect(cells('#levels-overlay-table tbody tr', ['self', 'team-average'])).resolves.toEqual(expected);
    await expect(page.locator('[data-chart="levels"] .chart-key').textContent()).resolves.toContain('Team average: dashed line');
    // One self-assessment: no change section, no earlier-self toggle.
    await expect(page.locator('.change-section').count()).resolves.toBe(0);
    await expect(page.locator('input[data-overlay="earlier-self"]').count()).resolves.toBe(0);
    const found = (await axeViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
    expect(found).toEqual([]);
    await page.locator('[data-chart="levels"]').screenshot({ path: join(SCREENSHOTS_DIR, 'team-average-radar-1280.png') });
  });
});

describe("the app's figures are the CLI's", () => {
  const app: Record<string, string> = {};
  const cli: Record<string, string> = {};
  beforeAll(async () => {
    await page.goto(appUrl('#/data'));
    for (const name of ['responses-long.csv', 'change.csv', 'statements.csv', 'reliability.csv']) {
      app[name] = readFileSync(await downloadCsv(page, name, dir), 'utf8');
    }
    const out = join(dir, 'cli');
    await scoreWithCli([join(dir, 'responses-long.csv')], out);
    for (const name of ['change.csv', 'statements.csv', 'reliability.csv']) cli[name] = readFileSync(join(out, name), 'utf8');
  }, 120_000);

  it('downloads change.csv, statements.csv and reliability.csv identical to npm run score on the exported responses', () => {
    for (const name of ['change.csv', 'statements.csv', 'reliability.csv']) expect(app[name], name).toBe(cli[name]);
    expect(csvRecords(cli['change.csv'] ?? '').filter((row) => row.subject_id === subjectId)).toHaveLength(5);
  });

  it("shows on the profile the CLI's change.csv and others_rwg figures", async () => {
    await openOwnProfile();
    const changeRows = csvRecords(cli['change.csv'] ?? '').filter((row) => row.subject_id === subjectId);
    const shown = await cells('#change-table tbody tr', ['earlier', 'latest', 'change']);
    expect(shown).toEqual(changeRows.map((row) => ({
      axis: row.axis_id,
      earlier: `${Number(row.earlier_percent).toFixed(1)}%`,
      latest: `${Number(row.latest_percent).toFixed(1)}%`,
      change: pointsText(Number(row.change)),
    })));
    const rwg = csvRecords(cli['statements.csv'] ?? '').filter((row) => row.subject_id === subjectId).map((row) => row.others_rwg === '' ? '' : Number(row.others_rwg).toFixed(2));
    const onPage = await page.locator('.statement-list [data-figure="rwg"]').evaluateAll((dds) => dds.map((dd) => dd.getAttribute('data-rwg')));
    expect(onPage).toEqual(rwg);
  });

  it("shows on the team view the CLI's reliability.csv", async () => {
    await page.goto(appUrl('#/team'));
    await page.locator('#reliability-table').waitFor();
    const rows = csvRecords(cli['reliability.csv'] ?? '');
    const shown = await page.locator('#reliability-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-axis'), tr.querySelector('[data-figure="alpha"]')?.textContent]));
    expect(shown).toEqual(rows.map((row) => [row.axis_id, row.alpha === '' ? '—' : Number(row.alpha).toFixed(3)]));
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
