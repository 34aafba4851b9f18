import { describe, expect, it } from 'vitest';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { allRated, levelled, response, unlevelled } from './fixtures.ts';

describe('development plan and strengths', () => {
  it('lists the next level up, lowest rated first, unanswered last, N/A left out', () => {
    const framework = levelled(4);
    // emerging all 4 (attained); developing: 01 = 3, 02 = 1, 03 unanswered, 04 N/A -> mean 2, fails.
    const self = response({
      group: 'self',
      framework,
      answers: { 'emerging-01': 4, 'emerging-02': 4, 'emerging-03': 4, 'emerging-04': 4, 'developing-01': 3, 'developing-02': 1, 'developing-04': 'NA' },
    });
    const score = scoreSubject(framework, [self], 'learner-1');
    expect(score.developmentPlan.map((item) => [item.statementId, item.mean])).toEqual([
      ['developing-02', 1],
      ['developing-01', 3],
      ['developing-03', null],
    ]);
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

  it('lists statements rated below 3 for a framework without levels', () => {
    const framework = unlevelled();
    const self = response({ group: 'self', framework, answers: { 'ws-a-01': 2, 'ws-a-02': 3, 'ws-b-01': 1, 'ws-b-02': 'NA' } });
    expect(scoreSubject(framework, [self], 'learner-1').developmentPlan.map((item) => item.statementId)).toEqual(['ws-b-01', 'ws-a-01']);
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
