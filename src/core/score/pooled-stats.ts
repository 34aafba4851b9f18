import type { RatingTally } from './rating-tally.ts';

/** A group's ratings pooled over some statements, before any figure is derived from them. */
export type RatingPool = {
  ratings: number;
  sum: number;
  sumSquares: number;
  /** Statements with at least one rating from the group. */
  ratedStatements: number;
  statements: number;
};

/** Pools group g's ratings of the statements at `positions` (N/A and unanswered add nothing). */
export function poolRatings(tally: RatingTally, g: number, positions: Int32Array): RatingPool {
  const base = g * tally.statementCount;
  let ratings = 0;
  let sum = 0;
  let sumSquares = 0;
  let ratedStatements = 0;
  for (const p of positions) {
    const c = tally.count[base + p] ?? 0;
    if (c === 0) continue;
    ratings += c;
    sum += tally.sum[base + p] ?? 0;
    sumSquares += tally.sumSquares[base + p] ?? 0;
    ratedStatements += 1;
  }
  return { ratings, sum, sumSquares, ratedStatements, statements: positions.length };
}

/** DESIGN.md "Axis mean": the pooled arithmetic mean of every rating; null with none. */
export function poolMean(pool: RatingPool): number | null {
  return pool.ratings === 0 ? null : pool.sum / pool.ratings;
}

/** DESIGN.md: percent = (mean - 1) / 3 * 100, so 1 is 0 % and 4 is 100 %. */
export function percentOf(mean: number | null): number | null {
  return mean === null ? null : ((mean - 1) / 3) * 100;
}

/**
 * Sample standard deviation (n - 1), null under 2 ratings. Computed from integer sums as
 * (n * sumSq - sum^2) / (n * (n - 1)): exact integers until the one division, so it matches a
 * two-pass or exact-fraction computation to the last bit that rounding to 2 decimals can see.
 */
export function poolSd(pool: RatingPool): number | null {
  const n = pool.ratings;
  if (n < 2) return null;
  const variance = (n * pool.sumSquares - pool.sum * pool.sum) / (n * (n - 1));
  return Math.sqrt(Math.max(0, variance));
}

/** DESIGN.md "Coverage": statements rated by at least one response of the group / statements. */
export function poolCoverage(pool: RatingPool): number {
  return pool.statements === 0 ? 0 : pool.ratedStatements / pool.statements;
}

/** The bar a level (or a framework without levels) must meet: mean >= 3.0, coverage >= 0.5. */
export function meetsBar(pool: RatingPool): boolean {
  // Compared on the integer sums so that a mean of exactly 3.0 or a coverage of exactly one half
  // can never fall short by float noise.
  return pool.ratings > 0 && pool.sum >= 3 * pool.ratings && 2 * pool.ratedStatements >= pool.statements;
}
