import type { Framework } from '../model/framework.ts';

export type SurveyKind = 'self' | '360';

/** DESIGN.md: survey ids are `<framework-id>.self` and `<framework-id>.360`. */
export function surveyIdOf(frameworkId: string, kind: SurveyKind): string {
  return `${frameworkId}.${kind}`;
}

/** Names that can never be a statement id (those are kebab, with no underscore). */
export const RATER_GROUP_QUESTION = 'rater_group';
export const COMMENT_PREFIX = 'comment_';
export const commentQuestionName = (pageName: string): string => `${COMMENT_PREFIX}${pageName}`;

/** The survey variable the app sets to the learner's display name (from the invitation link). */
export const LEARNER_VARIABLE = 'learner';

export function surveyVersionOf(framework: Framework): string {
  return framework.version;
}
