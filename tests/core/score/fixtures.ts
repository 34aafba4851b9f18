import type { Framework, LevelId, Statement } from '../../../src/core/model/framework.ts';
import { LEVEL_IDS } from '../../../src/core/model/framework.ts';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../../src/core/model/response.ts';
import { testFramework, testStatement } from '../../support/test-framework.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';

/**
 * Small frameworks built in the test, so scoring tests do not depend on the seed parsers.
 * `levelled(2)`: four levels x 2 statements (`emerging-01`, `emerging-02`, `developing-01`, ...),
 * no domains. `levelledWithDomains`: two domains `alpha`, `beta`, each with one statement per
 * level (`alpha-01` emerging ... `alpha-04` advanced). `unlevelled`: two domains of 2 statements.
 */
export function levelled(perLevel: number, id = 'test-levelled'): Framework {
  const statements: Statement[] = [];
  for (const level of LEVEL_IDS) {
    for (let i = 1; i <= perLevel; i += 1) statements.push(statement(`${level}-0${i}`, level, null));
  }
  return framework(id, true, [], statements);
}

export function levelledWithDomains(id = 'test-domains'): Framework {
  const statements: Statement[] = [];
  for (const domain of ['alpha', 'beta']) {
    LEVEL_IDS.forEach((level, i) => statements.push(statement(`${domain}-0${i + 1}`, level, domain)));
  }
  return framework(id, true, ['alpha', 'beta'], statements);
}

export function unlevelled(id = 'test-unlevelled', standardLevel: LevelId = 'proficient'): Framework {
  const statements = ['ws-a-01', 'ws-a-02', 'ws-b-01', 'ws-b-02'].map((sid) => statement(sid, null, sid.slice(0, 4)));
  return { ...framework(id, false, ['ws-a', 'ws-b'], statements), standardLevel };
}

const statement = testStatement;
const framework = (id: string, levelled: boolean, domains: string[], statements: Statement[]) => testFramework(id, statements, levelled, domains);

let serial = 0;

export type ResponseSpec = {
  group: RaterGroup;
  /** statement id -> 1-4, or 'NA'. */
  answers?: Record<string, Rating | 'NA'>;
  subject?: string;
  framework?: Framework | string;
  id?: string;
  at?: string;
  comments?: Record<string, string>;
};

export function response(spec: ResponseSpec): SurveyResponse {
  serial += 1;
  const frameworkId = typeof spec.framework === 'string' ? spec.framework : (spec.framework?.id ?? 'test-levelled');
  return {
    responseId: spec.id ?? `response-${serial}`,
    frameworkId,
    surveyId: `${frameworkId}.${spec.group === 'self' ? 'self' : '360'}`,
    subjectId: spec.subject ?? 'learner-1',
    raterGroup: spec.group,
    submittedAt: spec.at ?? '2026-03-01T10:00:00Z',
    // Kept in the framework's order when the spec gives the framework, as every importer keeps it.
    answers: answersFromEntries(
      Object.entries(spec.answers ?? {}).map(([id, value]) => [id, value === 'NA' ? null : value]),
      typeof spec.framework === 'object' ? spec.framework : undefined,
    ),
    comments: new Map(Object.entries(spec.comments ?? {})),
  };
}

/** The same rating for every statement of a framework. */
export function allRated(framework: Framework, rating: Rating): Record<string, Rating> {
  return Object.fromEntries(framework.statements.map((s) => [s.id, rating]));
}

/** `n` responses of one group, each rating every statement `rating`. */
export function many(n: number, group: RaterGroup, framework: Framework, rating: Rating, subject = 'learner-1'): SurveyResponse[] {
  return Array.from({ length: n }, () => response({ group, framework, subject, answers: allRated(framework, rating) }));
}
