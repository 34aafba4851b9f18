import { generateIdentity } from 'age-encryption';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/confidential/campaign-report.ts';
import type { CampaignManifest } from '../../../src/core/confidential/campaign-manifest.ts';
import { createCampaign } from '../../../src/core/confidential/campaign.ts';
import { reportToScore } from '../../../src/core/confidential/report-score.ts';
import { type Report360, signReport, verifyReport } from '../../../src/core/confidential/signed-report.ts';
import type { Framework } from '../../../src/core/model/framework.ts';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import { OTHER_GROUPS, type RaterGroup, type SurveyResponse } from '../../../src/core/model/response.ts';
import type { Result } from '../../../src/core/model/result.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import type { AxisScore, SubjectScore } from '../../../src/core/score/subject-score.ts';
import { type AnonymityThresholds, DEFAULT_THRESHOLDS } from '../../../src/core/score/thresholds.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';
import { levelled, levelledWithDomains, response, unlevelled } from '../score/fixtures.ts';

const SUBJECT = 'ana-ruiz-4k7q';
let identity: string;

beforeAll(async () => {
  identity = await generateIdentity();
});

async function campaignFor(framework: Framework, thresholds: AnonymityThresholds = { ...DEFAULT_THRESHOLDS }): Promise<CampaignManifest> {
  const { manifest } = await createCampaign(
    { framework, learner: { name: 'Ana Ruiz', subjectId: SUBJECT }, coachName: 'Dana Lee', groups: { manager: 1, peer: 4 }, thresholds, createdOn: '2026-05-01', closesOn: '2026-05-31' },
    identity,
  );
  return manifest;
}

