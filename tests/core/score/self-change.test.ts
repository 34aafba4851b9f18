import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeRows } from '../../../src/core/io/change-csv.ts';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import type { SurveyResponse } from '../../../src/core/model/response.ts';
import { selfAssessments } from '../../../src/core/score/counted-responses.ts';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { levelled, levelledWithDomains, response } from './fixtures.ts';

// Four statements, one per level: emerging-01, developing-01, proficient-01, advanced-01.
const framework = levelled(1);
const frameworks = new Map([[framework.id, framework]]);

describe('change since the last self-assessment', () => {
  it('compares the latest self-assessment with the one just before it, per axis and per statement', () => {
    const responses = [
      // Earlier: 2, 2, 1, N/A. Whole framework: mean 5/3, percent (5/3 - 1) / 3 × 100 = 22.22.
      response({ group: 'self', framework, id: 'first', at: '2026-01-10T09:00:00Z', answers: { 'emerging-01': 2, 'developing-01': 2, 'proficient-01': 1, 'advanced-01': 'NA' } }),
      // Latest: 3, 2, 2, 1. Mean 2, percent (2 - 1) / 3 × 100 = 33.33.
      response({ group: 'self', framework, id: 'second', at: '2026-04-10T09:00:00Z', answers: { 'emerging-01': 3, 'developing-01': 2, 'proficient-01': 2, 'advanced-01': 1 } }),
      // A peer's rating changes nothing here: change is self against self.
      response({ group: 'peer', framework, answers: { 'emerging-01': 1 } }),
    ];
    const score = scoreSubject(framework, responses, 'learner-1');
    const change = score.change!;
    expect(change.earlier).toEqual({ responseId: 'first', submittedAt: '2026-01-10T09:00:00Z' });
    expect(change.latest).toEqual({ responseId: 'second', submittedAt: '2026-04-10T09:00:00Z' });

    const all = change.axes[0]!;
    expect(all).toMatchObject({ kind: 'framework', id: 'all' });
    expect(all.earlierPercent).toBeCloseTo(200 / 9, 12); // 22.22
    expect(all.latestPercent).toBeCloseTo(100 / 3, 12); // 33.33
    expect(all.change).toBeCloseTo(100 / 9, 12); // 33.33 - 22.22 = 11.11 points
    // emerging: 2 -> 3, percent 33.33 -> 66.67: +33.33 points.
    expect(change.axes[1]).toMatchObject({ id: 'emerging' });
    expect(change.axes[1]!.change).toBeCloseTo(100 / 3, 12);
    // developing: 2 -> 2: 0.
    expect(change.axes[2]!.change).toBe(0);
    // advanced: N/A earlier, so no change there, only the latest figure (1 -> 0 %).
    expect(change.axes[4]).toEqual({ kind: 'level', id: 'advanced', earlierPercent: null, latestPercent: 0, change: null });

    expect(change.statements.map((statement) => [statement.statementId, statement.earlier, statement.latest, statement.direction])).toEqual([
      ['emerging-01', 2, 3, 'up'],
      ['developing-01', 2, 2, 'unchanged'],
      ['proficient-01', 1, 2, 'up'],
      ['advanced-01', null, 1, null],
    ]);
    expect(change.history.map((point) => point.responseId)).toEqual(['first', 'second']);
    // The latest percent of every axis is the self figure the profile and summary.csv show.
    change.axes.forEach((axis, a) => expect(axis.latestPercent).toBe(score.axes[a]!.groups.find((group) => group.group === 'self')!.percent));
  });

  it('gives the whole-framework percent of every self-assessment in date order, and compares only the last two', () => {
    const self = (id: string, at: string, rating: Rating) => response({ group: 'self', framework, id, at, answers: { 'emerging-01': rating, 'developing-01': rating } });
    // Given out of order; dates compared as instants: 09:30+02:00 is 07:30Z, before 08:00Z.
    const responses = [
      self('march', '2026-03-01T08:00:00Z', 3),
      self('january', '2026-01-01T08:00:00Z', 1),
      self('early-march', '2026-03-01T09:30:00+02:00', 2),
    ];
    const change = scoreSubject(framework, responses, 'learner-1').change!;
    // 1 -> 0 %, 2 -> 33.3 %, 3 -> 66.7 %.
    expect(change.history.map(({ responseId, percent }) => [responseId, Number(percent?.toFixed(1))])).toEqual([
      ['january', 0],
      ['early-march', 33.3],
      ['march', 66.7],
    ]);
    expect([change.earlier.responseId, change.latest.responseId]).toEqual(['early-march', 'march']);
    // The latest is the self response scoring counts.
    expect(scoreSubject(framework, responses, 'learner-1').statements[0]!.self).toBe(3);
  });

  it('is absent with one self-assessment, even when its file was imported twice', () => {
    const once = response({ group: 'self', framework, id: 'only', answers: { 'emerging-01': 2 } });
    expect(scoreSubject(framework, [once, { ...once }], 'learner-1').change).toBeNull();
    expect(scoreSubject(framework, [response({ group: 'peer', framework, answers: { 'emerging-01': 2 } })], 'learner-1').change).toBeNull();
    expect(changeRows(scoreCohort(frameworks, [once]))).toEqual([]);
  });

  it('orders two self-assessments of the same instant by response id, as scoring does', () => {
    const a = response({ group: 'self', framework, id: 'b-later-id', at: '2026-02-01T10:00:00Z', answers: { 'emerging-01': 4 } });
    const b = response({ group: 'self', framework, id: 'a-first-id', at: '2026-02-01T11:00:00+01:00', answers: { 'emerging-01': 1 } });
    expect(selfAssessments([a, b], 'learner-1', framework.id).map((r) => r.responseId)).toEqual(['a-first-id', 'b-later-id']);
    expect(scoreSubject(framework, [a, b], 'learner-1').change?.latest.responseId).toBe('b-later-id');
  });

  it('works per domain in a framework with domains', () => {
    const domains = levelledWithDomains();
    const responses = [
      response({ group: 'self', framework: domains, at: '2026-01-01T00:00:00Z', answers: { 'alpha-01': 1, 'alpha-02': 1, 'beta-01': 4 } }),
      response({ group: 'self', framework: domains, at: '2026-06-01T00:00:00Z', answers: { 'alpha-01': 4, 'alpha-02': 4, 'beta-01': 4 } }),
    ];
    const change = scoreSubject(domains, responses, 'learner-1').change!;
    // alpha: 1 -> 4, 0 % -> 100 %: +100 points; beta: 4 -> 4: 0.
    expect(change.axes.filter((axis) => axis.kind === 'domain').map(({ id, change: points }) => [id, points])).toEqual([['alpha', 100], ['beta', 0]]);
  });
});

