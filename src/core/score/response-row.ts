import type { SurveyResponse } from '../model/response.ts';
import type { FrameworkIndex } from './framework-index.ts';

/**
 * One response's ratings by statement position: `ratings[p]` is 1-4, and bit p of `rated` says
 * position p holds a rating of this response (not N/A, not unanswered). The bits let a reader
 * ask "did it rate every statement of this axis?" a word at a time (ratedAll), and let the
 * scoring pass reuse the row without clearing `ratings`: a cell whose bit is off is never read.
 */
export type RatingsRow = { ratings: Int8Array; rated: Int32Array };

export function createRatingsRow(statementCount: number): RatingsRow {
  return { ratings: new Int8Array(statementCount), rated: new Int32Array(Math.ceil(statementCount / 32)) };
}

/**
 * One response's ratings into `row`, which is cleared first. Answers to statements the
 * framework does not have are skipped (importers refuse them).
 */
export function readRatingsRow(index: FrameworkIndex, response: SurveyResponse, row: RatingsRow): RatingsRow {
  const { ratings, rated } = row;
  ratings.fill(0);
  rated.fill(0);
  const ids = index.statementIds;
  // As in tallyRatings: answers usually follow the framework's order, so the next position is
  // tried before a map lookup, and keys and values are walked side by side.
  const values = response.answers.values();
  let guess = 0;
  for (const statementId of response.answers.keys()) {
    const rating = values.next().value ?? null;
    let p = guess;
    if (ids[p] !== statementId) {
      const found = index.position.get(statementId);
      if (found === undefined) continue;
      p = found;
    }
    guess = p + 1;
    if (rating === null) continue;
    ratings[p] = rating;
    rated[p >> 5]! |= 1 << (p & 31);
  }
  return row;
}

/** The rating at position p, or null where the response gave none. */
export function ratingAt(row: RatingsRow, p: number): number | null {
  return ((row.rated[p >> 5] ?? 0) >>> (p & 31)) & 1 ? (row.ratings[p] ?? null) : null;
}

/** The bits of a set of positions, in the shape of RatingsRow.rated. */
export function positionBits(statementCount: number, positions: Int32Array): Int32Array {
  const bits = new Int32Array(Math.ceil(statementCount / 32));
  for (const p of positions) bits[p >> 5]! |= 1 << (p & 31);
  return bits;
}