/** The coach's side and the learner's: score, report, sign; verify, back to a score. */
async function roundTrip(framework: Framework, manifest: CampaignManifest, responses: readonly SurveyResponse[], thresholds: AnonymityThresholds) {
  const score = scoreSubject(framework, responses, SUBJECT, { thresholds });
  const report = await buildReport({ ...manifest, thresholds }, score, identity, '2026-06-02');
  const verified = await verifyReport(await signReport(report, identity), 'report.jws');
  if (!verified.ok) throw new Error(`the report does not verify: ${JSON.stringify(verified.issues)}`);
  return { score, report: verified.value, back: reportToScore(verified.value, framework) };
}

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.issues)}`);
  return result.value;
};
const codesOf = <T>(result: Result<T>) => (result.ok ? [] : result.issues.map((issue) => issue.code));

/** Axes as the profile shows them: everything but coverage, which no chart, table or CSV shows. */
const shownAxes = (axes: readonly AxisScore[]) => axes.map((axis) => ({ ...axis, groups: axis.groups.map(({ coverage: _coverage, ...figures }) => figures) }));

/** What the profile shows of a score (ProfileView and its parts), for comparing two scores. */
function profileFigures(score: SubjectScore) {
  const othersShown = score.visibility.shown.includes('others');
  return {
    subjectId: score.subjectId,
    frameworkId: score.frameworkId,
    thresholds: score.thresholds,
    visibility: score.visibility,
    axes: shownAxes(score.axes),
    // The statement list shows the others' count only where others is shown (StatementList).
    statements: score.statements.map((statement) => (othersShown ? statement : { ...statement, othersRaters: 0 })),
    comments: score.comments,
    commentsHidden: score.commentsHidden.map(({ group, responses }) => ({ group, responses })),
    strengths: score.strengths,
    // The report cannot tell "unanswered" from "Not part of my role": the plan keeps the rated.
    developmentPlan: score.developmentPlan.filter((item) => item.mean !== null),
    planGroup: score.planGroup,
  };
}

const ANSWER = fc.constantFrom<Rating | 'NA' | 'absent'>(1, 2, 3, 4, 'NA', 'absent');
const COMMENT = fc.option(fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== ''), { nil: undefined });

/** One response of a group: random answers, at least one rating (see the all-N/A case below), maybe a comment. */
function responseArb(framework: Framework, group: RaterGroup): fc.Arbitrary<SurveyResponse> {
  const ids = framework.statements.map((statement) => statement.id);
  return fc.record({ answers: fc.array(ANSWER, { minLength: ids.length, maxLength: ids.length }), first: fc.constantFrom<Rating>(1, 2, 3, 4), general: COMMENT, topic: COMMENT }).map(({ answers, first, general, topic }) => {
    const given: Record<string, Rating | 'NA'> = {};
    ids.forEach((id, i) => {
      const answer = i === 0 ? first : answers[i];
      if (answer !== undefined && answer !== 'absent') given[id] = answer;
    });
    const comments: Record<string, string> = {};
    if (general !== undefined) comments.general = general;
    if (topic !== undefined) comments[framework.domains[0]?.id ?? framework.levels[0]?.id ?? 'general'] = topic;
    return response({ group, framework, subject: SUBJECT, answers: given, comments });
  });
}

function responsesArb(framework: Framework): fc.Arbitrary<SurveyResponse[]> {
  const groupOf = (group: RaterGroup, max: number) => fc.array(responseArb(framework, group), { maxLength: max });
  return fc
    .tuple(groupOf('self', 1), groupOf('manager', 2), groupOf('peer', 6), groupOf('direct-report', 5), groupOf('other', 4))
    .map((groups) => groups.flat());
}

const thresholdsArb: fc.Arbitrary<AnonymityThresholds> = fc.record({
  manager: fc.integer({ min: 1, max: 3 }),
  peer: fc.integer({ min: 2, max: 5 }),
  'direct-report': fc.integer({ min: 2, max: 5 }),
  other: fc.integer({ min: 2, max: 5 }),
  others: fc.integer({ min: 2, max: 6 }),
  comments: fc.integer({ min: 2, max: 6 }),
});

describe('a signed report never gives away a group kept below its threshold', () => {
  const frameworks = [levelledWithDomains(), levelled(2), unlevelled()];

  it('holds figures and comments only of groups that reach their thresholds, and no remainder that subtraction could single out', async () => {
    const manifests = await Promise.all(frameworks.map((framework) => campaignFor(framework)));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: frameworks.length - 1 }).chain((f) => fc.tuple(fc.constant(f), responsesArb(frameworks[f] as Framework), thresholdsArb)),
        async ([f, responses, thresholds]) => {
          const framework = frameworks[f] as Framework;
          const { report } = await roundTrip(framework, manifests[f] as CampaignManifest, responses, thresholds);
          const count = (group: RaterGroup) => responses.filter((response) => response.raterGroup === group).length;
          const others = OTHER_GROUPS.reduce((sum, group) => sum + count(group), 0);
          const shown = new Set<string>(report.groups_shown);
          // Every row the learner can read belongs to a shown group.
          for (const row of [...report.axes, ...report.statements, ...report.comments]) expect(shown.has(row.rater_group)).toBe(true);
          // A shown rater group reached its own threshold; `others` too.
          for (const group of OTHER_GROUPS) if (shown.has(group)) expect(count(group)).toBeGreaterThanOrEqual(thresholds[group]);
          if (shown.has('others')) expect(others).toBeGreaterThanOrEqual(thresholds.others);
          // What "All others" minus the groups shown on their own leaves is nobody, or enough people.
          if (shown.has('others')) {
            const remainder = OTHER_GROUPS.filter((group) => !shown.has(group));
            const left = remainder.reduce((sum, group) => sum + count(group), 0);
            const bar = Math.max(thresholds.others, ...remainder.filter((group) => count(group) > 0).map((group) => thresholds[group]));
            expect(left === 0 || left >= bar).toBe(true);
          }
          // Comments of a group are there only when it reaches the comment threshold too (a manager shown alone keeps theirs).
          for (const group of OTHER_GROUPS) {
            if (!report.comments.some((comment) => comment.rater_group === group)) continue;
            if (thresholds[group] > 1) expect(count(group)).toBeGreaterThanOrEqual(Math.max(thresholds[group], thresholds.comments));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('reportToScore: the profile from a signed report', () => {
  const frameworks = [levelledWithDomains(), levelled(2), unlevelled()];

  it('gives back every figure the profile shows, for any responses and thresholds', async () => {
    const manifests = await Promise.all(frameworks.map((framework) => campaignFor(framework)));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: frameworks.length - 1 }).chain((f) => fc.tuple(fc.constant(f), responsesArb(frameworks[f] as Framework), thresholdsArb)),
        async ([f, responses, thresholds]) => {
          const framework = frameworks[f] as Framework;
          const { score, back } = await roundTrip(framework, manifests[f] as CampaignManifest, responses, thresholds);
          const fromReport = valueOf(back);
          expect(profileFigures(fromReport)).toEqual(profileFigures(score));
          // Every response here rated something, so every count the profile shows is exact.
          for (const group of score.visibility.shown) expect(fromReport.responseCounts[group]).toBe(score.responseCounts[group]);
          expect(fromReport.responseCounts.others).toBe(score.responseCounts.others);
          // Coverage is exact for self and others, and never above the truth for a pooled group.
          fromReport.axes.forEach((axis, a) =>
            axis.groups.forEach((figures, g) => {
              const truth = score.axes[a]?.groups[g]?.coverage ?? Number.NaN;
              if (figures.group === 'self' || figures.group === 'others' || figures.raters <= 1) expect(figures.coverage).toBeCloseTo(truth, 12);
              else expect(figures.coverage).toBeLessThanOrEqual(truth + 1e-12);
            }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('shows a durable-skills 360 of self, a manager and four peers as the coach scored it', async () => {
    const framework = builtinFramework('css-durable-skills');
    const manifest = await campaignFor(framework);
    const rate = (group: RaterGroup, shift: number, comment: string) =>
      response({
        group, framework, subject: SUBJECT,
        answers: Object.fromEntries(framework.statements.map((statement, i) => [statement.id, (((i + shift) % 4) + 1) as Rating])),
        comments: { general: comment },
      });
    const responses = [rate('self', 3, 'I rated myself honestly'), rate('manager', 1, 'Ready for more'), ...[0, 1, 2, 2].map((shift, i) => rate('peer', shift, `Peer note ${i}`))];
    const { score, report, back } = await roundTrip(framework, manifest, responses, { ...DEFAULT_THRESHOLDS });
    const fromReport = valueOf(back);
    expect(report.groups_shown).toEqual(['self', 'manager', 'peer', 'others']);
    expect(profileFigures(fromReport)).toEqual(profileFigures(score));
    expect(fromReport.responseCounts).toEqual(score.responseCounts);
    expect(fromReport.axes.filter((axis) => axis.kind === 'domain')).toHaveLength(10);
    expect(fromReport.comments.find((entry) => entry.group === 'peer')?.comments.map((comment) => comment.text)).toEqual(['Peer note 0', 'Peer note 1', 'Peer note 2', 'Peer note 3']);
    expect(fromReport.developmentPlan.length).toBeGreaterThan(0);
  });

  it('counts a group with a response that rated nothing as the report allows: the raters of the whole framework', async () => {
    const framework = levelledWithDomains();
    const manifest = await campaignFor(framework);
    const all = (rating: Rating | 'NA') => Object.fromEntries(framework.statements.map((statement) => [statement.id, rating]));
    const responses = [
      response({ group: 'self', framework, subject: SUBJECT, answers: all(3) }),
      ...[2, 3, 4].map((rating) => response({ group: 'peer', framework, subject: SUBJECT, answers: all(rating as Rating) })),
      response({ group: 'peer', framework, subject: SUBJECT, answers: all('NA') }),
    ];
    const { score, back } = await roundTrip(framework, manifest, responses, { ...DEFAULT_THRESHOLDS });
    const fromReport = valueOf(back);
    expect(score.responseCounts.peer).toBe(4);
    expect(fromReport.responseCounts.peer).toBe(3);
    expect(profileFigures(fromReport)).toEqual(profileFigures(score));
  });

  it('gives the groups whose comments the comment threshold holds back, with their counts', async () => {
    const framework = levelledWithDomains();
    const manifest = await campaignFor(framework);
    const responses = [
      response({ group: 'self', framework, subject: SUBJECT, answers: { 'alpha-01': 4 } }),
      response({ group: 'manager', framework, subject: SUBJECT, answers: { 'alpha-01': 2 }, comments: { general: 'Manager says' } }),
      ...[1, 2, 3].map((rating) => response({ group: 'peer', framework, subject: SUBJECT, answers: { 'alpha-01': rating as Rating }, comments: { general: `Peer ${rating}` } })),
    ];
    // Peers (3) are below a comment threshold of 4; the manager's comments fold into all others (4).
    const { score, back } = await roundTrip(framework, manifest, responses, { ...DEFAULT_THRESHOLDS, comments: 4 });
    const fromReport = valueOf(back);
    expect(fromReport.visibility).toEqual(score.visibility);
    expect(fromReport.visibility.shown).toEqual(['self', 'manager', 'peer', 'others']);
    expect(fromReport.commentsHidden).toEqual([
      { group: 'manager', reason: 'hidden-below-3', responses: 1 },
      { group: 'peer', reason: 'hidden-below-3', responses: 3 },
    ]);
    expect(fromReport.comments.map((entry) => entry.group)).toEqual(['self', 'others']);
    expect(fromReport.comments.find((entry) => entry.group === 'others')?.comments.map((comment) => comment.text)).toEqual(['Manager says', 'Peer 1', 'Peer 2', 'Peer 3']);
    expect(fromReport.responseCounts).toEqual(score.responseCounts);
  });
});

describe('reportToScore refuses a report it cannot show against the framework', () => {
  let framework: Framework;
  let report: Report360;

  beforeAll(async () => {
    framework = levelledWithDomains();
    const manifest = await campaignFor(framework);
    const responses = [response({ group: 'self', framework, subject: SUBJECT, answers: { 'alpha-01': 4, 'beta-02': 2 } })];
    report = (await roundTrip(framework, manifest, responses, { ...DEFAULT_THRESHOLDS })).report;
  });

  it('for another framework', () => {
    expect(codesOf(reportToScore(report, unlevelled()))).toEqual(['report.other-framework']);
  });

  it('for another version of the same framework: a statement edited changes its hash', () => {
    const edited: Framework = { ...framework, statements: framework.statements.map((s, i) => (i === 0 ? { ...s, text: `${s.text}!` } : s)) };
    const refused = reportToScore(report, edited);
    expect(codesOf(refused)).toEqual(['report.framework-changed']);
    expect(refused.ok ? '' : refused.issues[0]?.message).toMatch(/another version of the framework/);
  });

  it('with figures for an axis or a statement the framework lacks, or a shown group missing from an axis', () => {
    const unknownAxis = { ...report, axes: [...report.axes, { ...report.axes[0]!, axis_kind: 'domain' as const, axis_id: 'gamma' }] };
    expect(codesOf(reportToScore(unknownAxis, framework))).toEqual(['report.unknown-axis']);
    const unknownStatement = { ...report, statements: [...report.statements, { statement_id: 'gamma-01', rater_group: 'self' as const, mean: 3, sd: null, ratings: 1 }] };
    expect(codesOf(reportToScore(unknownStatement, framework))).toEqual(['report.unknown-statement']);
    const missing = { ...report, axes: report.axes.slice(1) };
    expect(codesOf(reportToScore(missing, framework))).toEqual(['report.missing-axis']);
  });

  it('with a flag that its own self and others means do not give', () => {
    const flagged: Report360 = {
      ...report,
      groups_shown: ['self', 'others'],
      axes: [...report.axes, ...report.axes.map((row) => ({ ...row, rater_group: 'others' as const }))],
      statements: [...report.statements, { statement_id: 'alpha-01', rater_group: 'others', mean: 3.5, sd: 0.5, ratings: 3, flag: 'hidden-strength' }],
    };
    expect(codesOf(reportToScore(flagged, framework))).toEqual(['report.inconsistent-flag']);
  });

  it('keeps only the rated statements in the plan: the report does not tell N/A from unanswered', () => {
    const score = valueOf(reportToScore(report, framework));
    expect(score.developmentPlan.every((item) => item.mean !== null)).toBe(true);
    expect(score.strengths.map((item) => item.statementId)).toEqual(['alpha-01']);
  });
});
