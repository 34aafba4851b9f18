import type { AxisKind } from './axes.ts';
import type { ScoreGroup } from './score-groups.ts';
import type { SubjectScore } from './subject-score.ts';

/**
 * Issue 12, "Team averages": per axis, the mean of the learners' percents for one group, over
 * the learners of one framework for whom that group is shown and rated the axis. A learner whose
 * group is hidden (anonymity) or who has no rating there adds nothing: the average is of the
 * figures a manager can see in the team table, never of figures kept back.
 */
export type TeamAxisAverage = {
  kind: AxisKind;
  id: string;
  /** Mean of the learners' unrounded percents; null when no learner has one. */
  percent: number | null;
  /** How many learners' percents the mean is over. */
  learners: number;
};

/**
 * One entry per axis of the framework, in the axes' order (the first score's: every score of
 * one framework has the same axes). Scores of other frameworks are ignored.
 */
export function teamAxisAverages(scores: readonly SubjectScore[], frameworkId: string, group: ScoreGroup): TeamAxisAverage[] {
  const mine = scores.filter((score) => score.frameworkId === frameworkId);
  const first = mine[0];
  if (first === undefined) return [];
  return first.axes.map((axis, a): TeamAxisAverage => {
    let sum = 0;
    let learners = 0;
    for (const score of mine) {
      // Same framework, same axes in the same order (score-subject.ts); the id check guards it.
      const same = score.axes[a];
      const figures = same !== undefined && same.id === axis.id && same.kind === axis.kind ? same.groups.find((g) => g.group === group) : undefined;
      if (figures === undefined || figures.percent === null) continue;
      sum += figures.percent;
      learners += 1;
    }
    return { kind: axis.kind, id: axis.id, percent: learners === 0 ? null : sum / learners, learners };
  });
}
