import { generateIdentity } from 'age-encryption';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../src/core/confidential/campaign.ts';
import { buildReport } from '../../src/core/confidential/campaign-report.ts';
import { reportToScore } from '../../src/core/confidential/report-score.ts';
import { type Report360, signReport } from '../../src/core/confidential/signed-report.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { describeAgreement } from '../../src/core/score/agreement.ts';
import { roundHalfAwayFromZero } from '../../src/core/score/rounding.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import type { SubjectScore } from '../../src/core/score/subject-score.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/score/thresholds.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext } from './browser.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * Issue 12 in the learner's 360 report view: the report carries no rater's answer, so r_wg comes
 * from the others' sd and rating count (reportToScore, rwgFromSd), and must be the figure
 * scoring gives from the answers themselves.
 */
const SUBJECT = 'ana-ruiz-4k7q';
const FRAMEWORK_ID = 'css-occupational';
let framework: Framework;
let context: BrowserContext;
let page: Page;
let report: Report360;
let jws: string;
let fromAnswers: SubjectScore;

/** Peers' patterns per statement (r_wg by hand): 3,3,3,3 -> 1; 1,4,1,4 -> 0; 2,3,3,3 -> 0.8; 1,2,3,4 -> 0. */
const PATTERNS: readonly (readonly Rating[])[] = [[3, 3, 3, 3], [1, 4, 1, 4], [2, 3, 3, 3], [1, 2, 3, 4]];

function response(id: string, group: RaterGroup, rate: (i: number) => Rating | null): SurveyResponse {
  return {
    responseId: id, frameworkId: FRAMEWORK_ID, surveyId: `${FRAMEWORK_ID}.${group === 'self' ? 'self' : '360'}`, subjectId: SUBJECT, raterGroup: group,
    submittedAt: '2026-05-20T10:00:00.000Z', answers: answersFromEntries(framework.statements.map((s, i) => [s.id, rate(i)]), framework), comments: new Map(),
  };
}

beforeAll(async () => {
  framework = builtinFramework(FRAMEWORK_ID);
  const identity = await generateIdentity();
  const thresholds = { ...DEFAULT_THRESHOLDS, comments: 3 };
  const campaign = await createCampaign(
    { framework, learner: { name: 'Ana Ruiz', subjectId: SUBJECT }, coachName: 'Dana Lee', groups: { peer: 4 }, thresholds, createdOn: '2026-05-01', closesOn: '2026-05-31' },
    identity,
  );
  const responses = [
    // Self 4 where the peers split 1, 4, 1, 4: a blind spot they did not agree on.
    response('self-1', 'self', (i) => ([2, 4, 3, 1] as const)[i % 4] ?? 2),
    ...[0, 1, 2, 3].map((p) => response(`peer-${p}`, 'peer', (i) => PATTERNS[i % 4]?.[p] ?? 3)),
  ];
  fromAnswers = scoreSubject(framework, responses, SUBJECT, { thresholds: campaign.manifest.thresholds });
  report = await buildReport(campaign.manifest, fromAnswers, identity, '2026-06-02');
  jws = await signReport(report, identity);
  context = await launchPersistentContext();
  page = await context.newPage();
  await page.goto(appUrl('#/report'));
  await page.getByRole('heading', { level: 2, name: 'Import your report' }).waitFor();
  await page.getByLabel('Choose the report file, or drop it here').setInputFiles({ name: 'report.jws', mimeType: 'text/plain', buffer: Buffer.from(jws, 'utf8') });
  await page.locator('.statement-list').waitFor();
}, 60_000);
afterAll(async () => {
  await context?.close();
});

describe("rater agreement in the learner's 360 report", () => {
  it("gives each statement's agreement in words, r_wg recovered from the report equal to scoring's", async () => {
    const fromReport = reportToScore(report, framework);
    expect(fromReport.ok).toBe(true);
    const rwgs = fromReport.ok ? fromReport.value.statements.map((s) => s.othersRwg) : [];
    expect(rwgs).toEqual(fromAnswers.statements.map((s) => s.othersRwg));
    const shown = await page.locator('.statement-list [data-figure="rwg"]').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-rwg'), (dd.querySelector('button') ?? dd).textContent]));
    expect(shown).toEqual(fromAnswers.statements.map((s) => (s.othersRwg === null ? ['', 'too few ratings to say (under 3)'] : [roundHalfAwayFromZero(s.othersRwg, 2).toFixed(2), describeAgreement(s.othersRwg)])));
    expect(shown.slice(0, 4).map(([rwg]) => rwg)).toEqual(['1.00', '0.00', '0.80', '0.00']);
  });

  it('says on the blind spots that the others did not agree', async () => {
    const spots = page.locator('.flagged.blind-spot li');
    await expect(spots.count()).resolves.toBeGreaterThan(0);
    const notes = await spots.evaluateAll((lis) => lis.map((li) => li.querySelector('.disagreed')?.textContent ?? ''));
    for (const note of notes) expect(note).toMatch(/^The others did not agree on this one \(no agreement\)/);
  });

  it('shows no change section (a report carries only the latest self-assessment) and no alpha', async () => {
    await expect(page.locator('.change-section').count()).resolves.toBe(0);
    await expect(page.locator('.profile').textContent()).resolves.not.toMatch(/alpha|Cronbach/i);
  });

  it('passes axe-core WCAG 2.1 AA', async () => {
    const found = (await axeViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
    expect(found).toEqual([]);
  });
});
