import type { Framework } from '../model/framework.ts';
import { OTHER_GROUPS, type SurveyResponse } from '../model/response.ts';
import { othersAgreement, othersRwg } from './agreement.ts';
import { decideCommentGroups, decideShownGroups } from './anonymity.ts';
import { attainLevel } from './attained-level.ts';
import { collectComments } from './comments.ts';
import { countResponses, selfAssessments } from './counted-responses.ts';
import { planDevelopment } from './development-plan.ts';
import { type FrameworkIndex, indexFramework } from './framework-index.ts';
import { flagGap, gapOf } from './gaps.ts';
import { createPools, percentOf, poolCoverage, poolMean, poolRatings, poolSd, type RatingPools } from './pooled-stats.ts';
import { createTally, type RatingTally, tallyRatings } from './rating-tally.ts';
import type { RatingsRow } from './response-row.ts';
import { GROUP_COUNT, groupIndex, OTHERS, SCORE_GROUPS, SELF, type GroupCounts, type ScoreGroup } from './score-groups.ts';
import { createSelfChangeRows, scoreSelfChange, type SelfChangeRows } from './self-change.ts';
import { statementMean } from './statement-means.ts';
import { findStrengths } from './strengths.ts';
import type { AxisGroupScore, AxisScore, StatementScore, SubjectScore } from './subject-score.ts';
import { type AnonymityThresholds, DEFAULT_THRESHOLDS } from './thresholds.ts';

export type ScoreOptions = {
  /** Whose development plan and strengths to give; self unless asked. */
  planGroup?: ScoreGroup;
  /** Anonymity thresholds, checked by checkThresholds; DESIGN.md's defaults unless given. */
  thresholds?: Readonly<AnonymityThresholds>;
};

/**
 * Working arrays for one framework, reused from subject to subject by scoreCohort, and where
 * each response's ratings row goes after it is read (scoreCohortWithReliability), if anywhere.
 */
export type ScoringBuffers = { tally: RatingTally; pools: RatingPools; selfRows: SelfChangeRows; onRow: ((row: RatingsRow) => void) | null };

export function createScoringBuffers(index: FrameworkIndex, onRow: ((row: RatingsRow) => void) | null = null): ScoringBuffers {
  return { tally: createTally(index), pools: createPools(index), selfRows: createSelfChangeRows(index), onRow };
}

/** Scores one subject on one framework from any set of responses (others are ignored). */
export function scoreSubject(
  framework: Framework,
  responses: readonly SurveyResponse[],
  subjectId: string,
  options: ScoreOptions = {},
): SubjectScore {
  const index = indexFramework(framework);
  return scoreCounted(index, countResponses(responses, subjectId, framework.id), subjectId, options, createScoringBuffers(index), selfAssessments(responses, subjectId, framework.id));
}

/**
 * As scoreSubject, for responses already counted (countResponses) for this subject, with its
 * self-assessments oldest first (selfAssessments) for the change since the last one.
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
  // Plain loops into arrays of known length: this runs once per subject and axis or statement
  // of a cohort, and closures and searches there were a fifth of scoring's time.
  const axes: AxisScore[] = new Array<AxisScore>(index.axes.length);
  for (let a = 0; a < index.axes.length; a += 1) {
    const axis = index.axes[a] as (typeof index.axes)[number];
    const groups: AxisGroupScore[] = new Array<AxisGroupScore>(shown.length);
    for (let i = 0; i < shown.length; i += 1) {
      const g = shown[i] as number;
      const mean = poolMean(pools, g, a);
      groups[i] = {
        group: SCORE_GROUPS[g] as ScoreGroup,
        raters: tally.axisRaters[g * tally.axisCount + a] ?? 0,
        ratings: pools.ratings[g * pools.setCount + a] ?? 0,
        mean,
        percent: percentOf(mean),
        sd: poolSd(pools, g, a),
        coverage: poolCoverage(pools, g, a),
        attainedLevel: attainLevel(index, pools, g, a),
      };
    }
    const self = selfShown ? poolMean(pools, SELF, a) : null;
    const others = othersShown ? poolMean(pools, OTHERS, a) : null;
    axes[a] = { kind: axis.kind, id: axis.id, groups, gap: gapOf(self, others) };
  }

  const statements: StatementScore[] = new Array<StatementScore>(framework.statements.length);
  for (let p = 0; p < framework.statements.length; p += 1) {
    const statement = framework.statements[p] as (typeof framework.statements)[number];
    const self = selfShown ? statementMean(tally, SELF, p) : null;
    const others = othersShown ? statementMean(tally, OTHERS, p) : null;
    const gap = gapOf(self, others);
    statements[p] = {
      statementId: statement.id,
      level: statement.level,
      domain: statement.domain,
      self,
      others,
      gap,
      // DESIGN.md blanks only others, gap and others_sd where others is hidden; the count stays.
      othersRaters: tally.count[OTHERS * tally.statementCount + p] ?? 0,
      othersSd: othersShown ? othersAgreement(tally, p) : null,
      othersRwg: othersShown ? othersRwg(tally, p) : null,
      flag: flagGap(gap),
    };
  }

  const planGroup = options.planGroup ?? 'self';
  const plan = planFor(index, tally, axes, planGroup, shown);
  return {
    subjectId,
    frameworkId: framework.id,
    responseCounts,
    thresholds,
    visibility,
    axes,
    statements,
    comments: collectComments(counted, commentVisibility.shown),
    commentsHidden: commentVisibility.hidden,
    planGroup,
    developmentPlan: plan.developmentPlan,
    strengths: plan.strengths,
    change: scoreSelfChange(index, selfHistory, buffers.selfRows),
  };
}

function countsOf(tally: RatingTally): GroupCounts {
  const counts = { self: 0, manager: 0, peer: 0, 'direct-report': 0, other: 0, others: 0 };
  for (let g = 0; g < GROUP_COUNT; g += 1) counts[SCORE_GROUPS[g] as ScoreGroup] = tally.responses[g] ?? 0;
  // `others` is every rater group, whatever the tally did.
  counts.others = OTHER_GROUPS.reduce((total, group) => total + counts[group], 0);
  return counts;
}

function planFor(index: FrameworkIndex, tally: RatingTally, axes: readonly AxisScore[], group: ScoreGroup, shown: readonly number[]) {
  const g = groupIndex(group);
  if (!shown.includes(g)) return { developmentPlan: [], strengths: [] };
  const attained = axes[0]?.groups.find((score) => score.group === group)?.attainedLevel ?? 'not-yet';
  return { developmentPlan: planDevelopment(index, tally, g, attained), strengths: findStrengths(index, tally, g) };
}
