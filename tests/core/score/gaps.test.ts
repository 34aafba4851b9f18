import { describe, expect, it } from 'vitest';
import { flagGap, gapOf } from '../../../src/core/score/gaps.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { levelled, response } from './fixtures.ts';

describe('gaps', () => {
  const framework = levelled(1);

  it('flags a blind spot when self is a point or more above others, with their agreement', () => {
    // self 4; peers 3, 3, 2: others 8/3, gap 4/3; sd: deviations 1/3, 1/3, -2/3 -> (6/9) / 2 = 1/3.
    const responses = [
      response({ group: 'self', framework, answers: { 'emerging-01': 4 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 2, 'developing-01': 'NA' } }),
    ];
    const row = scoreSubject(framework, responses, 'learner-1').statements[0]!;
    expect(row.self).toBe(4);
    expect(row.others).toBeCloseTo(8 / 3, 12);
    expect(row.gap).toBeCloseTo(4 / 3, 12);
    expect(row.othersRaters).toBe(3);
    expect(row.othersSd).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(row.flag).toBe('blind-spot');
  });

  it('flags a hidden strength at exactly one point below others', () => {
    const responses = [
      response({ group: 'self', framework, answers: { 'emerging-01': 2 } }),
      ...['a', 'b', 'c'].map(() => response({ group: 'peer', framework, answers: { 'emerging-01': 3 } })),
    ];
    const score = scoreSubject(framework, responses, 'learner-1');
    expect(score.statements[0]).toMatchObject({ gap: -1, flag: 'hidden-strength', othersSd: 0 });
    // The axis gap is the same self mean minus others mean.
    expect(score.axes.find((a) => a.id === 'emerging')?.gap).toBe(-1);
  });

  it('does not let float noise flip a flag', () => {
    // 2.3 - 1.3 is 0.9999999999999998 in doubles: still a whole point.
    expect(gapOf(2.3, 1.3)).toBeLessThan(1);
    expect(flagGap(gapOf(2.3, 1.3))).toBe('blind-spot');
    expect(flagGap(gapOf(1.3, 2.3))).toBe('hidden-strength');
    expect(flagGap(0.99)).toBeNull();
    expect(flagGap(null)).toBeNull();
  });

  it('gives no gap where others is not shown', () => {
    const responses = [
      response({ group: 'self', framework, answers: { 'emerging-01': 4 } }),
      response({ group: 'manager', framework, answers: { 'emerging-01': 1 } }),
    ];
    const score = scoreSubject(framework, responses, 'learner-1');
    // DESIGN.md blanks others, gap and others_sd; others_raters stays a count (here the one manager).
    expect(score.statements[0]).toMatchObject({ others: null, gap: null, othersRaters: 1, othersSd: null, flag: null });
    expect(score.axes[0]?.gap).toBeNull();
  });
});
