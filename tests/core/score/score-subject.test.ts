import { describe, expect, it } from 'vitest';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import type { AxisGroupScore, SubjectScore } from '../../../src/core/score/subject-score.ts';
import { levelled, levelledWithDomains, many, response, unlevelled } from './fixtures.ts';

function axis(score: SubjectScore, id: string, group: string): AxisGroupScore | undefined {
  return score.axes.find((a) => a.id === id)?.groups.find((g) => g.group === group);
}

describe('scoreSubject: pooled axis figures', () => {
  const framework = levelled(2);
  // Self: emerging 3, 4; developing 2 and N/A; proficient unanswered; advanced 1, 1.
  const self = response({
    group: 'self',
    framework,
    answers: { 'emerging-01': 3, 'emerging-02': 4, 'developing-01': 2, 'developing-02': 'NA', 'advanced-01': 1, 'advanced-02': 1 },
  });
  const score = scoreSubject(framework, [self], 'learner-1');

  it('pools every rating of the framework, leaving out N/A and unanswered', () => {
    // Ratings 3, 4, 2, 1, 1: mean 11/5 = 2.2; percent (2.2 - 1) / 3 * 100 = 40;
    // squared deviations .64 + 3.24 + .04 + 1.44 + 1.44 = 6.8, sd = sqrt(6.8 / 4) = sqrt(1.7).
    const all = axis(score, 'all', 'self')!;
    expect(all.raters).toBe(1);
    expect(all.ratings).toBe(5);
    expect(all.mean).toBeCloseTo(2.2, 12);
    expect(all.percent).toBeCloseTo(40, 10);
    expect(all.sd).toBeCloseTo(Math.sqrt(1.7), 12);
    // 5 of 8 statements rated.
    expect(all.coverage).toBe(5 / 8);
  });

  it('gives a level with one rating no sd and counts N/A as not covering', () => {
    const developing = axis(score, 'developing', 'self')!;
    expect(developing).toMatchObject({ ratings: 1, mean: 2, sd: null, coverage: 0.5, attainedLevel: null });
  });

  it('gives a shown group with no rating on an axis 0 raters, 0 ratings and no mean', () => {
    expect(axis(score, 'proficient', 'self')).toMatchObject({ raters: 0, ratings: 0, mean: null, percent: null, sd: null, coverage: 0 });
  });

  it('attains the highest level of an unbroken run from emerging', () => {
    // emerging mean 3.5 (coverage 1) passes, developing mean 2 fails: advanced's 1s do not matter.
    expect(axis(score, 'all', 'self')?.attainedLevel).toBe('emerging');
  });

  it('lists the axes in order: framework, levels, then domains', () => {
    expect(score.axes.map((a) => `${a.kind}:${a.id}`)).toEqual([
      'framework:all',
      'level:emerging',
      'level:developing',
      'level:proficient',
      'level:advanced',
    ]);
  });
});

