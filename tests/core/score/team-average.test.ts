import { describe, expect, it } from 'vitest';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import { teamAxisAverages } from '../../../src/core/score/team-average.ts';
import { levelledWithDomains, many, response, unlevelled } from './fixtures.ts';

const framework = levelledWithDomains();
const frameworks = new Map([[framework.id, framework]]);
const average = (list: ReturnType<typeof teamAxisAverages>, id: string) => list.find((entry) => entry.id === id);

describe('the team average of an axis', () => {
  it("is the mean of the learners' percents, not of their pooled ratings", () => {
    // ana rates alpha 4,4,4,4 -> 100 %; ben rates alpha 1,1,1,2 -> mean 1.25 -> 8.333 %.
    // Mean of percents: (100 + 8.333) / 2 = 54.1667 %. Pooled ratings would give
    // mean 21/8 = 2.625 -> 54.1667 % too here, so beta tells them apart: ana rates one
    // statement of beta (4 -> 100 %), ben four (1,1,1,1 -> 0 %): mean of percents 50 %,
    // pooled ratings (4+1+1+1+1)/5 = 1.6 -> 20 %.
    const responses = [
      response({ group: 'self', subject: 'ana', framework, answers: { 'alpha-01': 4, 'alpha-02': 4, 'alpha-03': 4, 'alpha-04': 4, 'beta-01': 4 } }),
      response({ group: 'self', subject: 'ben', framework, answers: { 'alpha-01': 1, 'alpha-02': 1, 'alpha-03': 1, 'alpha-04': 2, 'beta-01': 1, 'beta-02': 1, 'beta-03': 1, 'beta-04': 1 } }),
    ];
    const averages = teamAxisAverages(scoreCohort(frameworks, responses), framework.id, 'self');
    expect(average(averages, 'alpha')?.percent).toBeCloseTo((100 + 25 / 3) / 2, 10);
    expect(average(averages, 'beta')).toMatchObject({ percent: 50, learners: 2 });
  });

  it('covers every axis of the framework in order: the whole framework, the levels, the domains', () => {
    const averages = teamAxisAverages(scoreCohort(frameworks, many(1, 'self', framework, 3)), framework.id, 'self');
    expect(averages.map((entry) => `${entry.kind}:${entry.id}`)).toEqual([
      'framework:all', 'level:emerging', 'level:developing', 'level:proficient', 'level:advanced', 'domain:alpha', 'domain:beta',
    ]);
    // 3 everywhere: (3 - 1) / 3 * 100 = 66.667 %.
    for (const entry of averages) expect(entry.percent).toBeCloseTo(200 / 3, 10);
  });

  it('leaves out a learner who did not rate the axis, and says over how many learners it is', () => {
    const responses = [
      response({ group: 'self', subject: 'ana', framework, answers: { 'alpha-01': 4 } }),
      response({ group: 'self', subject: 'ben', framework, answers: { 'alpha-01': 2, 'beta-01': 2 } }),
    ];
    const averages = teamAxisAverages(scoreCohort(frameworks, responses), framework.id, 'self');
    // alpha: ana 100 %, ben 33.333 % -> 66.667 % over 2; beta: ben alone, 33.333 % over 1.
    expect(average(averages, 'alpha')).toMatchObject({ learners: 2 });
    expect(average(averages, 'alpha')?.percent).toBeCloseTo(200 / 3, 10);
    expect(average(averages, 'beta')).toMatchObject({ learners: 1 });
    expect(average(averages, 'beta')?.percent).toBeCloseTo(100 / 3, 10);
  });

  it('never uses a group kept back by the anonymity rule: two peers add nothing to the peers average', () => {
    const responses = [
      ...many(3, 'peer', framework, 4, 'ana'),
      // ben's two peers are hidden: their 1s must not pull the average down.
      ...many(2, 'peer', framework, 1, 'ben'),
    ];
    const averages = teamAxisAverages(scoreCohort(frameworks, responses), framework.id, 'peer');
    expect(average(averages, 'all')).toEqual({ kind: 'framework', id: 'all', percent: 100, learners: 1 });
  });

  it('is empty (null, over 0 learners) where nobody of the group rated the axis, and ignores other frameworks', () => {
    const other = unlevelled();
    const responses = [...many(1, 'self', framework, 2, 'ana'), ...many(1, 'self', other, 4, 'ana')];
    const scores = scoreCohort(new Map([[framework.id, framework], [other.id, other]]), responses);
    const managers = teamAxisAverages(scores, framework.id, 'manager');
    expect(managers.every((entry) => entry.percent === null && entry.learners === 0)).toBe(true);
    // Only ana's 2s of this framework: 33.333 %, never the other framework's 100 %.
    expect(average(teamAxisAverages(scores, framework.id, 'self'), 'all')?.percent).toBeCloseTo(100 / 3, 10);
    expect(teamAxisAverages(scores, 'no-such-framework', 'self')).toEqual([]);
  });
});
