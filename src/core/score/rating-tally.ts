import type { SurveyResponse } from '../model/response.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { GROUP_COUNT, groupIndex, OTHERS, SELF } from './score-groups.ts';

/**
 * Per group (SCORE_GROUPS order) and statement: ratings, their sum and sum of squares, and N/A
 * answers; per group and axis: responses with at least one rating on it. Every figure of
 * DESIGN.md "Scoring" is a sum of these, so responses are read once. Entry [g * n + p] is group g,
 * statement (or axis) p. Ratings are small integers, so the sums are exact.
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
};

/**
 * Adds up the counted responses of one subject. A rater response counts in its own group and in
 * `others`. Answers to statements the framework does not have are ignored here: importers refuse
 * them before scoring.
 */
export function tallyRatings(index: FrameworkIndex, responses: readonly SurveyResponse[]): RatingTally {
  const n = index.statementCount;
  const axisCount = index.axes.length;
  const tally: RatingTally = {
    statementCount: n,
    axisCount,
    responses: new Int32Array(GROUP_COUNT),
    count: new Int32Array(GROUP_COUNT * n),
    sum: new Float64Array(GROUP_COUNT * n),
    sumSquares: new Float64Array(GROUP_COUNT * n),
    notApplicable: new Int32Array(GROUP_COUNT * n),
    axisRaters: new Int32Array(GROUP_COUNT * axisCount),
  };
  const { count, sum, sumSquares, notApplicable, axisRaters } = tally;
  const { position, axisStart, axisList } = index;
  // lastRater[a] is the serial of the last response seen rating axis a: one rater per response.
  const lastRater = new Int32Array(axisCount).fill(-1);

  for (let serial = 0; serial < responses.length; serial += 1) {
    const response = responses[serial] as SurveyResponse;
    const g = groupIndex(response.raterGroup);
    const isRater = g !== SELF;
    tally.responses[g] = (tally.responses[g] ?? 0) + 1;
    if (isRater) tally.responses[OTHERS] = (tally.responses[OTHERS] ?? 0) + 1;
    const base = g * n;
    const axisBase = g * axisCount;
    const othersAxisBase = OTHERS * axisCount;

    for (const [statementId, rating] of response.answers) {
      const p = position.get(statementId);
      if (p === undefined) continue;
      if (rating === null) {
        notApplicable[base + p]! += 1;
        if (isRater) notApplicable[OTHERS * n + p]! += 1;
        continue;
      }
      const square = rating * rating;
      count[base + p]! += 1;
      sum[base + p]! += rating;
      sumSquares[base + p]! += square;
      if (isRater) {
        const o = OTHERS * n + p;
        count[o]! += 1;
        sum[o]! += rating;
        sumSquares[o]! += square;
      }
      const end = axisStart[p + 1]!;
      for (let k = axisStart[p]!; k < end; k += 1) {
        const a = axisList[k]!;
        if (lastRater[a] === serial) continue;
        lastRater[a] = serial;
        axisRaters[axisBase + a]! += 1;
        if (isRater) axisRaters[othersAxisBase + a]! += 1;
      }
    }
  }
  return tally;
}