describe('scoreSubject: attained level', () => {
  const framework = levelled(2);

  it('passes a level whose mean is exactly 3.0 and whose coverage is exactly one half', () => {
    // emerging 2 and 4: mean 3.0; developing 3 and unanswered: mean 3, coverage 1/2; proficient 2, 2.
    const self = response({
      group: 'self',
      framework,
      answers: { 'emerging-01': 2, 'emerging-02': 4, 'developing-01': 3, 'proficient-01': 2, 'proficient-02': 2 },
    });
    expect(axis(scoreSubject(framework, [self], 'learner-1'), 'all', 'self')?.attainedLevel).toBe('developing');
  });

  it('stops at a level marked N/A throughout: coverage 0', () => {
    const self = response({
      group: 'self',
      framework,
      answers: {
        'emerging-01': 4, 'emerging-02': 4,
        'developing-01': 'NA', 'developing-02': 'NA',
        'proficient-01': 4, 'proficient-02': 4, 'advanced-01': 4, 'advanced-02': 4,
      },
    });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(axis(score, 'developing', 'self')).toMatchObject({ raters: 0, ratings: 0, mean: null, coverage: 0 });
    expect(axis(score, 'all', 'self')?.attainedLevel).toBe('emerging');
  });

  it('is not-yet when emerging falls short', () => {
    const self = response({ group: 'self', framework, answers: { 'emerging-01': 2, 'emerging-02': 3, 'developing-01': 4 } });
    expect(axis(scoreSubject(framework, [self], 'learner-1'), 'all', 'self')?.attainedLevel).toBe('not-yet');
  });

  it('attains a domain on the domain\'s own statements at each level', () => {
    const domains = levelledWithDomains();
    // alpha: 4, 4, 4, 2 -> advanced fails, proficient attained. beta: 1 at emerging -> not-yet.
    // The framework's emerging level pools alpha-01 (4) and beta-01 (1): mean 2.5 -> not-yet.
    const self = response({
      group: 'self',
      framework: domains,
      answers: { 'alpha-01': 4, 'alpha-02': 4, 'alpha-03': 4, 'alpha-04': 2, 'beta-01': 1, 'beta-02': 4 },
    });
    const score = scoreSubject(domains, [self], 'learner-1');
    expect(axis(score, 'alpha', 'self')?.attainedLevel).toBe('proficient');
    expect(axis(score, 'beta', 'self')?.attainedLevel).toBe('not-yet');
    expect(axis(score, 'all', 'self')?.attainedLevel).toBe('not-yet');
  });

  it('attains a framework without levels its standard level when the whole meets the bar', () => {
    const framework = unlevelled('test-unlevelled', 'proficient');
    // ws-a 3, 4; ws-b N/A, 2. Framework: 3, 4, 2 -> mean 3.0, coverage 3/4: proficient.
    // ws-a: mean 3.5, coverage 1: proficient. ws-b: mean 2: not-yet.
    const self = response({ group: 'self', framework, answers: { 'ws-a-01': 3, 'ws-a-02': 4, 'ws-b-01': 'NA', 'ws-b-02': 2 } });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(score.axes.map((a) => a.id)).toEqual(['all', 'ws-a', 'ws-b']);
    expect(axis(score, 'all', 'self')?.attainedLevel).toBe('proficient');
    expect(axis(score, 'ws-a', 'self')?.attainedLevel).toBe('proficient');
    expect(axis(score, 'ws-b', 'self')?.attainedLevel).toBe('not-yet');
  });

  it('does not attain a framework without levels under half covered', () => {
    const framework = unlevelled();
    const self = response({ group: 'self', framework, answers: { 'ws-a-01': 4, 'ws-a-02': 'NA', 'ws-b-01': 'NA', 'ws-b-02': 'NA' } });
    expect(axis(scoreSubject(framework, [self], 'learner-1'), 'all', 'self')?.attainedLevel).toBe('not-yet');
  });
});

describe('scoreSubject: groups shown', () => {
  const framework = levelled(1);

  it('scores a subject with only self: self figures, no others, no gap, no flag', () => {
    const score = scoreSubject(framework, [response({ group: 'self', framework, answers: { 'emerging-01': 4 } })], 'learner-1');
    expect(score.visibility).toEqual({ shown: ['self'], hidden: [] });
    expect(score.axes.every((a) => a.groups.length === 1 && a.groups[0]?.group === 'self' && a.gap === null)).toBe(true);
    expect(score.statements[0]).toMatchObject({ self: 4, others: null, gap: null, othersRaters: 0, othersSd: null, flag: null });
  });

  it('folds the manager with a peer group of two: figures only for self and others', () => {
    const responses = [
      response({ group: 'self', framework, answers: { 'emerging-01': 4 } }),
      response({ group: 'manager', framework, answers: { 'emerging-01': 1 }, comments: { general: 'Zeal' } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 2 }, comments: { general: 'Able' } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3 } }),
    ];
    const score = scoreSubject(framework, responses, 'learner-1');
    expect(score.axes[0]?.groups.map((g) => g.group)).toEqual(['self', 'others']);
    // others: 1, 2, 3 -> mean 2, sd 1.
    expect(axis(score, 'all', 'others')).toMatchObject({ raters: 3, ratings: 3, mean: 2, sd: 1 });
    expect(score.comments.map((c) => c.group)).toEqual(['self', 'others']);
    // Sorted, not in submission order.
    expect(score.comments[1]?.comments.map((c) => c.text)).toEqual(['Able', 'Zeal']);
  });

  it('gives a development plan and strengths only for a shown group', () => {
    // manager 1, peer 1, direct-report 1, other 1: others (4) and the manager are shown, the
    // remainder is 3, and the lone peer is hidden.
    const responses = [
      response({ group: 'manager', framework, answers: { 'emerging-01': 4 } }),
      ...many(1, 'peer', framework, 1), ...many(1, 'direct-report', framework, 1), ...many(1, 'other', framework, 1),
    ];
    const score = scoreSubject(framework, responses, 'learner-1', { planGroup: 'peer' });
    expect(score.developmentPlan).toEqual([]);
    expect(score.strengths).toEqual([]);
    const manager = scoreSubject(framework, responses, 'learner-1', { planGroup: 'manager' });
    expect(manager.strengths.map((s) => s.statementId)).toEqual(['emerging-01']);
  });
});
