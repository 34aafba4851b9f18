import { Answers, codeOfRating, NOT_APPLICABLE_CODE, UNANSWERED_CODE } from '../model/answers.ts';
import type { SurveyResponse } from '../model/response.ts';
import type { FrameworkIndex } from './framework-index.ts';

/**
 * One response's ratings by statement position: bit p of `rated` says position p holds a rating
 * of this response (not N/A, not unanswered), and the rating is then `codes[offset + p]`, its
 * answer code (model/answers.ts: a rating's code is the rating). The bits let a reader ask "did
 * it rate every statement of this axis?" a word at a time; the codes are the response's own,
 * not a copy: copying them cost the scoring pass a tenth of its time.
 */
export type RatingsRow = { codes: Int8Array; offset: number; rated: Int32Array; /** For answersInOrder. */ scratch: Answers };

export function createRatingsRow(index: FrameworkIndex): RatingsRow {
  const n = index.statementCount;
  return { codes: new Int8Array(n), offset: 0, rated: new Int32Array(Math.ceil(n / 32)), scratch: new Answers(index.order, new Int8Array(n), 0) };
}

/**
 * A response's answer codes by the framework's statement positions (model/answers.ts): its own
 * row when it is kept in the framework's order, as every importer keeps it; otherwise copied
 * into `scratch` by id. Answers to statements the framework does not have are skipped
 * (importers refuse them).
 */
export function answersInOrder(index: FrameworkIndex, answers: Answers, scratch: Answers): Answers {
  if (answers.order === index.order) return answers;
  // The one Answers that is ever changed: the row's own, private to scoring.
  const { block } = scratch;
  block.fill(UNANSWERED_CODE);
  for (const [id, rating] of answers) {
    const p = index.position.get(id);
    if (p !== undefined) block[p] = codeOfRating(rating);
  }
  return scratch;
}

/** One response's ratings into `row`: a clear bit where it gave no rating. */
export function readRatingsRow(index: FrameworkIndex, response: SurveyResponse, row: RatingsRow): RatingsRow {
  const { rated } = row;
  rated.fill(0);
  const { block, offset } = answersInOrder(index, response.answers, row.scratch);
  row.codes = block;
  row.offset = offset;
  for (let p = 0; p < index.statementCount; p += 1) {
    const code = block[offset + p]!;
    if (code !== UNANSWERED_CODE && code !== NOT_APPLICABLE_CODE) rated[p >> 5]! |= 1 << (p & 31);
  }
  return row;
}

/** The rating at position p, or null where the response gave none. */
export function ratingAt(row: RatingsRow, p: number): number | null {
  return ((row.rated[p >> 5] ?? 0) >>> (p & 31)) & 1 ? (row.codes[row.offset + p] ?? null) : null;
}

/** The bits of a set of positions, in the shape of RatingsRow.rated. */
export function positionBits(statementCount: number, positions: Int32Array): Int32Array {
  const bits = new Int32Array(Math.ceil(statementCount / 32));
  for (const p of positions) bits[p >> 5]! |= 1 << (p & 31);
  return bits;
}
