import type { RatingTally } from './rating-tally.ts';

/** Group g's mean rating of the statement at `position`; null when it has no rating. */
export function statementMean(tally: RatingTally, g: number, position: number): number | null {
  const k = g * tally.statementCount + position;
  const count = tally.count[k] ?? 0;
  return count === 0 ? null : (tally.sum[k] ?? 0) / count;
}

/** Only N/A answers from the group: the statement is not part of the role, or not observed. */
export function isOnlyNotApplicable(tally: RatingTally, g: number, position: number): boolean {
  const k = g * tally.statementCount + position;
  return (tally.count[k] ?? 0) === 0 && (tally.notApplicable[k] ?? 0) > 0;
}
