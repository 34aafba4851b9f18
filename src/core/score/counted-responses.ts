import { instantMillis } from '../model/instant.ts';
import type { SurveyResponse } from '../model/response.ts';

/**
 * DESIGN.md "Which responses count": for one subject and framework, every rater response and
 * only the latest self response; a response imported twice (same response_id) counts once.
 * Two different responses under one id are refused by the importer, so keeping the first seen
 * loses nothing.
 *
 * The latest self response is chosen by `submitted_at` compared as instants (so `+01:00` and
 * `Z` times compare correctly), ties broken by the greater response_id so the choice never
 * depends on the order responses were imported. A time that does not parse counts as oldest.
 */
export function countResponses(
  responses: readonly SurveyResponse[],
  subjectId: string,
  frameworkId: string,
): SurveyResponse[] {
  const seen = new Set<string>();
  const raters: SurveyResponse[] = [];
  let latestSelf: SurveyResponse | undefined;
  // Read only once a second self response is compared with it: most subjects have one.
  let latestSelfTime: number | undefined;
  for (const response of responses) {
    if (response.subjectId !== subjectId || response.frameworkId !== frameworkId) continue;
    if (seen.has(response.responseId)) continue;
    seen.add(response.responseId);
    if (response.raterGroup !== 'self') {
      raters.push(response);
      continue;
    }
    if (latestSelf === undefined) {
      latestSelf = response;
      continue;
    }
    const time = instant(response.submittedAt);
    latestSelfTime ??= instant(latestSelf.submittedAt);
    if (isLater(time, response.responseId, latestSelfTime, latestSelf.responseId)) {
      latestSelf = response;
      latestSelfTime = time;
    }
  }
  if (latestSelf !== undefined) raters.unshift(latestSelf);
  return raters;
}

/**
 * Issue 12: every self-assessment of one subject on one framework, oldest first, each counted
 * once (same response_id). Ordered as countResponses chooses the latest: by `submitted_at` as
 * an instant, ties by response_id, a time that does not parse first; so the last one here is
 * always the self response that scoring counts.
 */
export function selfAssessments(responses: readonly SurveyResponse[], subjectId: string, frameworkId: string): SurveyResponse[] {
  // Most subjects have one self response: found without a Set or a sort (scoreCohort asks for every subject).
  let only: SurveyResponse | undefined;
  let many = false;
  for (const response of responses) {
    if (response.raterGroup !== 'self' || response.subjectId !== subjectId || response.frameworkId !== frameworkId) continue;
    if (only === undefined) only = response;
    else if (response.responseId !== only.responseId) {
      many = true;
      break;
    }
  }
  if (!many) return only === undefined ? [] : [only];
  const seen = new Set<string>();
  const selves: { response: SurveyResponse; time: number }[] = [];
  for (const response of responses) {
    if (response.raterGroup !== 'self' || response.subjectId !== subjectId || response.frameworkId !== frameworkId) continue;
    if (seen.has(response.responseId)) continue;
    seen.add(response.responseId);
    selves.push({ response, time: instant(response.submittedAt) });
  }
  selves.sort((a, b) => (isLater(b.time, b.response.responseId, a.time, a.response.responseId) ? -1 : 1));
  return selves.map(({ response }) => response);
}

function instant(submittedAt: string): number {
  return instantMillis(submittedAt) ?? Number.NEGATIVE_INFINITY;
}

function isLater(time: number, id: string, bestTime: number, bestId: string): boolean {
  return time > bestTime || (time === bestTime && id > bestId);
}
