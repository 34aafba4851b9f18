import type { Rating } from '../model/rating-scale.ts';
import type { SurveyResponse } from '../model/response.ts';
import type { AxisKind } from './axes.ts';
import type { FrameworkIndex } from './framework-index.ts';
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
 * (selfAssessments), or null with fewer than two. Percents are DESIGN.md's: the pooled mean of
 * the axis's self ratings, (mean - 1) / 3 * 100, N/A and unanswered left out.
 */
export function scoreSelfChange(
  index: FrameworkIndex,
  history: readonly SurveyResponse[],
  rows: SelfChangeRows = createSelfChangeRows(index),
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

  const axes = index.axes.map((axis): AxisChange => {
    const earlierPercent = percentOf(rowMean(earlierRow, axis.positions));
    const latestPercent = percentOf(rowMean(latestRow, axis.positions));
    const change = earlierPercent === null || latestPercent === null ? null : latestPercent - earlierPercent;
    return { kind: axis.kind, id: axis.id, earlierPercent, latestPercent, change };
  });

  const statements = index.statementIds.map((statementId, p): StatementChange => {
    const earlier = ratingOf(earlierRow, p);
    const latest = ratingOf(latestRow, p);
    return { statementId, earlier, latest, direction: directionOf(earlier, latest) };
  });
  return { earlier: refOf(history[last - 1] as SurveyResponse), latest: refOf(history[last] as SurveyResponse), axes, statements, history: points };
}

function refOf(response: SurveyResponse): SelfAssessmentRef {
  return { responseId: response.responseId, submittedAt: response.submittedAt };
}

/**
 * Mean of the response's ratings at `positions`; null when it rated none of them. readRatingsRow
 * clears `ratings`, so 0 there is "no rating" and the bits need not be asked.
 */
function rowMean(row: RatingsRow, positions: Int32Array): number | null {
  const { ratings } = row;
  let sum = 0;
  let count = 0;
  for (const p of positions) {
    const rating = ratings[p]!;
    if (rating === 0) continue;
    sum += rating;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

function ratingOf(row: RatingsRow, p: number): Rating | null {
  return ratingAt(row, p) as Rating | null;
}

function directionOf(earlier: Rating | null, latest: Rating | null): ChangeDirection | null {
  if (earlier === null || latest === null) return null;
  return latest > earlier ? 'up' : latest < earlier ? 'down' : 'unchanged';
}
