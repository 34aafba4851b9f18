import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { roundPercent } from '../../src/core/score/rounding.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import { axisLabel } from '../../src/app/profile/profile-labels.ts';
import { wrapLabel } from '../../src/app/profile/wrap-label.ts';
import type { StoredLearner, StoredResponseRecord } from './browser-harness.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/** The learner, self response and radar the browser sections load, the same on every run. */

export const BENCH_FRAMEWORK_ID = 'css-durable-skills';
export const BENCH_LEARNER: StoredLearner = { subjectId: 'bench-learner-q7k2', displayName: 'Bench Learner' };

/** A completed self-assessment: every statement answered, one in eleven "Not part of my role". */
export function completedSelfResponse(framework: Framework, subjectId: string): SurveyResponse {
  const answers = new Map<string, Rating | null>();
  framework.statements.forEach((statement, index) => {
    answers.set(statement.id, index % 11 === 5 ? null : (((index * 7) % 4) + 1) as Rating);
  });
  return {
    responseId: 'bench-self-0001',
    frameworkId: framework.id,
    surveyId: `${framework.id}.self`,
    subjectId,
    raterGroup: 'self',
    submittedAt: '2026-04-01T09:00:00Z',
    answers: answersFromEntries(answers, framework),
    comments: new Map(),
  };
}

/** A response as the app stores it (src/app/storage/responses.ts): its response file's text. */
export function storedRecord(response: SurveyResponse): StoredResponseRecord {
  return { responseId: response.responseId, subjectId: response.subjectId, frameworkId: response.frameworkId, json: writeResponseFile(response), storedAt: '2026-04-01T09:00:05Z' };
}

export type RadarData = { labels: string[][]; data: (number | null)[] };

/** The profile's radar of one kind of axis for these responses: the app's labels and its rounded percents. */
export function axisRadar(framework: Framework, responses: readonly SurveyResponse[], subjectId: string, kind: 'level' | 'domain'): RadarData {
  const axes = scoreSubject(framework, responses, subjectId).axes.filter((axis) => axis.kind === kind);
  return {
    labels: axes.map((axis) => wrapLabel(axisLabel(framework, kind, axis.id), 12)),
    data: axes.map((axis) => roundPercent(axis.groups.find((group) => group.group === 'self')?.percent ?? null)),
  };
}

/** The profile's two radars, by level then by domain, as it draws them. */
export type ProfileRadars = { levels: RadarData; domains: RadarData };

export function profileRadars(framework: Framework, responses: readonly SurveyResponse[], subjectId: string): ProfileRadars {
  return { levels: axisRadar(framework, responses, subjectId, 'level'), domains: axisRadar(framework, responses, subjectId, 'domain') };
}
