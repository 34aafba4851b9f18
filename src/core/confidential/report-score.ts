import { excerpt } from '../model/echo.ts';
import type { Framework } from '../model/framework.ts';
import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import { fail, type Issue, ok, type Result } from '../model/result.ts';
import { rwgFromSd } from '../score/agreement.ts';
import { HIDDEN_BELOW_THRESHOLD, type HiddenGroup } from '../score/anonymity.ts';
import type { GroupComments } from '../score/comments.ts';
import { planDevelopment } from '../score/development-plan.ts';
import { type FrameworkIndex, indexFramework } from '../score/framework-index.ts';
import { flagGap, gapOf } from '../score/gaps.ts';
import { createTally } from '../score/rating-tally.ts';
import { SCORE_GROUPS, SELF, type ScoreGroup } from '../score/score-groups.ts';
import { findStrengths } from '../score/strengths.ts';
import type { AxisGroupScore, AxisScore, StatementScore, SubjectScore } from '../score/subject-score.ts';
import { frameworkSha256 } from './campaign-manifest.ts';
import type { Report360, ReportAxis, ReportStatement } from './signed-report.ts';

/**
 * A verified 360 report (verifyReport) as the SubjectScore the profile shows, so that the
 * learner sees the coach's report with the same charts, tables and notices as any profile. The
 * figures are the report's, never recomputed: the learner's app holds no rater's answer. What
 * the report does not carry is derived only where its figures decide it exactly, and each
 * choice is said where it is made. `framework` must be the very framework the coach scored
 * with (its id and content hash), since statement and axis ids are read against it.
 */
export function reportToScore(report: Report360, framework: Framework): Result<SubjectScore> {
  const mismatch = frameworkIssues(report, framework);
  if (mismatch.length > 0) return fail(mismatch);

  const index = indexFramework(framework);
  const issues: Issue[] = [];
  const shown = report.groups_shown;
  const axisRows = rowsOfAxes(report.axes, index, issues);
  const statementRows = rowsOfStatements(report.statements, index, issues);

  const axes = index.axes.map((axis): AxisScore => {
    const groups = shown.map((group): AxisGroupScore => {
      const row = axisRows.get(axisKey(axis.kind, axis.id, group));
      if (row === undefined) {
        issues.push({
          code: 'report.missing-axis', path: 'axes',
          message: `The report has no ${group} figures for the ${axis.kind} axis ${excerpt(axis.id)}, though it shows that group: it is incomplete. Ask the coach for the report again.`,
        });
      }
      return {
        group,
        raters: row?.raters ?? 0,
        ratings: row?.ratings ?? 0,
        mean: row?.mean ?? null,
        percent: row?.percent ?? null,
        sd: row?.sd ?? null,
        coverage: coverageOf(index, axis.positions, group, row, statementRows),
        attainedLevel: row?.attained_level ?? null,
      };
    });
    const self = groups.find((score) => score.group === 'self')?.mean ?? null;
    const others = groups.find((score) => score.group === 'others')?.mean ?? null;
    return { kind: axis.kind, id: axis.id, groups, gap: gapOf(self, others) };
  });
  if (issues.length > 0) return fail(issues);

  const statements = framework.statements.map((statement): StatementScore => {
    const self = statementRows.get(statementKey(statement.id, 'self'));
    const others = statementRows.get(statementKey(statement.id, 'others'));
    const gap = gapOf(self?.mean ?? null, others?.mean ?? null);
    return {
      statementId: statement.id,
      level: statement.level,
      domain: statement.domain,
      self: self?.mean ?? null,
      others: others?.mean ?? null,
      gap,
      // The report gives the count only where `others` is shown (its row's ratings: one per
      // response that rated the statement). Where `others` is hidden nothing shows this count,
      // and the report, rightly, does not hold it: 0.
      othersRaters: others?.ratings ?? 0,
      othersSd: others?.sd ?? null,
      // r_wg from the others' sd and rating count the report signs (unrounded): the same number
      // scoring gives from the ratings, with no per-rater figure in the report.
      othersRwg: rwgFromSd(others?.sd ?? null, others?.ratings ?? 0),
      // The coach's flag as signed. buildReport wrote flagGap of this same gap, so recomputing it
      // agrees; rowsOfStatements refuses a report where it would not.
      flag: others?.flag ?? null,
    };
  });

  const figureNotices = report.notices.filter((notice) => notice.reason !== 'comments-below-threshold');
  const commentNotices = report.notices.filter((notice) => notice.reason === 'comments-below-threshold');
  const commentGroups = new Set(commentNotices.map((notice) => notice.group));
  const comments: GroupComments[] = shown
    .filter((group) => !commentGroups.has(group as OtherGroup | 'others'))
    .map((group) => ({ group, comments: report.comments.filter((comment) => comment.rater_group === group).map(({ topic, text }) => ({ topic, text })) }));

  const plan = planFromSelf(index, report, statementRows);
  return ok({
    subjectId: report.learner.subject_id,
    frameworkId: framework.id,
    responseCounts: countsOf(report, axisRows),
    thresholds: { ...report.thresholds },
    visibility: {
      shown: [...shown],
      hidden: figureNotices.map((notice): HiddenGroup => ({
        group: notice.group,
        reason: notice.reason === 'folded-to-protect-remainder' ? 'folded-to-protect-remainder' : HIDDEN_BELOW_THRESHOLD,
        // buildReport always tells it; a report that does not is read as "no count given": 0.
        responses: notice.responses ?? 0,
      })),
    },
    axes,
    statements,
    comments,
    // The report says only that a group's comments are below the comment threshold, not whether
    // they fell short on their own or were folded to protect the remainder: "below" it is.
    commentsHidden: commentNotices.map((notice): HiddenGroup => ({ group: notice.group, reason: HIDDEN_BELOW_THRESHOLD, responses: notice.responses ?? 0 })),
    planGroup: 'self',
    developmentPlan: plan.developmentPlan,
    strengths: plan.strengths,
    // A report holds the latest self-assessment only; the learner's own earlier ones are in
    // their browser, where scoreSelfChange can compare them.
    change: null,
  });
}

