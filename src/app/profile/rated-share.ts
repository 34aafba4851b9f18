import { NOT_APPLICABLE_LABEL } from '../../core/model/rating-scale.ts';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import type { StatementScore } from '../../core/score/subject-score.ts';
import { ATTAINMENT_COVERAGE } from '../../core/score/thresholds.ts';

/** `sentence` does not name the group: a profile with one group needs no name, one with several does. */
export type ThinBasis = { group: 'self' | 'others'; rated: number; total: number; sentence: string };

/**
 * Issue 14: a profile resting on fewer than half the framework's statements says so beside the
 * attained level. "Rated" is core's per-statement figure: a statement with a self rating (N/A and
 * unanswered have none), or with at least one rating from all others. Half is the coverage bar
 * of the attained level (thresholds.ts), so the warning and the rule never disagree. Only self
 * and all others: the profile holds per-statement figures for those two groups alone.
 */
export function thinBases(statements: readonly StatementScore[], shown: readonly ScoreGroup[]): ThinBasis[] {
  const total = statements.length;
  const bases: ThinBasis[] = [];
  for (const group of ['self', 'others'] as const) {
    if (!shown.includes(group) || total === 0) continue;
    const rated = statements.filter((statement) => statement[group] !== null).length;
    if (rated >= ATTAINMENT_COVERAGE * total) continue;
    const rest = total - rated;
    const restText = `${rest === 1 ? 'the other one is' : `the other ${rest} are`}`;
    bases.push({
      group,
      rated,
      total,
      sentence: group === 'self'
        ? `Based on ${rated} of ${total} statements: ${restText} unanswered or marked "${NOT_APPLICABLE_LABEL.self}". Answer more of them for a level that says more.`
        : `Based on ${rated} of ${total} statements: ${restText} unanswered or "${NOT_APPLICABLE_LABEL.rater}" by every rater.`,
    });
  }
  return bases;
}
