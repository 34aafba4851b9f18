import type { Framework } from '../model/framework.ts';
import type { SurveyResponse } from '../model/response.ts';
import { compareText } from './comments.ts';
import { countSubjectResponses } from './counted-responses.ts';
import { indexFramework } from './framework-index.ts';
import { addRatingsRow, type AxisReliability, createReliabilityTally, type ReliabilityTally, reliabilityOf } from './reliability.ts';
import { readRatingsRow } from './response-row.ts';
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
  return [...scoreCohortLazily(frameworks, responses, options, false).scores];
}

export type CohortScore = {
  /** As scoreCohort. */
  scores: SubjectScore[];
  /** As scoreReliability: every axis of every framework with a response, sorted by framework id. */
  reliability: AxisReliability[];
};

/**
 * scoreCohort and Cronbach's alpha per axis (scoreReliability) in one pass over the answers:
 * each response's ratings are added to alpha's sums as scoring reads them, and only the earlier
 * self-assessments, which scoring does not count, are read a second time.
 */
export function scoreCohortWithReliability(
  frameworks: ReadonlyMap<string, Framework>,
  responses: readonly SurveyResponse[],
  options: ScoreOptions = {},
): CohortScore {
  const pass = scoreCohortLazily(frameworks, responses, options, true);
  const scores = [...pass.scores];
  return { scores, reliability: pass.reliability() };
}

/**
 * The scoring pass of scoreCohort, one subject and framework at a time, in scoreCohort's order,
 * for a caller that writes each score out and lets it go (a million responses' scores do not
 * fit in memory together). `scores` can be walked once; `reliability()` (empty unless asked
 * for) is complete once it has been.
 */
export type LazyCohortScore = { scores: Iterable<SubjectScore>; reliability: () => AxisReliability[] };

export function scoreCohortLazily(
  frameworks: ReadonlyMap<string, Framework>,
  responses: readonly SurveyResponse[],
  options: ScoreOptions,
  withReliability: boolean,
): LazyCohortScore {
  const bySubject = groupBySubject(frameworks, responses);
  const working = new Map<string, Working>();
  const reliability = () =>
    [...working.keys()].sort(compareText).flatMap((frameworkId) => {
      const tally = working.get(frameworkId)?.reliability;
      return tally === null || tally === undefined ? [] : reliabilityOf(tally);
    });
  return { scores: eachScore(frameworks, bySubject, options, withReliability, working), reliability };
}

type Working = { buffers: ScoringBuffers; reliability: ReliabilityTally | null };

/** Responses by subject, every framework together; throws for a framework not given (see scoreCohort). */
function groupBySubject(frameworks: ReadonlyMap<string, Framework>, responses: readonly SurveyResponse[]): Map<string, SurveyResponse[]> {
  const bySubject = new Map<string, SurveyResponse[]>();
  let known: string | undefined;
  // Indexed, not for...of: this loop runs once per call, so it runs mostly before V8 optimises
  // it, where each step of an array iterator is an object (4 MB a cohort of 100,000).
  for (let i = 0; i < responses.length; i += 1) {
    const response = responses[i] as SurveyResponse;
    // Responses of one framework usually come together: its lookup is not repeated for each.
    if (response.frameworkId !== known) {
      if (!frameworks.has(response.frameworkId)) {
        throw new Error(`scoreCohort: response "${response.responseId}" is for framework "${response.frameworkId}", which was not given.`);
      }
      known = response.frameworkId;
    }
    const list = bySubject.get(response.subjectId);
    if (list === undefined) bySubject.set(response.subjectId, [response]);
    else list.push(response);
  }
  return bySubject;
}

/** The frameworks of a subject's responses, sorted (code-unit order); most subjects have one. */
function frameworksOf(responses: readonly SurveyResponse[]): readonly string[] {
  const first = (responses[0] as SurveyResponse).frameworkId;
  if (responses.every((response) => response.frameworkId === first)) return [first];
  return [...new Set(responses.map((response) => response.frameworkId))].sort(compareText);
}

function* eachScore(
  frameworks: ReadonlyMap<string, Framework>,
  bySubject: Map<string, SurveyResponse[]>,
  options: ScoreOptions,
  withReliability: boolean,
  working: Map<string, Working>,
): Generator<SubjectScore> {
  for (const subjectId of [...bySubject.keys()].sort(compareText)) {
    const own = bySubject.get(subjectId) as SurveyResponse[];
    for (const frameworkId of frameworksOf(own)) {
      const framework = frameworks.get(frameworkId) as Framework;
      const index = indexFramework(framework);
      let entry = working.get(frameworkId);
      if (entry === undefined) {
        const reliability = withReliability ? createReliabilityTally(index) : null;
        entry = { buffers: createScoringBuffers(index, reliability === null ? null : (row) => addRatingsRow(reliability, row)), reliability };
        working.set(frameworkId, entry);
      }
      const { counted, selves: history } = countSubjectResponses(own, subjectId, frameworkId, entry.buffers.seen);
      yield scoreCounted(index, counted, subjectId, options, entry.buffers, history);
      // Alpha is over every response, earlier self-assessments included: scoring read all but these.
      if (entry.reliability !== null) {
        for (let i = 0; i < history.length - 1; i += 1) {
          addRatingsRow(entry.reliability, readRatingsRow(index, history[i] as SurveyResponse, entry.buffers.tally.row));
        }
      }
    }
  }
}
