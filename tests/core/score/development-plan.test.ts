import { describe, expect, it } from 'vitest';
import { planSelectionOf } from '../../../src/core/score/development-plan.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { allRated, levelled, levelledWithDomains, response, unlevelled } from './fixtures.ts';

describe('development plan and strengths', () => {
  it('lists the next level up, lowest rated first, unanswered last, N/A left out', () => {
    const framework = levelled(4);
    // emerging all 4 (attained); developing: 01 = 2, 02 = 1, 03 unanswered, 04 N/A -> mean 1.5, fails.
    const self = response({
      group: 'self',
      framework,
      answers: { 'emerging-01': 4, 'emerging-02': 4, 'emerging-03': 4, 'emerging-04': 4, 'developing-01': 2, 'developing-02': 1, 'developing-04': 'NA' },
    });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(score.developmentPlan.map((item) => [item.statementId, item.mean])).toEqual([
      ['developing-02', 1],
      ['developing-01', 2],
      ['developing-03', null],
    ]);
  });

  it('leaves out the next level\'s statements the learner already rates "Independently" or above, and says which', () => {
    const framework = levelled(4);
    // emerging attained; developing: 01 = 3, 02 = 4, 03 = 1, 04 = 1 -> mean 2.25, fails.
    const self = response({
      group: 'self',
      framework,
      answers: { ...allRated(framework, 4), 'developing-01': 3, 'developing-02': 4, 'developing-03': 1, 'developing-04': 1 },
    });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(score.axes[0]?.groups[0]?.attainedLevel).toBe('emerging');
    expect(score.developmentPlan.map((item) => item.statementId)).toEqual(['developing-03', 'developing-04']);
    expect(score.strengths.some((item) => item.statementId === 'developing-02')).toBe(true);
    expect(planSelectionOf(framework, score)?.alreadyIndependent.map((item) => item.statementId)).toEqual(['developing-01', 'developing-02']);
  });

  it('never lists a strength in the plan', () => {
    const framework = levelled(3);
    // Every level fails on coverage or mean somewhere; 4s are scattered through every level.
    const self = response({ group: 'self', framework, answers: { 'emerging-01': 4, 'emerging-02': 1, 'emerging-03': 4, 'developing-01': 4, 'advanced-02': 4 } });
    const score = scoreSubject(framework, [self], 'learner-1');
    const strengths = new Set(score.strengths.map((item) => item.statementId));
    expect(strengths.size).toBeGreaterThan(0);
    expect(score.developmentPlan.filter((item) => strengths.has(item.statementId))).toEqual([]);
  });

  it('is empty when every statement of the next level is rated "Independently" or above or marked N/A', () => {
    const framework = levelled(4);
    // developing: one 4 and three N/A: its coverage (1 of 4) is under half, so it is not attained.
    const self = response({
      group: 'self',
      framework,
      answers: { ...allRated(framework, 1), 'emerging-01': 4, 'emerging-02': 4, 'emerging-03': 4, 'emerging-04': 4, 'developing-01': 4, 'developing-02': 'NA', 'developing-03': 'NA', 'developing-04': 'NA' },
    });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(score.axes[0]?.groups[0]?.attainedLevel).toBe('emerging');
    expect(score.developmentPlan).toEqual([]);
    expect(planSelectionOf(framework, score)?.alreadyIndependent.map((item) => item.statementId)).toEqual(['developing-01']);
  });

  it('agrees, from a scored profile, with the plan scoreSubject made', () => {
    const framework = levelledWithDomains();
    const self = response({ group: 'self', framework, answers: { 'alpha-01': 4, 'beta-01': 3, 'alpha-02': 3, 'beta-02': 2 } });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(planSelectionOf(framework, score)?.plan).toEqual(score.developmentPlan);
    expect(planSelectionOf(framework, score)?.alreadyIndependent.map((item) => item.statementId)).toEqual(['alpha-02']);
  });

  it('starts at emerging for not-yet and keeps framework order on ties', () => {
    const framework = levelled(2);
    const self = response({ group: 'self', framework, answers: { 'emerging-02': 2, 'emerging-01': 2 } });
    expect(scoreSubject(framework, [self], 'learner-1').developmentPlan.map((item) => item.statementId)).toEqual([
      'emerging-01',
      'emerging-02',
    ]);
  });

  it('has nothing above advanced', () => {
    const framework = levelled(1);
    const self = response({ group: 'self', framework, answers: allRated(framework, 4) });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(score.axes[0]?.groups[0]?.attainedLevel).toBe('advanced');
    expect(score.developmentPlan).toEqual([]);
  });

  it('lists statements rated below 3 for a framework without levels, and leaves out the rest as already independent', () => {
    const framework = unlevelled();
    const self = response({ group: 'self', framework, answers: { 'ws-a-01': 2, 'ws-a-02': 3, 'ws-b-01': 1, 'ws-b-02': 'NA' } });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(score.developmentPlan.map((item) => item.statementId)).toEqual(['ws-b-01', 'ws-a-01']);
    expect(planSelectionOf(framework, score)?.alreadyIndependent.map((item) => item.statementId)).toEqual(['ws-a-02']);
  });

  it('names as strengths the statements rated 4 (mean 3.5 or more), highest first', () => {
    const framework = levelled(2);
    const self = response({ group: 'self', framework, answers: { 'emerging-01': 3, 'emerging-02': 4, 'advanced-02': 4 } });
    expect(scoreSubject(framework, [self], 'learner-1').strengths.map((item) => item.statementId)).toEqual(['emerging-02', 'advanced-02']);
  });

  it('counts a group mean of 3.5 as a strength and 3.33 not', () => {
    const framework = levelled(1);
    const peers = [4, 3, 4, 3].map((rating, i) =>
      response({ group: 'peer', framework, answers: { 'emerging-01': rating as 3 | 4, 'developing-01': i === 0 ? 4 : 3 } }),
    );
    // emerging-01: 14 / 4 = 3.5; developing-01: 13 / 4 = 3.25.
    const score = scoreSubject(framework, peers, 'learner-1', { planGroup: 'peer' });
    expect(score.strengths.map((item) => item.statementId)).toEqual(['emerging-01']);
  });
});
