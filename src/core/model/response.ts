import type { Answers } from './answers.ts';

/** DESIGN.md's rater groups; `others` is every group but self. */
export const RATER_GROUPS = ['self', 'manager', 'peer', 'direct-report', 'other'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];
export const OTHER_GROUPS = ['manager', 'peer', 'direct-report', 'other'] as const;
export type OtherGroup = (typeof OTHER_GROUPS)[number];

export function isRaterGroup(value: unknown): value is RaterGroup {
  return typeof value === 'string' && (RATER_GROUPS as readonly string[]).includes(value);
}

/**
 * The group `value` names, as this module's own string: a group read from a file is a cut of
 * the text read with it, and V8 keeps the whole 64 KB piece alive for a cut of 13 characters
 * or more (`direct-report`), which cost a million-response read about 280 MB.
 */
export function raterGroupNamed(value: unknown): RaterGroup | undefined {
  return RATER_GROUPS.find((group) => group === value);
}

/**
 * One submitted survey, self or rater. The JSON response file of DESIGN.md is its serial form.
 * Maps, not objects, because keys are user text (a statement id of `__proto__` stays harmless);
 * answers by statement position (model/answers.ts).
 */
export type SurveyResponse = {
  responseId: string;
  frameworkId: string;
  surveyId: string;
  subjectId: string;
  /**
   * The learner's display name, when the file carries one (`subject_name`): a label for people,
   * never a key. Ids join responses; two responses may name one subject differently.
   */
  subjectName?: string;
  raterGroup: RaterGroup;
  /** ISO 8601, as written in the file; compared as instants. */
  submittedAt: string;
  /** statement id -> rating, or null for N/A; an unanswered statement is absent. One code per statement. */
  answers: Answers;
  /** Free text keyed by where it was asked (a page id or `general`). */
  comments: ReadonlyMap<string, string>;
};
