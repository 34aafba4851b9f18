import { compareInstants } from '../model/instant.ts';
import type { SurveyResponse } from '../model/response.ts';

/**
 * Each subject's display name, from the responses that carry one (`subject_name`): the name of
 * the latest of them by `submitted_at` (ties: the greater response_id, so the choice never
 * depends on import order). A name is a label only: responses are joined by subject_id, never
 * merged by name, so two learners with one name stay two rows and one learner renamed stays one.
 */
export function latestSubjectNames(responses: readonly SurveyResponse[]): Map<string, string> {
  const latest = new Map<string, SurveyResponse>();
  for (const response of responses) {
    if (response.subjectName === undefined) continue;
    const before = latest.get(response.subjectId);
    if (before === undefined || isLater(response, before)) latest.set(response.subjectId, response);
  }
  return new Map([...latest].map(([subjectId, response]) => [subjectId, response.subjectName ?? subjectId]));
}

function isLater(a: SurveyResponse, b: SurveyResponse): boolean {
  const order = compareInstants(a.submittedAt, b.submittedAt);
  return order === 0 ? a.responseId > b.responseId : order > 0;
}
