import { answersFromEntries } from '../model/answers.ts';
import type { Framework } from '../model/framework.ts';
import { isRating, type Rating } from '../model/rating-scale.ts';
import { isRaterGroup, type SurveyResponse } from '../model/response.ts';
import { COMMENT_PREFIX, commentQuestionName, RATER_GROUP_QUESTION } from './survey-identity.ts';
import { NOT_APPLICABLE_VALUE } from './survey-pages.ts';

/** What survey-core holds for a generated survey: question name -> value (`model.data`). */
export type SurveyData = Readonly<Record<string, unknown>>;

/** Everything of a response but what the survey's data gives. */
export type ResponseMeta = Omit<SurveyResponse, 'answers' | 'comments'>;

/**
 * Turns a finished survey's data into a response: ratings by statement id (N/A as null, an
 * unanswered statement absent), comments by page. Anything else in the data is ignored.
 * A rater's own answer to "How do you work with…?" wins over the group the link suggested.
 */
export function responseFromSurveyData(framework: Framework, data: SurveyData, meta: ResponseMeta): SurveyResponse {
  const answers: [string, Rating | null][] = [];
  for (const statement of framework.statements) {
    if (!Object.prototype.hasOwnProperty.call(data, statement.id)) continue;
    const value = data[statement.id];
    if (value === NOT_APPLICABLE_VALUE) answers.push([statement.id, null]);
    else if (isRating(value)) answers.push([statement.id, value]);
  }
  const comments = new Map<string, string>();
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (key.startsWith(COMMENT_PREFIX) && typeof value === 'string' && value.trim() !== '') comments.set(key.slice(COMMENT_PREFIX.length), value);
  }
  const chosen = data[RATER_GROUP_QUESTION];
  const raterGroup = meta.raterGroup !== 'self' && isRaterGroup(chosen) && chosen !== 'self' ? chosen : meta.raterGroup;
  return { ...meta, raterGroup, answers: answersFromEntries(answers, framework), comments };
}

/** The inverse, to show a stored response in a survey again (for review or retaking). */
export function surveyDataFromResponse(response: SurveyResponse): Record<string, unknown> {
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [id, rating] of response.answers) data[id] = rating ?? NOT_APPLICABLE_VALUE;
  for (const [page, text] of response.comments) data[commentQuestionName(page)] = text;
  if (response.raterGroup !== 'self') data[RATER_GROUP_QUESTION] = response.raterGroup;
  return data;
}

/** How many statements a saved survey's data answers (a rating or N/A), for "12 of 84 answered". */
export function countAnswered(data: SurveyData): number {
  let answered = 0;
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (key !== RATER_GROUP_QUESTION && !key.startsWith(COMMENT_PREFIX) && (isRating(value) || value === NOT_APPLICABLE_VALUE)) answered += 1;
  }
  return answered;
}
