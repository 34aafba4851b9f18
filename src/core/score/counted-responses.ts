import { instantMillis } from '../model/instant.ts';
import type { SurveyResponse } from '../model/response.ts';
import { beginSubject, createSeenResponseIds, type SeenResponseIds, seenBefore } from './seen-response-ids.ts';

/**
 * The responses of one subject and framework that scoring counts, and its self-assessments:
 * - `counted`, DESIGN.md "Which responses count": every rater response and only the latest self
 *   response (first, when there is one); a response imported twice (same response_id) counts
 *   once. Two different responses under one id are refused by the importer, so keeping the first
 *   seen loses nothing.
 * - `selves` (issue 12): every self-assessment, each counted once, oldest first, so the last one
 *   is always the self response in `counted`.
 *
 * The latest self response is chosen by `submitted_at` compared as instants (so `+01:00` and
 * `Z` times compare correctly), ties broken by the greater response_id so the choice never
 * depends on the order responses were imported. A time that does not parse counts as oldest.
 * One pass, each time read once: scoreCohort asks for every subject, with the same `seen` table
 * for all (seen-response-ids.ts).
 */
export type CountedResponses = { counted: SurveyResponse[]; selves: SurveyResponse[] };

export function countSubjectResponses(
  responses: readonly SurveyResponse[],
  subjectId: string,
  frameworkId: string,
  seen: SeenResponseIds = createSeenResponseIds(),
): CountedResponses {
  beginSubject(seen, responses.length);
  const counted: SurveyResponse[] = [];
  const selves: SurveyResponse[] = [];
  for (let i = 0; i < responses.length; i += 1) {
    const response = responses[i] as SurveyResponse;
    if (response.subjectId !== subjectId || response.frameworkId !== frameworkId) continue;
    if (seenBefore(seen, responses, i)) continue;
    if (response.raterGroup === 'self') selves.push(response);
    else counted.push(response);
  }
  if (selves.length > 1) sortOldestFirst(selves);
  const latest = selves[selves.length - 1];
  if (latest !== undefined) counted.unshift(latest);
  return { counted, selves };
}

/** countSubjectResponses' `counted`. */
export function countResponses(responses: readonly SurveyResponse[], subjectId: string, frameworkId: string): SurveyResponse[] {
  return countSubjectResponses(responses, subjectId, frameworkId).counted;
}

/** countSubjectResponses' `selves`. */
export function selfAssessments(responses: readonly SurveyResponse[], subjectId: string, frameworkId: string): SurveyResponse[] {
  return countSubjectResponses(responses, subjectId, frameworkId).selves;
}

function sortOldestFirst(selves: SurveyResponse[]): void {
  const timed = selves.map((response) => ({ response, time: instantMillis(response.submittedAt) ?? Number.NEGATIVE_INFINITY }));
  timed.sort((a, b) => (isLater(b.time, b.response.responseId, a.time, a.response.responseId) ? -1 : 1));
  timed.forEach(({ response }, i) => {
    selves[i] = response;
  });
}

function isLater(time: number, id: string, bestTime: number, bestId: string): boolean {
  return time > bestTime || (time === bestTime && id > bestId);
}
