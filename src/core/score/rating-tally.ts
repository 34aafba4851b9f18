import { NOT_APPLICABLE_CODE } from '../model/answers.ts';
import type { SurveyResponse } from '../model/response.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { answersInOrder, createRatingsRow, type RatingsRow } from './response-row.ts';
import { GROUP_COUNT, OTHERS, SCORE_GROUPS, SELF } from './score-groups.ts';

/**
 * Per group (SCORE_GROUPS order) and statement: ratings, their sum and sum of squares, and N/A
 * answers; per group and axis: responses with at least one rating on it. Every figure of
 * DESIGN.md "Scoring" is a sum of these, so responses are read once. Entry [g * n + p] is group g,
 * statement (or axis) p. Ratings are small integers, so the sums are exact.
 *
 * The statement sums of self and `others` are always there; those of a rater group only once
 * deriveGroupSums has been asked for it: scoring reads a rater group's ratings through the
 * cells (pooling) and `others` only, unless it is the plan group.
 */
export type RatingTally = {
  statementCount: number;
  axisCount: number;
  responses: Int32Array;
  count: Int32Array;
  sum: Float64Array;
  sumSquares: Float64Array;
  notApplicable: Int32Array;
  axisRaters: Int32Array;
  /**
   * histogram[(g * n + p) * 8 + code]: how many responses of group g gave statement p each answer
   * code (model/answers.ts: 1-4 a rating, 5 N/A, 0 unanswered, which nothing reads); rater groups only.
   */
  histogram: Int32Array;
  /**
   * The same sums per group and cell of the index (FrameworkIndex.cellOf), entry [g * cells + k],
   * and `cellRated`, the cell's statements with at least one rating from the group: every pool
   * set is a union of cells, so pooling (pooled-stats.ts) adds a few cells per set.
   */
  cellCount: number;
  cellRatings: Int32Array;
  cellSum: Float64Array;
  cellSquares: Float64Array;
  cellRated: Int32Array;
  /** Statement p's cell, as FrameworkIndex.cellOf. */
  cellOf: Int32Array;
  /** The response being read, as readRatingsRow gives it, for `onRow`. */
  row: RatingsRow;
};

/**
 * Arrays for one framework, to be refilled subject after subject: scoring a cohort then
 * allocates only what it returns (allocation and garbage collection, not arithmetic, are what
 * limit throughput).
 */
export function createTally(index: FrameworkIndex): RatingTally {
  const n = index.statementCount;
  const axisCount = index.axes.length;
  return {
    statementCount: n,
    axisCount,
    responses: new Int32Array(GROUP_COUNT),
    count: new Int32Array(GROUP_COUNT * n),
    sum: new Float64Array(GROUP_COUNT * n),
    sumSquares: new Float64Array(GROUP_COUNT * n),
    notApplicable: new Int32Array(GROUP_COUNT * n),
    axisRaters: new Int32Array(GROUP_COUNT * axisCount),
    histogram: new Int32Array(RATER_GROUPS * n * CELL),
    cellCount: index.cellCount,
    cellRatings: new Int32Array(GROUP_COUNT * index.cellCount),
    cellSum: new Float64Array(GROUP_COUNT * index.cellCount),
    cellSquares: new Float64Array(GROUP_COUNT * index.cellCount),
    cellRated: new Int32Array(GROUP_COUNT * index.cellCount),
    cellOf: index.cellOf,
    row: createRatingsRow(index),
  };
}

const RATER_GROUPS = GROUP_COUNT - 1;
/** Histogram slots per statement: every answer code has one, so counting needs no branch. */
const CELL = 8;
const NOT_APPLICABLE = NOT_APPLICABLE_CODE;
const GROUP_INDEX: ReadonlyMap<string, number> = new Map(SCORE_GROUPS.map((group, g) => [group, g]));
/**
 * Bit c is set for the answer codes c of a rating (1-4): `(RATING_CODE_BITS >> code) & 1` says
 * whether a code is a rating with no branch and no memory read (a table of 8 entries cost
 * scoreCohort about 4 % more).
 */
const RATING_CODE_BITS = 0b11110;

/**
 * Adds up the counted responses of one subject. Answers to statements the framework does not
 * have are ignored here: importers refuse them before scoring.
 *
 * The loop over ratings is the hot path of a cohort (DESIGN.md's benchmark): each statement is
 * one read of the response's answer codes (kept by statement position, model/answers.ts), each
 * rating one increment of a histogram cell (group, statement, value) and one bit set in the
 * response's row; raters per axis are then counted from those bits, a few words per axis. Sums,
 * squares, `others` (every group but self) and the cells' sums are derived from the histograms
 * afterwards, once per statement rather than once per rating.
 *
 * `onRow`, when given, receives each response's ratings row after it is read: figures over
 * single responses (Cronbach's alpha) are then taken in this same pass: the row points at the
 * response's own codes, so a pass without `onRow` pays nothing for it.
 */
