import type { Framework } from '../model/framework.ts';
import { OTHER_GROUPS, type SurveyResponse } from '../model/response.ts';
import { decideCommentGroups, decideShownGroups } from './anonymity.ts';
import { attainedLevelAt, type AxisFigures, axisScoresOf, computeAxisFigures } from './axis-figures.ts';
import { collectComments } from './comments.ts';
import { countSubjectResponses } from './counted-responses.ts';
import { createFigureBlocks, type FigureBlocks } from './figure-column.ts';
import { type FrameworkIndex, indexFramework } from './framework-index.ts';
import { createPools, poolRatings, type RatingPools } from './pooled-stats.ts';
import { createTally, type RatingTally, tallyRatings } from './rating-tally.ts';
import type { RatingsRow } from './response-row.ts';
import { GROUP_COUNT, groupIndex, OTHERS, SCORE_GROUPS, SELF, type GroupCounts, type ScoreGroup } from './score-groups.ts';
import { createSelfChangeRows, scoreSelfChange, type SelfChangeRows } from './self-change.ts';
import { computeStatementFigures, statementScoresOf } from './statement-figures.ts';
import { type ObjectsMade, withAxesAndStatements } from './objects-made.ts';
import { planAndStrengths } from './plan-and-strengths.ts';
import { createPlanPositions, type PlanPositions } from './plan-positions.ts';
import { createSeenResponseIds, type SeenResponseIds } from './seen-response-ids.ts';
import type { PlanItem } from './development-plan.ts';
import type { AxisScore, StatementScore, SubjectScore } from './subject-score.ts';
import { type AnonymityThresholds, DEFAULT_THRESHOLDS } from './thresholds.ts';

export type ScoreOptions = {
  /** Whose development plan and strengths to give; self unless asked. */
  planGroup?: ScoreGroup;
  /** Anonymity thresholds, checked by checkThresholds; DESIGN.md's defaults unless given. */
  thresholds?: Readonly<AnonymityThresholds>;
  /** When the axis and statement objects are made from the figures (objects-made.ts); when read unless asked. */
  objects?: ObjectsMade;
};

/**
 * Working arrays for one framework, reused from subject to subject by scoreCohort, and where
 * each response's ratings row goes after it is read (scoreCohortWithReliability), if anywhere.
 */
export type ScoringBuffers = {
  tally: RatingTally;
  pools: RatingPools;
  selfRows: SelfChangeRows;
  plan: PlanPositions;
  seen: SeenResponseIds;
  figures: FigureBlocks;
  onRow: ((row: RatingsRow) => void) | null;
};

export function createScoringBuffers(index: FrameworkIndex, onRow: ((row: RatingsRow) => void) | null = null): ScoringBuffers {
  return {
    tally: createTally(index),
    pools: createPools(index),
    selfRows: createSelfChangeRows(index),
    plan: createPlanPositions(index.statementCount),
    seen: createSeenResponseIds(),
    figures: createFigureBlocks(),
    onRow,
  };
}

/** Scores one subject on one framework from any set of responses (others are ignored). */
export function scoreSubject(
  framework: Framework,
  responses: readonly SurveyResponse[],
  subjectId: string,
  options: ScoreOptions = {},
): SubjectScore {
  const index = indexFramework(framework);
  const { counted, selves } = countSubjectResponses(responses, subjectId, framework.id);
  return scoreCounted(index, counted, subjectId, options, createScoringBuffers(index), selves);
}

/**
 * As scoreSubject, for responses already counted for this subject, with its self-assessments
 * oldest first for the change since the last one (countSubjectResponses).
 */
export function scoreCounted(
  index: FrameworkIndex,
  counted: readonly SurveyResponse[],
  subjectId: string,
  options: ScoreOptions = {},
  buffers: ScoringBuffers = createScoringBuffers(index),
  selfHistory: readonly SurveyResponse[] = [],
): SubjectScore {
  const { framework } = index;
  const tally = tallyRatings(index, counted, buffers.tally, buffers.onRow);
  const responseCounts = countsOf(tally);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const visibility = decideShownGroups(responseCounts, thresholds);
  const commentVisibility = decideCommentGroups(responseCounts, visibility.shown, thresholds);
  const shown = visibility.shown.map(groupIndex);
  const othersShown = shown.includes(OTHERS);
  const selfShown = shown.includes(SELF);

  const pools = poolRatings(index, tally, shown, buffers.pools);
  const axisFigures = computeAxisFigures(index, tally, pools, shown, buffers.figures);
  const statementFigures = computeStatementFigures(tally, selfShown, othersShown, buffers.figures);

  const planGroup = options.planGroup ?? 'self';
  const plan = planFor(index, tally, axisFigures, planGroup, buffers);
  const when = options.objects ?? 'when-read';
  const score = {
    subjectId,
    frameworkId: framework.id,
    responseCounts,
    thresholds,
    visibility,
    comments: collectComments(counted, commentVisibility.shown),
    commentsHidden: commentVisibility.hidden,
    planGroup,
    developmentPlan: plan.developmentPlan,
    strengths: plan.strengths,
    change: scoreSelfChange(index, selfHistory, buffers.selfRows, buffers.figures, when),
  };
  return withAxesAndStatements(
    score,
    (): AxisScore[] => axisScoresOf(index, axisFigures),
    (): StatementScore[] => statementScoresOf(framework.statements, statementFigures),
    when,
  );
}

function countsOf(tally: RatingTally): GroupCounts {
  const counts = { self: 0, manager: 0, peer: 0, 'direct-report': 0, other: 0, others: 0 };
  for (let g = 0; g < GROUP_COUNT; g += 1) counts[SCORE_GROUPS[g] as ScoreGroup] = tally.responses[g] ?? 0;
  // `others` is every rater group, whatever the tally did.
  counts.others = OTHER_GROUPS.reduce((total, group) => total + counts[group], 0);
  return counts;
}

function planFor(index: FrameworkIndex, tally: RatingTally, axisFigures: AxisFigures, group: ScoreGroup, buffers: ScoringBuffers): { developmentPlan: PlanItem[]; strengths: PlanItem[] } {
  const shownAt = axisFigures.shown.indexOf(groupIndex(group));
  if (shownAt === -1) return { developmentPlan: [], strengths: [] };
  // Axis 0 is the whole framework.
  const attained = attainedLevelAt(axisFigures, 0, shownAt) ?? 'not-yet';
  return planAndStrengths(index, tally, groupIndex(group), attained, buffers.plan);
}
