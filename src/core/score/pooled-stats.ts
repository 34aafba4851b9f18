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
  /** Statements in each set (independent of the group). */
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
    size: new Int32Array(setCount),
  };
}

/**
 * Pools the tally of the given groups over every set (statement sums are exact integers).
 * Entries of other groups are left as they were: read only the groups pooled.
 */
export function poolRatings(
  index: FrameworkIndex,
  tally: RatingTally,
  groups: readonly number[],
  into: RatingPools = createPools(index),
): RatingPools {
  const { setCount, setStart, setPositions } = index;
  const n = tally.statementCount;
  const pools = into;
  const { count, sum, sumSquares } = tally;
  for (let s = 0; s < setCount; s += 1) pools.size[s] = setStart[s + 1]! - setStart[s]!;
  for (const g of groups) {
    const base = g * n;
    for (let s = 0; s < setCount; s += 1) {
      let ratings = 0;
      let total = 0;
      let squares = 0;
      let rated = 0;
      const end = setStart[s + 1]!;
      for (let k = setStart[s]!; k < end; k += 1) {
        const i = base + setPositions[k]!;
        const c = count[i]!;
        if (c === 0) continue;
        ratings += c;
        total += sum[i]!;
        squares += sumSquares[i]!;
        rated += 1;
      }
      const j = g * setCount + s;
      pools.ratings[j] = ratings;
      pools.sum[j] = total;
      pools.sumSquares[j] = squares;
      pools.rated[j] = rated;
    }
  }
  return pools;
}

/** DESIGN.md "Axis mean": the pooled arithmetic mean of every rating; null with none. */
export function poolMean(pools: RatingPools, g: number, s: number): number | null {
  const j = g * pools.setCount + s;
  const ratings = pools.ratings[j] ?? 0;
  return ratings === 0 ? null : (pools.sum[j] ?? 0) / ratings;
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

export function poolSd(pools: RatingPools, g: number, s: number): number | null {
  const j = g * pools.setCount + s;
  return sampleSd(pools.ratings[j] ?? 0, pools.sum[j] ?? 0, pools.sumSquares[j] ?? 0);
}

/** DESIGN.md "Coverage": statements rated by at least one response of the group / statements. */
export function poolCoverage(pools: RatingPools, g: number, s: number): number {
  const size = pools.size[s] ?? 0;
  return size === 0 ? 0 : (pools.rated[g * pools.setCount + s] ?? 0) / size;
}

/** The bar a level (or a framework without levels) must meet: mean and coverage at least the thresholds. */
export function meetsBar(pools: RatingPools, g: number, s: number): boolean {
  const j = g * pools.setCount + s;
  const ratings = pools.ratings[j] ?? 0;
  // On the integer sums (the thresholds are exact in binary), so that a mean of exactly 3.0 or a
  // coverage of exactly one half can never fall short by float noise.
  return ratings > 0 && (pools.sum[j] ?? 0) >= ATTAINMENT_MEAN * ratings && (pools.rated[j] ?? 0) >= ATTAINMENT_COVERAGE * (pools.size[s] ?? 0);
}
