import type { FrameworkIndex } from './framework-index.ts';
import type { RatingTally } from './rating-tally.ts';
import { GROUP_COUNT } from './score-groups.ts';
import { ATTAINMENT_COVERAGE, ATTAINMENT_MEAN } from './thresholds.ts';

/**
 * Each group's ratings pooled over each pool set of the framework index (axes, and axes at each
 * level), before any figure is derived. Entry [g * setCount + s]. N/A and unanswered add nothing.
 */
export type RatingPools = {
  setCount: number;
  ratings: Int32Array;
  sum: Float64Array;
  sumSquares: Float64Array;
  /** Statements of the set with at least one rating from the group. */
  rated: Int32Array;
  /** Statements in each set (independent of the group): the index's setSize. */
  size: Int32Array;
};

/** Arrays for one framework, refilled subject after subject (see createTally). */
export function createPools(index: FrameworkIndex): RatingPools {
  const { setCount } = index;
  return {
    setCount,
    ratings: new Int32Array(GROUP_COUNT * setCount),
    sum: new Float64Array(GROUP_COUNT * setCount),
    sumSquares: new Float64Array(GROUP_COUNT * setCount),
    rated: new Int32Array(GROUP_COUNT * setCount),
    size: index.setSize,
  };
}

/**
 * Pools the tally of the given groups over every axis (pool sets 0 to axes - 1). The other
 * sets, an axis's statements at one level, are pooled by poolSet when attainment asks: it stops
 * at the first level a group falls short of, so most are never needed. Entries of other groups
 * and sets are left as they were: read only what was pooled.
 */
export function poolRatings(
  index: FrameworkIndex,
  tally: RatingTally,
  groups: readonly number[],
  into: RatingPools = createPools(index),
): RatingPools {
  const pools = into;
  for (const g of groups) {
    for (let s = 0; s < index.axes.length; s += 1) poolSet(index, tally, pools, g, s);
  }
  return pools;
}

/** Pools group g's ratings over pool set s, from the tally's cells (exact integer sums). */
export function poolSet(index: FrameworkIndex, tally: RatingTally, pools: RatingPools, g: number, s: number): void {
  const { setCellStart, setCells } = index;
  const { cellCount, cellRatings, cellSum, cellSquares, cellRated } = tally;
  const cellBase = g * cellCount;
  let ratings = 0;
  let total = 0;
  let squares = 0;
  let rated = 0;
  const end = setCellStart[s + 1]!;
  for (let j = setCellStart[s]!; j < end; j += 1) {
    const k = cellBase + setCells[j]!;
    ratings += cellRatings[k]!;
    total += cellSum[k]!;
    squares += cellSquares[k]!;
    rated += cellRated[k]!;
  }
  const j = g * pools.setCount + s;
  pools.ratings[j] = ratings;
  pools.sum[j] = total;
  pools.sumSquares[j] = squares;
  pools.rated[j] = rated;
}

/** DESIGN.md "Axis mean": the pooled arithmetic mean of `ratings` ratings adding up to `sum`; null with none. */
export function meanOf(ratings: number, sum: number): number | null {
  return ratings === 0 ? null : sum / ratings;
}

/** DESIGN.md: percent = (mean - 1) / 3 * 100, so 1 is 0 % and 4 is 100 %. */
export function percentOf(mean: number | null): number | null {
  return mean === null ? null : ((mean - 1) / 3) * 100;
}

/**
 * Sample standard deviation (n - 1) of n ratings, null under 2. From integer sums as
 * (n * sumSq - sum^2) / (n * (n - 1)): exact integers until the one division, so it matches a
 * two-pass or exact-fraction computation as far as rounding to 2 decimals can see.
 */
export function sampleSd(n: number, sum: number, sumSquares: number): number | null {
  if (n < 2) return null;
  const variance = (n * sumSquares - sum * sum) / (n * (n - 1));
  return Math.sqrt(Math.max(0, variance));
}

/**
 * DESIGN.md "Coverage": statements rated by at least one response of the group (`rated`) over
 * the statements (`size`); 0 for an empty set.
 */
export function coverageOf(rated: number, size: number): number {
  return size === 0 ? 0 : rated / size;
}

/** The bar a level (or a framework without levels) must meet: mean and coverage at least the thresholds. */
export function meetsBar(pools: RatingPools, g: number, s: number): boolean {
  const j = g * pools.setCount + s;
  const ratings = pools.ratings[j] ?? 0;
  // On the integer sums (the thresholds are exact in binary), so that a mean of exactly 3.0 or a
  // coverage of exactly one half can never fall short by float noise.
  return ratings > 0 && (pools.sum[j] ?? 0) >= ATTAINMENT_MEAN * ratings && (pools.rated[j] ?? 0) >= ATTAINMENT_COVERAGE * (pools.size[s] ?? 0);
}
