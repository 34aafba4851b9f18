import type { Rating } from '../model/rating-scale.ts';
import type { SurveyResponse } from '../model/response.ts';
import type { AxisKind } from './axes.ts';
import { createFigureBlocks, figureAt, type FigureBlocks, takeFigures } from './figure-column.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { type ObjectsMade, withAxesAndStatements } from './objects-made.ts';
import { percentOf } from './pooled-stats.ts';
import { createRatingsRow, ratingAt, type RatingsRow, readRatingsRow } from './response-row.ts';

/**
 * Issue 12, "Change since the last self-assessment": for a subject with two or more self
 * responses on a framework, the latest (the one scoring counts) against the one just before it.
 * Self figures only, so no anonymity rule applies: self is always shown.
 */
export type SelfChange = {
  earlier: SelfAssessmentRef;
  latest: SelfAssessmentRef;
  /** Every axis of the framework, in axis order (framework, levels, domains). */
  axes: AxisChange[];
  /** Every statement, in framework order. */
  statements: StatementChange[];
  /** The whole-framework percent of every self-assessment, oldest first (for a line chart). */
  history: SelfAssessmentPoint[];
};

export type SelfAssessmentRef = { responseId: string; submittedAt: string };

export type AxisChange = {
  kind: AxisKind;
  id: string;
  /** Percent of the self ratings of the axis; null where that self-assessment rated none of it. */
  earlierPercent: number | null;
  latestPercent: number | null;
  /** latestPercent - earlierPercent, in percentage points, unrounded; null unless both exist. */
  change: number | null;
};

export type ChangeDirection = 'up' | 'down' | 'unchanged';

export type StatementChange = {
  statementId: string;
  /** The rating; null where it was N/A or unanswered. */
  earlier: Rating | null;
  latest: Rating | null;
  /** null unless both self-assessments rated the statement. */
  direction: ChangeDirection | null;
};

export type SelfAssessmentPoint = SelfAssessmentRef & { percent: number | null };

/**
 * Working rows, reused from subject to subject by scoreCohort: a typed array costs far more to
 * create than to fill, and thousands of them keep the garbage collector busy.
 */
export type SelfChangeRows = { earlier: RatingsRow; latest: RatingsRow };

export function createSelfChangeRows(index: FrameworkIndex): SelfChangeRows {
  return { earlier: createRatingsRow(index), latest: createRatingsRow(index) };
}

/**
 * The change for one subject and framework from its self-assessments oldest first
 * (countSubjectResponses), or null with fewer than two. Percents are DESIGN.md's: the pooled mean of
 * the axis's self ratings, (mean - 1) / 3 * 100, N/A and unanswered left out.
 */
export function scoreSelfChange(
  index: FrameworkIndex,
  history: readonly SurveyResponse[],
  rows: SelfChangeRows = createSelfChangeRows(index),
  blocks: FigureBlocks = createFigureBlocks(),
  when: ObjectsMade = 'when-read',
): SelfChange | null {
  const last = history.length - 1;
  if (last < 1) return null;
  // Each self-assessment is read once, oldest first: the older ones pass through `earlierRow`,
  // which the one just before the latest then overwrites.
  const { earlier: earlierRow, latest: latestRow } = rows;
  const whole = index.axes[0]?.positions ?? new Int32Array(0);
  const points = history.map((response, i): SelfAssessmentPoint => {
    const row = readRatingsRow(index, response, i === last ? latestRow : earlierRow);
    return { responseId: response.responseId, submittedAt: response.submittedAt, percent: percentOf(rowMean(row, whole)) };
  });

  // The figures by column, as a SubjectScore keeps its own (statement-figures.ts): each axis's
  // earlier and latest percent, then each statement's earlier and latest rating (NaN for none).
  // The rows are overwritten by the next subject; the objects are made as `when` says.
  const axisCount = index.axes.length;
  const n = index.statementCount;
  const figures = takeFigures(blocks, 2 * (axisCount + n));
  for (let a = 0; a < axisCount; a += 1) {
    const positions = (index.axes[a] as (typeof index.axes)[number]).positions;
    figures[a] = percentOf(rowMean(earlierRow, positions)) ?? Number.NaN;
    figures[axisCount + a] = percentOf(rowMean(latestRow, positions)) ?? Number.NaN;
  }
  const ratingsAt = 2 * axisCount;
  for (let p = 0; p < n; p += 1) {
    figures[ratingsAt + p] = ratingAt(earlierRow, p) ?? Number.NaN;
    figures[ratingsAt + n + p] = ratingAt(latestRow, p) ?? Number.NaN;
  }
  const change = { earlier: refOf(history[last - 1] as SurveyResponse), latest: refOf(history[last] as SurveyResponse), history: points };
  return withAxesAndStatements(
    change,
    (): AxisChange[] =>
      index.axes.map((axis, a): AxisChange => {
        const earlierPercent = figureAt(figures, a);
        const latestPercent = figureAt(figures, axisCount + a);
        const difference = earlierPercent === null || latestPercent === null ? null : latestPercent - earlierPercent;
        return { kind: axis.kind, id: axis.id, earlierPercent, latestPercent, change: difference };
      }),
    (): StatementChange[] =>
      index.statementIds.map((statementId, p): StatementChange => {
        const earlier = figureAt(figures, ratingsAt + p) as Rating | null;
        const latest = figureAt(figures, ratingsAt + n + p) as Rating | null;
        return { statementId, earlier, latest, direction: directionOf(earlier, latest) };
      }),
    when,
  );
}

function refOf(response: SurveyResponse): SelfAssessmentRef {
  return { responseId: response.responseId, submittedAt: response.submittedAt };
}

/** Mean of the response's ratings at `positions`; null when it rated none of them. */
function rowMean(row: RatingsRow, positions: Int32Array): number | null {
  let sum = 0;
  let count = 0;
  for (const p of positions) {
    const rating = ratingAt(row, p);
    if (rating === null) continue;
    sum += rating;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

function directionOf(earlier: Rating | null, latest: Rating | null): ChangeDirection | null {
  if (earlier === null || latest === null) return null;
  return latest > earlier ? 'up' : latest < earlier ? 'down' : 'unchanged';
}