/** Two self responses of one subject, with random answers and two distinct dates. */
const ANSWER = fc.constantFrom<Rating | 'NA' | 'absent'>(1, 2, 3, 4, 'NA', 'absent');
const answersArb = fc.array(ANSWER, { minLength: 4, maxLength: 4 }).map((answers) => {
  const given: Record<string, Rating | 'NA'> = {};
  framework.statements.forEach((statement, i) => {
    const answer = answers[i];
    if (answer !== undefined && answer !== 'absent') given[statement.id] = answer;
  });
  return given;
});
const dayArb = fc.integer({ min: 1, max: 28 });

function twoSelves(subject: string, first: Record<string, Rating | 'NA'>, second: Record<string, Rating | 'NA'>, dayA: number, dayB: number): SurveyResponse[] {
  const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T09:00:00Z`;
  return [
    response({ group: 'self', framework, subject, id: `${subject}-a`, at: at(dayA), answers: first }),
    response({ group: 'self', framework, subject, id: `${subject}-b`, at: at(dayB), answers: second }),
  ];
}

describe('change: properties', () => {
  it('turns every change around when the two self-assessments swap dates', () => {
    fc.assert(
      fc.property(answersArb, answersArb, dayArb, dayArb, (first, second, dayA, dayB) => {
        fc.pre(dayA !== dayB);
        const forward = scoreSubject(framework, twoSelves('s', first, second, dayA, dayB), 's').change!;
        const backward = scoreSubject(framework, twoSelves('s', first, second, dayB, dayA), 's').change!;
        forward.axes.forEach((axis, a) => {
          const other = backward.axes[a]!;
          expect(other.earlierPercent).toBe(axis.latestPercent);
          expect(other.latestPercent).toBe(axis.earlierPercent);
          if (axis.change === null) expect(other.change).toBeNull();
          else expect(other.change).toBe(-axis.change === 0 ? 0 : -axis.change);
        });
        const flip = { up: 'down', down: 'up', unchanged: 'unchanged' } as const;
        forward.statements.forEach((statement, s) => {
          expect(backward.statements[s]!.direction).toBe(statement.direction === null ? null : flip[statement.direction]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never changes a subject\'s change rows when another subject is added', () => {
    fc.assert(
      fc.property(answersArb, answersArb, answersArb, answersArb, dayArb, dayArb, (a1, a2, b1, b2, dayA, dayB) => {
        fc.pre(dayA !== dayB);
        const ana = twoSelves('ana', a1, a2, dayA, dayB);
        const ben = [...twoSelves('ben', b1, b2, dayB, dayA), response({ group: 'peer', framework, subject: 'ben', answers: b1 })];
        const alone = changeRows(scoreCohort(frameworks, ana));
        const together = changeRows(scoreCohort(frameworks, [...ben, ...ana])).filter((row) => row[0] === 'ana');
        expect(together).toEqual(alone);
      }),
      { numRuns: 200 },
    );
  });
});
