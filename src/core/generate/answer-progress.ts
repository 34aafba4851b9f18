import { isRating } from '../model/rating-scale.ts';
import type { SurveyData } from './survey-data.ts';
import { RATER_GROUP_QUESTION } from './survey-identity.ts';
import type { SurveyJson } from './survey-json.ts';
import { NOT_APPLICABLE_VALUE } from './survey-pages.ts';

/** One survey page's statements and how many of them have an answer (a rating or N/A). */
export type PageProgress = { name: string; title: string; statements: readonly string[]; answered: number };

/** Answers, not pages: what the progress bar and the check before Complete count. */
export type AnswerProgress = { answered: number; total: number; pages: PageProgress[] };

/** The statement questions of each page of a generated survey; pages with none (the rater's "About you") are left out. */
export function statementsByPage(json: SurveyJson): { name: string; title: string; statements: string[] }[] {
  return json.pages
    .map((page) => ({
      name: page.name,
      title: page.title,
      statements: page.elements.filter((element) => element.type === 'radiogroup' && element.name !== RATER_GROUP_QUESTION).map((element) => element.name),
    }))
    .filter((page) => page.statements.length > 0);
}

/** "Not part of my role" and "Not observed" are answers: only a statement with no value at all is unanswered. */
export function isAnswered(data: SurveyData, statementId: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(data, statementId)) return false;
  const value = data[statementId];
  return isRating(value) || value === NOT_APPLICABLE_VALUE;
}

/** How many statements are answered, in all and page by page, for survey data as survey-core holds it. */
export function answerProgress(pages: readonly { name: string; title: string; statements: readonly string[] }[], data: SurveyData): AnswerProgress {
  const counted = pages.map((page) => ({ ...page, answered: page.statements.filter((id) => isAnswered(data, id)).length }));
  return {
    answered: counted.reduce((sum, page) => sum + page.answered, 0),
    total: counted.reduce((sum, page) => sum + page.statements.length, 0),
    pages: counted,
  };
}

/** The pages that still have unanswered statements, in survey order, with how many each. */
export function pagesWithUnanswered(progress: AnswerProgress): { name: string; title: string; unanswered: number; total: number }[] {
  return progress.pages
    .filter((page) => page.answered < page.statements.length)
    .map((page) => ({ name: page.name, title: page.title, unanswered: page.statements.length - page.answered, total: page.statements.length }));
}
