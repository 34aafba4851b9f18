import { expect } from 'vitest';
import { Answers, sameAnswers } from '../../src/core/model/answers.ts';

/**
 * Tests compare responses by value, as before answers were kept by column (issue 13): two
 * Answers are equal when they hold the same ratings for the same statements, whichever
 * statement order each is kept in; an Answers equals a Map of the same statement id -> rating.
 */
expect.addEqualityTesters([
  function answersByValue(a: unknown, b: unknown): boolean | undefined {
    if (a instanceof Answers && b instanceof Answers) return sameAnswers(a, b);
    if (a instanceof Answers && b instanceof Map) return sameAsMap(a, b);
    if (b instanceof Answers && a instanceof Map) return sameAsMap(b, a);
    return undefined;
  },
]);

function sameAsMap(answers: Answers, map: ReadonlyMap<unknown, unknown>): boolean {
  if (answers.size !== map.size) return false;
  for (const [id, rating] of answers) if (!map.has(id) || map.get(id) !== rating) return false;
  return true;
}
