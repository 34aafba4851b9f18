import type { Framework } from '../model/framework.ts';

/** Names that can never be a statement id (those are kebab, with no underscore). */
export const RATER_GROUP_QUESTION = 'rater_group';
export const COMMENT_PREFIX = 'comment_';
export const commentQuestionName = (pageName: string): string => `${COMMENT_PREFIX}${pageName}`;

/** The survey variable the app sets to the learner's display name (from the invitation link). */
export const LEARNER_VARIABLE = 'learner';

export function surveyVersionOf(framework: Framework): string {
  return framework.version;
}