export function tallyRatings(
  index: FrameworkIndex,
  responses: readonly SurveyResponse[],
  into: RatingTally = createTally(index),
  onRow: ((row: RatingsRow) => void) | null = null,
): RatingTally {
  const { axisWordStart, axisWordIndex, axisWordBits, words } = index;
  const tally = into;
  const { statementCount: n, axisCount, histogram, axisRaters } = tally;
  const { row } = tally;
  const rowRated = row.rated;
  const responsesPerGroup = tally.responses;
  histogram.fill(0);
  axisRaters.fill(0);
  responsesPerGroup.fill(0);
  const groupOf = GROUP_INDEX;
  const scratch = tally.row.scratch;

  for (let serial = 0; serial < responses.length; serial += 1) {
    const response = responses[serial] as SurveyResponse;
    const g = groupOf.get(response.raterGroup) ?? 0;
    responsesPerGroup[g]! += 1;
    const base = g * n * CELL;
    const axisBase = g * axisCount;
    const { block: codes, offset } = answersInOrder(index, response.answers, scratch);
    // Every code counts in its own slot, unanswered included, and sets its statement's bit when
    // it is a rating (1-4): no branch per statement, and the bits are built a word at a time.
    for (let w = 0, p = 0; w < words; w += 1) {
      const end = Math.min(n, p + 32);
      let word = 0;
      for (let bit = 0; p < end; p += 1, bit += 1) {
        const code = codes[offset + p]!;
        // 8 is CELL, written as a number so that the compiler folds it into the index: read from
        // the module's constant, the tally of a 100,000-response cohort took 56 ms, not 54.
        histogram[base + p * 8 + code]! += 1;
        word |= ((RATING_CODE_BITS >> code) & 1) << bit;
      }
      rowRated[w] = word;
    }
    // A response rates an axis when it rates any of its statements: the axis's words ANDed.
    for (let a = 0, j = 0; a < axisCount; a += 1) {
      let any = 0;
      for (const last = axisWordStart[a + 1]!; j < last; j += 1) any |= rowRated[axisWordIndex[j]!]! & axisWordBits[j]!;
      if (any !== 0) axisRaters[axisBase + a]! += 1;
    }
    if (onRow !== null) {
      row.codes = codes;
      row.offset = offset;
      onRow(row);
    }
  }
  deriveSums(tally);
  return tally;
}

function deriveSums(tally: RatingTally): void {
  const { statementCount: n, axisCount, histogram, axisRaters, responses, count, sum, sumSquares, notApplicable } = tally;
  const { cellCount, cellRatings, cellSum, cellSquares, cellRated, cellOf } = tally;
  const othersBase = OTHERS * n;
  count.fill(0, othersBase);
  sum.fill(0, othersBase);
  sumSquares.fill(0, othersBase);
  notApplicable.fill(0, othersBase);
  cellRatings.fill(0);
  cellSum.fill(0);
  cellSquares.fill(0);
  cellRated.fill(0);
  for (let g = 0; g < RATER_GROUPS; g += 1) {
    if (responses[g] === 0) {
      // Nothing to derive: the group's statements are all zero, its cells already are.
      if (g === 0) {
        count.fill(0, 0, n);
        sum.fill(0, 0, n);
        sumSquares.fill(0, 0, n);
        notApplicable.fill(0, 0, n);
      }
      continue;
    }
    const cellBase = g * cellCount;
    for (let p = 0; p < n; p += 1) {
      const i = g * n + p;
      const cell = i * CELL;
      const c = ratingsIn(histogram, cell);
      const s = sumIn(histogram, cell);
      const q = squaresIn(histogram, cell);
      if (g === 0) {
        count[i] = c;
        sum[i] = s;
        sumSquares[i] = q;
        notApplicable[i] = histogram[cell + NOT_APPLICABLE]!;
      }
      if (c !== 0) {
        const k = cellBase + cellOf[p]!;
        cellRatings[k]! += c;
        cellSum[k]! += s;
        cellSquares[k]! += q;
        cellRated[k]! += 1;
      }
      if (g === 0) continue;
      count[othersBase + p]! += c;
      sum[othersBase + p]! += s;
      sumSquares[othersBase + p]! += q;
      notApplicable[othersBase + p]! += histogram[cell + NOT_APPLICABLE]!;
    }
  }
  // `others` rated a statement if any rater group did: its cells once its sums are complete.
  const othersCells = OTHERS * cellCount;
  for (let p = 0; p < n; p += 1) {
    const c = count[othersBase + p]!;
    if (c === 0) continue;
    const k = othersCells + cellOf[p]!;
    cellRatings[k]! += c;
    cellSum[k]! += sum[othersBase + p]!;
    cellSquares[k]! += sumSquares[othersBase + p]!;
    cellRated[k]! += 1;
  }
  // Each response is in one group, so `others` raters are the sum of the rater groups' raters.
  const othersAxisBase = OTHERS * axisCount;
  for (let g = 1; g < RATER_GROUPS; g += 1) {
    for (let a = 0; a < axisCount; a += 1) axisRaters[othersAxisBase + a]! += axisRaters[g * axisCount + a]!;
    responses[OTHERS]! += responses[g]!;
  }
}

/** Fills rater group g's statement sums (see RatingTally) from its histogram; self's and others' are always there. */
export function deriveGroupSums(tally: RatingTally, g: number): void {
  if (g === SELF || g === OTHERS) return;
  const { statementCount: n, histogram, count, sum, sumSquares, notApplicable } = tally;
  for (let p = 0; p < n; p += 1) {
    const i = g * n + p;
    const cell = i * CELL;
    count[i] = ratingsIn(histogram, cell);
    sum[i] = sumIn(histogram, cell);
    sumSquares[i] = squaresIn(histogram, cell);
    notApplicable[i] = histogram[cell + NOT_APPLICABLE]!;
  }
}

/** The ratings counted in a statement's histogram slots from `cell` (codes 1-4), their sum and sum of squares. */
function ratingsIn(histogram: Int32Array, cell: number): number {
  return histogram[cell + 1]! + histogram[cell + 2]! + histogram[cell + 3]! + histogram[cell + 4]!;
}

function sumIn(histogram: Int32Array, cell: number): number {
  return histogram[cell + 1]! + 2 * histogram[cell + 2]! + 3 * histogram[cell + 3]! + 4 * histogram[cell + 4]!;
}

function squaresIn(histogram: Int32Array, cell: number): number {
  return histogram[cell + 1]! + 4 * histogram[cell + 2]! + 9 * histogram[cell + 3]! + 16 * histogram[cell + 4]!;
}
