import type { LevelId } from '../model/framework.ts';
import type { HiddenGroup, Visibility } from './anonymity.ts';
import type { AttainedLevel } from './attained-level.ts';
import type { AxisKind } from './axes.ts';
import type { GroupComments } from './comments.ts';
import type { PlanItem } from './development-plan.ts';
import type { GapFlag } from './gaps.ts';
import type { GroupCounts, ScoreGroup } from './score-groups.ts';
import type { SelfChange } from './self-change.ts';
import type { AnonymityThresholds } from './thresholds.ts';

/**
 * Everything the app, the CLI and the CSV writers show for one subject and framework. Figures
 * are unrounded (rounding is for display: rounding.ts). A group that is not shown has no
 * figure anywhere in here; only its response count and the reason, in `visibility.hidden`.
 */
export type SubjectScore = {
  subjectId: string;
  frameworkId: string;
  /** Counted responses per group (DESIGN.md "Which responses count"). */
  responseCounts: GroupCounts;
  /**
   * The anonymity thresholds `visibility` and `comments` were decided with: a sentence about a
   * hidden group states these, never MIN_GROUP_RESPONSES.
   */
  thresholds: Readonly<AnonymityThresholds>;
  visibility: Visibility;
  axes: AxisScore[];
  statements: StatementScore[];
  /** One entry per group whose comments are shown (decideCommentGroups), in SCORE_GROUPS order. */
  comments: GroupComments[];
  /** Groups whose figures are shown but whose comments are not, and why (the comment threshold). */
  commentsHidden: HiddenGroup[];
  /** For `planGroup` (self unless asked otherwise); empty when that group is not shown. */
  planGroup: ScoreGroup;
  developmentPlan: PlanItem[];
  strengths: PlanItem[];
  /**
   * Issue 12: the latest self-assessment against the one before it; null with fewer than two
   * (and from a signed 360 report, which carries only the latest).
   */
  change: SelfChange | null;
};

export type AxisScore = {
  kind: AxisKind;
  id: string;
  /** One per shown group, in SCORE_GROUPS order. */
  groups: AxisGroupScore[];
  /** Self mean minus others mean, where both are shown and rated. */
  gap: number | null;
};

export type AxisGroupScore = {
  group: ScoreGroup;
  raters: number;
  ratings: number;
  mean: number | null;
  percent: number | null;
  sd: number | null;
  /** 0-1. */
  coverage: number;
  /** On framework and domain axes; null on level axes. */
  attainedLevel: AttainedLevel | null;
};

export type StatementScore = {
  statementId: string;
  level: LevelId | null;
  domain: string | null;
  /** Self rating (null when N/A, unanswered or no self response). */
  self: number | null;
  /** Others mean; null where `others` is not shown or nobody in it rated the statement. */
  others: number | null;
  gap: number | null;
  /** Responses in `others` that rated it (a count, given even where `others` is hidden). */
  othersRaters: number;
  /** Agreement: sd of the others' ratings; null under 2 ratings or where `others` is not shown. */
  othersSd: number | null;
  /**
   * Issue 12: r_wg of the others' ratings (1 - s² / 1.25, floored at 0); null under 3 ratings or
   * where `others` is not shown. agreementBand gives its words.
   */
  othersRwg: number | null;
  flag: GapFlag | null;
};
