import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import type { RaterGroup } from '../../../src/core/model/response.ts';
import { agreementBand, describeAgreement, rwgFromSd } from '../../../src/core/score/agreement.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { levelled, response } from './fixtures.ts';

const framework = levelled(1);

/** The others' r_wg and sd of emerging-01, rated by these peers (and a self response). */
function othersOf(ratings: readonly (Rating | 'NA')[], group: RaterGroup = 'peer') {
  const responses = [
    response({ group: 'self', framework, answers: { 'emerging-01': 3 } }),
    ...ratings.map((rating) => response({ group, framework, answers: { 'emerging-01': rating } })),
  ];
  const row = scoreSubject(framework, responses, 'learner-1').statements[0]!;
  return { rwg: row.othersRwg, sd: row.othersSd, raters: row.othersRaters };
}

describe('rater agreement per statement (r_wg)', () => {
  it('is 1 - s² / 1.25 with the sample variance of the others\' ratings', () => {
    // Peers 3, 3, 2: mean 8/3; deviations 1/3, 1/3, -2/3; squares 1/9 + 1/9 + 4/9 = 6/9;
    // s² = (6/9) / (3 - 1) = 1/3; r_wg = 1 - (1/3) / 1.25 = 1 - 4/15 = 11/15 = 0.7333...: strong.
    const { rwg } = othersOf([3, 3, 2]);
    expect(rwg).toBeCloseTo(11 / 15, 15);
    expect(agreementBand(rwg!)).toBe('strong');
    expect(describeAgreement(rwg!)).toBe('strong agreement');
  });

  it('is 1 when every rater gives the same rating', () => {
    // 2, 2, 2, 2: s² = 0, r_wg = 1 - 0 / 1.25 = 1.
    expect(othersOf([2, 2, 2, 2]).rwg).toBe(1);
    expect(agreementBand(1)).toBe('very-strong');
  });

  it('is floored at 0 when raters split between the ends of the scale', () => {
    // 1, 4, 1, 4: mean 2.5, every deviation ±1.5, squares 4 × 2.25 = 9; s² = 9 / 3 = 3;
    // 1 - 3 / 1.25 = -1.4, below 0: 0, no agreement.
    const { rwg } = othersOf([1, 4, 1, 4]);
    expect(rwg).toBe(0);
    expect(describeAgreement(rwg!)).toBe('no agreement');
  });

  it('leaves N/A out and needs at least 3 ratings', () => {
    // 4, 4 and a "Not observed": two ratings, no r_wg (the sd of two is still given).
    expect(othersOf([4, 4, 'NA'])).toEqual({ rwg: null, sd: 0, raters: 2 });
    // 4, 4, 3 and a "Not observed": s² of 4, 4, 3 = (1/9 + 1/9 + 4/9) / 2 = 1/3, as above.
    expect(othersOf([4, 4, 3, 'NA']).rwg).toBeCloseTo(11 / 15, 15);
  });

  it('counts every rater group in others, manager included', () => {
    const responses = [
      response({ group: 'manager', framework, answers: { 'emerging-01': 2 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 4 } }),
      response({ group: 'direct-report', framework, answers: { 'emerging-01': 3 } }),
    ];
    // Others is the manager, the two peers and the direct report: 2, 3, 4, 3, mean 3;
    // s² = (1 + 0 + 1 + 0) / 3 = 2/3; r_wg = 1 - (2/3) / 1.25 = 1 - 8/15 = 7/15 = 0.4667: weak.
    const row = scoreSubject(framework, responses, 'learner-1').statements[0]!;
    expect(row.othersRwg).toBeCloseTo(7 / 15, 15);
    expect(describeAgreement(row.othersRwg!)).toBe('weak agreement');
  });

  it('is not given where others is not shown', () => {
    // A manager and one peer: others has 2 responses, under its threshold of 3, so it is hidden.
    const responses = [
      response({ group: 'manager', framework, answers: { 'emerging-01': 3 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3 } }),
    ];
    const row = scoreSubject(framework, responses, 'learner-1').statements[0]!;
    expect(row.othersRaters).toBe(2);
    expect(row.othersRwg).toBeNull();
  });

  it('names the bands of LeBreton and Senter by the figure shown at 2 decimals', () => {
    const bands = [0, 0.3, 0.304, 0.305, 0.5, 0.51, 0.7, 0.705, 0.9, 0.91, 1].map(agreementBand);
    expect(bands).toEqual(['none', 'none', 'none', 'weak', 'weak', 'moderate', 'moderate', 'strong', 'strong', 'very-strong', 'very-strong']);
  });

  it('stays within 0 and 1, and a signed report\'s sd and count give back the very same number', () => {
    const ratings = fc.array(fc.constantFrom<Rating>(1, 2, 3, 4), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(ratings, (given) => {
        const { rwg, sd, raters } = othersOf(given);
        if (given.length < 3) {
          expect(rwg).toBeNull();
          return;
        }
        expect(rwg).not.toBeNull();
        expect(rwg!).toBeGreaterThanOrEqual(0);
        expect(rwg!).toBeLessThanOrEqual(1);
        // A report carries the others' sd (unrounded) and their count, nothing per rater.
        expect(rwgFromSd(sd, raters)).toBe(rwg);
        // And it is the formula: 1 - s² / 1.25, floored at 0.
        expect(rwg!).toBeCloseTo(Math.max(0, 1 - (sd! * sd!) / 1.25), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a crafted report\'s figures a number in range, never NaN', () => {
    expect(rwgFromSd(2.2, Number.MAX_SAFE_INTEGER)).toBe(0);
    expect(rwgFromSd(0, Number.MAX_SAFE_INTEGER)).toBe(1);
    expect(rwgFromSd(Number.NaN, 5)).toBeNull();
    expect(rwgFromSd(0.5, 2)).toBeNull();
    expect(rwgFromSd(null, 10)).toBeNull();
  });
});