/** The framework the learner's app has must be the one the coach scored: same id, same content. */
function frameworkIssues(report: Report360, framework: Framework): Issue[] {
  const named = `${excerpt(report.framework.title, 80)} (${excerpt(report.framework.id)})`;
  if (framework.id !== report.framework.id) {
    return [{ code: 'report.other-framework', path: 'framework.id', message: `The report is for the framework ${named}, not ${excerpt(framework.id)}.` }];
  }
  if (frameworkSha256(framework) !== report.framework.sha256) {
    return [{
      code: 'report.framework-changed', path: 'framework.sha256',
      message: `The report was made with another version of the framework ${named} (version ${excerpt(report.framework.version, 30)}) than the one in this browser: its statements may differ, so its figures cannot be shown against them. Open the framework file your coach used, then import the report again.`,
    }];
  }
  return [];
}

const axisKey = (kind: string, id: string, group: ScoreGroup) => JSON.stringify([kind, id, group]);
const statementKey = (id: string, group: ScoreGroup) => JSON.stringify([id, group]);

function rowsOfAxes(rows: readonly ReportAxis[], index: FrameworkIndex, issues: Issue[]): Map<string, ReportAxis> {
  const known = new Set(index.axes.map((axis) => JSON.stringify([axis.kind, axis.id])));
  const byKey = new Map<string, ReportAxis>();
  rows.forEach((row, i) => {
    if (!known.has(JSON.stringify([row.axis_kind, row.axis_id]))) {
      issues.push({ code: 'report.unknown-axis', path: `axes[${i}]`, message: `The report has figures for a ${row.axis_kind} axis ${excerpt(row.axis_id)} that the framework does not have.` });
    }
    byKey.set(axisKey(row.axis_kind, row.axis_id, row.rater_group), row);
  });
  return byKey;
}

