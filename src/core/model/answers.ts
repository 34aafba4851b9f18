import type { Framework } from './framework.ts';
import type { Rating } from './rating-scale.ts';
import { statementPositions } from './statement-index.ts';

/** One code per statement (issue 13): 0 unanswered, 1-4 the rating, NOT_APPLICABLE_CODE for N/A. */
export const UNANSWERED_CODE = 0;
export const NOT_APPLICABLE_CODE = 5;

/** The statement ids an answer row is indexed by, and their positions: one per framework object. */
export type StatementOrder = { readonly ids: readonly string[]; readonly position: ReadonlyMap<string, number> };

const orders = new WeakMap<Framework, StatementOrder>();

/** The framework's statement order, the same object every time: scoring compares it by identity. */
export function statementOrder(framework: Framework): StatementOrder {
  let order = orders.get(framework);
  if (order === undefined) {
    order = { ids: framework.statements.map((statement) => statement.id), position: statementPositions(framework) };
    orders.set(framework, order);
  }
  return order;
}

/**
 * A response's answers as one byte per statement of its framework, instead of a Map entry per
 * answer: a million responses of 84 statements fit in some 100 MB, and scoring reads them as
 * array arithmetic. Reads look like a ReadonlyMap of statement id -> rating (null for N/A, absent
 * when unanswered), iterated in the framework's order. Never changed after it is made.
 *
 * The codes are `block[offset]` to `block[offset + order.ids.length - 1]`: rows of many responses
 * share one block, and a response holds no typed array of its own (a view costs some 100 bytes,
 * more than the 84 codes it shows).
 */
export class Answers implements Iterable<[string, Rating | null]> {
  constructor(
    readonly order: StatementOrder,
    readonly block: Int8Array,
    readonly offset: number,
  ) {}

  get(id: string): Rating | null | undefined {
    const position = this.order.position.get(id);
    return position === undefined ? undefined : ratingOfCode(this.block[this.offset + position] ?? UNANSWERED_CODE);
  }

  has(id: string): boolean {
    const position = this.order.position.get(id);
    return position !== undefined && (this.block[this.offset + position] ?? UNANSWERED_CODE) !== UNANSWERED_CODE;
  }

  /** How many statements have an answer, a rating or N/A. */
  get size(): number {
    const { block, offset } = this;
    const end = offset + this.order.ids.length;
    let size = 0;
    for (let i = offset; i < end; i += 1) if (block[i] !== UNANSWERED_CODE) size += 1;
    return size;
  }

  *entries(): IterableIterator<[string, Rating | null]> {
    const { block, offset, order } = this;
    for (let p = 0; p < order.ids.length; p += 1) {
      const rating = ratingOfCode(block[offset + p] ?? UNANSWERED_CODE);
      if (rating !== undefined) yield [order.ids[p] ?? '', rating];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): IterableIterator<Rating | null> {
    for (const [, rating] of this.entries()) yield rating;
  }

  [Symbol.iterator](): IterableIterator<[string, Rating | null]> {
    return this.entries();
  }
}

function ratingOfCode(code: number): Rating | null | undefined {
  if (code === UNANSWERED_CODE) return undefined;
  return code === NOT_APPLICABLE_CODE ? null : (code as Rating);
}

export function codeOfRating(rating: Rating | null): number {
  return rating === null ? NOT_APPLICABLE_CODE : rating;
}

/**
 * Answers by statement id, in the framework's order when `framework` has every id (what every
 * importer gives: it refuses other ids first); otherwise in the order given, so that nothing is
 * ever dropped. Later entries for one id replace earlier ones, as in a Map.
 */
export function answersFromEntries(entries: Iterable<readonly [string, Rating | null]>, framework?: Framework): Answers {
  const list = [...entries];
  const frameworkOrder = framework === undefined ? undefined : statementOrder(framework);
  const order = frameworkOrder !== undefined && list.every(([id]) => frameworkOrder.position.has(id)) ? frameworkOrder : orderOf(list.map(([id]) => id));
  const { block, offset } = allocateCodes(order.ids.length);
  for (const [id, rating] of list) block[offset + (order.position.get(id) ?? 0)] = codeOfRating(rating);
  return new Answers(order, block, offset);
}

function orderOf(ids: readonly string[]): StatementOrder {
  const position = new Map<string, number>();
  for (const id of ids) if (!position.has(id)) position.set(id, position.size);
  return { ids: [...position.keys()], position };
}

/** Same statements, same answers, whatever order each is kept in. */
export function sameAnswers(a: Answers, b: Answers): boolean {
  if (a.order === b.order) {
    for (let p = 0; p < a.order.ids.length; p += 1) if (a.block[a.offset + p] !== b.block[b.offset + p]) return false;
    return true;
  }
  if (a.size !== b.size) return false;
  for (const [id, rating] of a) if (b.get(id) !== rating) return false;
  return true;
}

/** A row of codes in a shared block: `block[offset]` to `block[offset + length - 1]`. */
export type CodeRow = { block: Int8Array; offset: number };

// Rows are cut from shared blocks: a typed array of its own costs a buffer, its bookkeeping and
// a finaliser each, several times the 84 bytes it holds.
const BLOCK_BYTES = 65_536;
let shared = new Int8Array(0);
let used = 0;

/** A zeroed row of `length` codes (all unanswered), for a new Answers. */
export function allocateCodes(length: number): CodeRow {
  if (length > BLOCK_BYTES / 4) return { block: new Int8Array(length), offset: 0 };
  if (used + length > shared.length) {
    shared = new Int8Array(BLOCK_BYTES);
    used = 0;
  }
  const row = { block: shared, offset: used };
  used += length;
  return row;
}
