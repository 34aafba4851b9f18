import { sampleSd } from './pooled-stats.ts';
import type { RatingTally } from './rating-tally.ts';
import { OTHERS } from './score-groups.ts';

/**
 * DESIGN.md "Agreement": the sample standard deviation of the others' ratings of one statement,
 * shown beside it; null under 2 ratings.
 */
export function othersAgreement(tally: RatingTally, position: number): number | null {
  const k = OTHERS * tally.statementCount + position;
  return sampleSd(tally.count[k] ?? 0, tally.sum[k] ?? 0, tally.sumSquares[k] ?? 0);
}