function rowsOfStatements(rows: readonly ReportStatement[], index: FrameworkIndex, issues: Issue[]): Map<string, ReportStatement> {
  const byKey = new Map<string, ReportStatement>();
  rows.forEach((row, i) => {
    const at = `statements[${i}]`;
    if (!index.position.has(row.statement_id)) {
      issues.push({ code: 'report.unknown-statement', path: `${at}.statement_id`, message: `The report rates a statement ${excerpt(row.statement_id)} that the framework does not have.` });
    }
    byKey.set(statementKey(row.statement_id, row.rater_group), row);
  });
  // A flag is self against others: it must be what the two means give (DESIGN.md "Gap").
  for (const row of rows) {
    if (row.rater_group !== 'others') continue;
    const self = byKey.get(statementKey(row.statement_id, 'self'));
    if ((row.flag ?? null) !== flagGap(gapOf(self?.mean ?? null, row.mean))) {
      issues.push({ code: 'report.inconsistent-flag', path: 'statements', message: `The report's flag on statement ${excerpt(row.statement_id)} does not follow from its self and others means.` });
    }
  }
  return byKey;
}

/**
 * Responses counted per group, as far as the report tells them. A group with a notice has its
 * count there. A shown group without one: the raters of the whole-framework axis, which is its
 * count unless one of its responses rated nothing at all (all "Not observed"), which the report
 * cannot tell; so this is the smallest count the report allows. Self is one response (only the
 * latest counts). A group in neither list had no response: 0.
 */
function countsOf(report: Report360, axisRows: ReadonlyMap<string, ReportAxis>): SubjectScore['responseCounts'] {
  const told = new Map<ScoreGroup, number>();
  for (const notice of report.notices) if (notice.responses !== undefined) told.set(notice.group, notice.responses);
  const countOf = (group: ScoreGroup): number => {
    const fromNotice = told.get(group);
    if (fromNotice !== undefined) return fromNotice;
    if (!report.groups_shown.includes(group)) return 0;
    return group === 'self' ? 1 : axisRows.get(axisKey('framework', 'all', group))?.raters ?? 0;
  };
  const counts: Record<ScoreGroup, number> = { self: 0, manager: 0, peer: 0, 'direct-report': 0, other: 0, others: 0 };
  for (const group of SCORE_GROUPS) counts[group] = countOf(group);
  // `others` is every rater group: never fewer than the groups the report counts in it.
  counts.others = Math.max(counts.others, OTHER_GROUPS.reduce((total, group) => total + counts[group], 0));
  return counts;
}

/**
 * Coverage is shown nowhere (attainment, which uses it, is in the report), so it is given where
 * the report decides it: for self and others from their statement rows, for a group of one rater
 * as its ratings over the axis's statements; for a larger group, the least coverage its counts
 * allow (its ratings spread over as few statements as its raters permit).
 */
function coverageOf(index: FrameworkIndex, positions: Int32Array, group: ScoreGroup, row: ReportAxis | undefined, statementRows: ReadonlyMap<string, ReportStatement>): number {
  const statements = positions.length;
  if (statements === 0 || row === undefined) return 0;
  if (group === 'self' || group === 'others') {
    let rated = 0;
    for (const p of positions) if ((statementRows.get(statementKey(index.statementIds[p] ?? '', group))?.ratings ?? 0) > 0) rated += 1;
    return rated / statements;
  }
  if (row.raters === 0) return 0;
  return Math.min(statements, Math.ceil(row.ratings / row.raters)) / statements;
}

/**
 * Strengths and the development plan, by the same functions as scoreSubject, fed the self
 * ratings the report holds (one self response: each row is one rating). The report does not
 * say which statements the learner left unanswered or marked "Not part of my role", so the plan
 * is its rated statements only: scoreSubject's plan without its unrated tail.
 */
function planFromSelf(index: FrameworkIndex, report: Report360, statementRows: ReadonlyMap<string, ReportStatement>) {
  if (!report.groups_shown.includes('self')) return { developmentPlan: [], strengths: [] };
  const tally = createTally(index);
  const n = tally.statementCount;
  index.statementIds.forEach((id, p) => {
    const row = statementRows.get(statementKey(id, 'self'));
    if (row === undefined || row.mean === null) return;
    tally.count[SELF * n + p] = row.ratings;
    tally.sum[SELF * n + p] = row.mean * row.ratings;
    tally.sumSquares[SELF * n + p] = row.mean * row.mean * row.ratings;
  });
  const attained = report.axes.find((row) => row.axis_kind === 'framework' && row.rater_group === 'self')?.attained_level ?? 'not-yet';
  return {
    developmentPlan: planDevelopment(index, tally, SELF, attained).filter((item) => item.mean !== null),
    strengths: findStrengths(index, tally, SELF),
  };
}
