import type { Framework } from '../model/framework.ts';
import type { SurveyResponse } from '../model/response.ts';
import { compareText } from './comments.ts';
import { countResponses } from './counted-responses.ts';
import { indexFramework } from './framework-index.ts';
import { createScoringBuffers, type ScoreOptions, scoreCounted, type ScoringBuffers } from './score-subject.ts';
import type { SubjectScore } from './subject-score.ts';

/**
 * One SubjectScore per subject x framework present in the responses, sorted by subject id then
 * framework id (code-unit order). A response whose framework is not in `frameworks` is a bug of
 * the caller, which must refuse such a file on import: it throws. `options` (plan group,
 * anonymity thresholds) apply to every subject alike.
 */
export function scoreCohort(
  frameworks: ReadonlyMap<string, Framework>,
  responses: readonly SurveyResponse[],
  options: ScoreOptions = {},
): SubjectScore[] {
  const bySubject = new Map<string, Map<string, SurveyResponse[]>>();
  for (const response of responses) {
    if (!frameworks.has(response.frameworkId)) {
      throw new Error(`scoreCohort: response "${response.responseId}" is for framework "${response.frameworkId}", which was not given.`);
    }
    let byFramework = bySubject.get(response.subjectId);
    if (byFramework === undefined) {
      byFramework = new Map();
      bySubject.set(response.subjectId, byFramework);
    }
    const list = byFramework.get(response.frameworkId);
    if (list === undefined) byFramework.set(response.frameworkId, [response]);
    else list.push(response);
  }

  const buffers = new Map<string, ScoringBuffers>();
  const scores: SubjectScore[] = [];
  for (const subjectId of [...bySubject.keys()].sort(compareText)) {
    const byFramework = bySubject.get(subjectId) as Map<string, SurveyResponse[]>;
    for (const frameworkId of [...byFramework.keys()].sort(compareText)) {
      const framework = frameworks.get(frameworkId) as Framework;
      const own = byFramework.get(frameworkId) as SurveyResponse[];
      const index = indexFramework(framework);
      let working = buffers.get(frameworkId);
      if (working === undefined) {
        working = createScoringBuffers(index);
        buffers.set(frameworkId, working);
      }
      scores.push(scoreCounted(index, countResponses(own, subjectId, frameworkId), subjectId, options, working));
    }
  }
  return scores;
}
