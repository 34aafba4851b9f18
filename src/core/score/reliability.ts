import type { Framework } from '../model/framework.ts';
import type { SurveyResponse } from '../model/response.ts';
import type { AxisKind } from './axes.ts';
import { compareText } from './comments.ts';
import { type FrameworkIndex, indexFramework } from './framework-index.ts';
import { createRatingsRow, type RatingsRow, readRatingsRow } from './response-row.ts';

/**
 * Issue 12, "Reliability per axis": Cronbach's alpha of each axis of a framework (the whole
 * framework, each level, each domain or area), for whoever designs or chooses the framework.
 * Over every response given once duplicates are merged (all subjects and groups, earlier
 * self-assessments too), using only the responses that rated every statement of the axis.
 * Never a figure of one learner: no profile shows it.
 */
export type AxisReliability = {
  frameworkId: string;
  kind: AxisKind;
  id: string;
  /** k: the axis's statements. */
  statements: number;
  /** Responses that rated every one of them. */
  responses: number;
  /** null when k < 2, fewer than RELIABILITY_MIN_RESPONSES responses qualify, or their totals do not vary. */
  alpha: number | null;
};

/** Issue 12: alpha needs at least this many responses that rated the whole axis. */
export const RELIABILITY_MIN_RESPONSES = 10;

/**
 * Running sums for one framework's axes, fed one response at a time as a ratings row
 * (readRatingsRow's shape): per axis, the qualifying responses, the sum and sum of squares of
 * their totals, and the sum of the squares of all their ratings; per statement of each axis,
 * the sum of its ratings over the same responses. That is all the item variances need, since
 * Σ over items of (n·Σx² - (Σx)²) is n·(all squares) - Σ over items of (Σx)². Ratings are small
 * integers, so every sum is exact.
 */
export type ReliabilityTally = {
  index: FrameworkIndex;
  responses: Int32Array;
  totalSum: Float64Array;
  totalSquares: Float64Array;
  ratingSquares: Float64Array;
  /** Entry k for setPositions[k], k from setStart[a] to setStart[a + 1] (axis a). */
  itemSum: Int32Array;
};

export function createReliabilityTally(index: FrameworkIndex): ReliabilityTally {
  const axisCount = index.axes.length;
  const cells = index.setStart[axisCount] ?? 0;
  return {
    index,
    responses: new Int32Array(axisCount),
    totalSum: new Float64Array(axisCount),
    totalSquares: new Float64Array(axisCount),
    ratingSquares: new Float64Array(axisCount),
    // At most 4 per response: exact in 32 bits up to half a billion responses.
    itemSum: new Int32Array(cells),
  };
}

/**
 * Adds one response's ratings row to each axis it rated in full. This runs once per response of
 * a cohort (scoreCohortWithReliability calls it from the scoring pass), so whether an axis is
 * rated in full is asked of the row's bits a word at a time, and only the axes that are have
 * their ratings read.
 */
export function addRatingsRow(tally: ReliabilityTally, row: RatingsRow): void {
  const { setStart, setPositions, axisWordStart: wordStart, axisWordIndex: wordIndex, axisWordBits: wordBits } = tally.index;
  const { itemSum } = tally;
  const { codes, offset, rated } = row;
  const axisCount = tally.responses.length;
  for (let a = 0; a < axisCount; a += 1) {
    const start = setStart[a]!;
    const end = setStart[a + 1]!;
    // An axis of one statement never has an alpha: nothing to count.
    if (end - start < 2) continue;
    const last = wordStart[a + 1]!;
    let j = wordStart[a]!;
    for (; j < last; j += 1) {
      const bits = wordBits[j]!;
      if ((rated[wordIndex[j]!]! & bits) !== bits) break;
    }
    if (j < last) continue;
    let total = 0;
    let squares = 0;
    for (let k = start; k < end; k += 1) {
      const rating = codes[offset + setPositions[k]!]!;
      itemSum[k]! += rating;
      total += rating;
      squares += rating * rating;
    }
    tally.responses[a]! += 1;
    tally.totalSum[a]! += total;
    tally.totalSquares[a]! += total * total;
    tally.ratingSquares[a]! += squares;
  }
}

/** One AxisReliability per axis of the tally's framework, in axis order. */
export function reliabilityOf(tally: ReliabilityTally): AxisReliability[] {
  const { index } = tally;
  return index.axes.map((axis, a): AxisReliability => {
    const start = index.setStart[a] ?? 0;
    const end = index.setStart[a + 1] ?? 0;
    const n = tally.responses[a] ?? 0;
    // Σ over items of n·Σx² - (Σx)², each an item's spread (spreadOf).
    let itemSpread = n * (tally.ratingSquares[a] ?? 0);
    for (let k = start; k < end; k += 1) itemSpread -= (tally.itemSum[k] ?? 0) ** 2;
    const totalSpread = spreadOf(n, tally.totalSum[a] ?? 0, tally.totalSquares[a] ?? 0);
    return { frameworkId: index.framework.id, kind: axis.kind, id: axis.id, statements: end - start, responses: n, alpha: cronbachAlpha(end - start, n, itemSpread, totalSpread) };
  });
}

/** n·Σx² - (Σx)²: n(n - 1) times the sample variance, an exact integer for integer data. */
function spreadOf(n: number, sum: number, squares: number): number {
  return n * squares - sum * sum;
}

/**
 * alpha = k / (k - 1) × (1 - Σ item variances / variance of the totals), sample variances
 * (n - 1). Each variance is its spread over n(n - 1), so the ratio is one of spreads and alpha
 * is k(T - S) / ((k - 1)T): one division of integers, exact while they stay under 2^53 (about a
 * million responses of 84 statements), which keeps alpha <= 1 where float noise could push a
 * perfectly consistent axis to 1.0000000000000002. Past that, the cap does it.
 */
export function cronbachAlpha(statements: number, responses: number, itemSpread: number, totalSpread: number): number | null {
  if (statements < 2 || responses < RELIABILITY_MIN_RESPONSES || totalSpread <= 0) return null;
  return Math.min(1, (statements * (totalSpread - itemSpread)) / ((statements - 1) * totalSpread));
}

/**
 * Alpha per axis of every framework with a response, sorted by framework id, from responses
 * alone: the same sums as scoreCohortWithReliability, for callers that need no subject scores.
 * A response counts once per response_id (the first seen: importers refuse two different
 * responses under one id, so a repeated id is the same response imported twice). A response
 * whose framework is not given is a bug of the caller: it throws.
 */
export function scoreReliability(frameworks: ReadonlyMap<string, Framework>, responses: readonly SurveyResponse[]): AxisReliability[] {
  const tallies = new Map<string, { tally: ReliabilityTally; row: RatingsRow; seen: Set<string> }>();
  for (const response of responses) {
    let entry = tallies.get(response.frameworkId);
    if (entry === undefined) {
      const framework = frameworks.get(response.frameworkId);
      if (framework === undefined) {
        throw new Error(`scoreReliability: response "${response.responseId}" is for framework "${response.frameworkId}", which was not given.`);
      }
      const index = indexFramework(framework);
      entry = { tally: createReliabilityTally(index), row: createRatingsRow(index), seen: new Set() };
      tallies.set(response.frameworkId, entry);
    }
    if (entry.seen.has(response.responseId)) continue;
    entry.seen.add(response.responseId);
    addRatingsRow(entry.tally, readRatingsRow(entry.tally.index, response, entry.row));
  }
  return [...tallies.keys()].sort(compareText).flatMap((id) => reliabilityOf((tallies.get(id) as { tally: ReliabilityTally }).tally));
}
