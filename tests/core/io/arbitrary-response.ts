import fc from 'fast-check';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import { RATER_GROUPS, type SurveyResponse } from '../../../src/core/model/response.ts';
import { FRAMEWORKS } from './fixtures.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';

/** Text a user could type, with the formula-like starts a spreadsheet would run mixed in. */
export const typedText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", "'=", "''+", ' ', '"', ','), fc.string({ maxLength: 12 })).map(([start, rest]) => start + rest),
  fc.constantFrom("=cmd|' /C calc'!A0", '+1', '-2', '@x', '=1+1', "'quoted", '__proto__', 'constructor', 'NA', '3', ' padded ', 'a\r\nb', '\uFEFFbom'),
);

/** An id: any typed text that is not blank. */
export const typedId = typedText.filter((text) => text.trim() !== '');

const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/**
 * Any valid response to one of the fixture frameworks. `atLeastOne` because a long CSV has no
 * row for a response with no answer; `comments` because the CSVs have no comment column.
 */
export function arbitraryResponse(options: { comments?: boolean; atLeastOne?: boolean } = {}): fc.Arbitrary<SurveyResponse> {
  return fc
    .record({
      framework: fc.constantFrom(...FRAMEWORKS),
      responseId: typedId,
      subjectId: typedId,
      raterGroup: fc.constantFrom(...RATER_GROUPS),
      submittedAt: instant,
      ratings: fc.array(fc.constantFrom<Rating | null | undefined>(1, 2, 3, 4, null, undefined), { minLength: 8, maxLength: 8 }),
      comments: options.comments === true ? fc.array(fc.tuple(typedText, typedText), { maxLength: 3 }) : fc.constant([]),
    })
    .map(({ framework, ratings, comments, ...head }) => {
      const answers = new Map<string, Rating | null>();
      framework.statements.forEach((statement, index) => {
        const rating = ratings[index % ratings.length];
        if (rating !== undefined) answers.set(statement.id, rating);
      });
      if (options.atLeastOne === true && answers.size === 0) answers.set(framework.statements[0]?.id ?? '', 3);
      return {
        ...head,
        frameworkId: framework.id,
        surveyId: `${framework.id}.${head.raterGroup === 'self' ? 'self' : '360'}`,
        answers: answersFromEntries(answers, framework),
        comments: new Map(comments),
      };
    });
}

/** Several responses with distinct ids, as one export holds them. */
export function arbitraryResponses(options: { atLeastOne?: boolean } = {}): fc.Arbitrary<SurveyResponse[]> {
  return fc.uniqueArray(arbitraryResponse(options), { minLength: 1, maxLength: 6, selector: (response) => response.responseId });
}
