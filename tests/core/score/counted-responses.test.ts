import { describe, expect, it } from 'vitest';
import { countResponses } from '../../../src/core/score/counted-responses.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { levelled, many, response } from './fixtures.ts';

const framework = levelled(1);

describe('countResponses', () => {
  it('counts only the latest of two self responses, comparing times as instants', () => {
    // 10:00+02:00 is 08:00Z, earlier than 09:00Z although its text sorts later.
    const early = response({ group: 'self', framework, id: 'self-b', at: '2026-03-01T10:00:00+02:00', answers: { 'emerging-01': 1 } });
    const late = response({ group: 'self', framework, id: 'self-a', at: '2026-03-01T09:00:00Z', answers: { 'emerging-01': 4 } });
    expect(countResponses([late, early], 'learner-1', framework.id)).toEqual([late]);
    const score = scoreSubject(framework, [early, late], 'learner-1');
    expect(score.responseCounts.self).toBe(1);
    expect(score.statements.find((s) => s.statementId === 'emerging-01')?.self).toBe(4);
  });

  it('breaks a tie between self responses at the same instant by the greater response id', () => {
    const a = response({ group: 'self', framework, id: 'self-a', at: '2026-03-01T09:00:00Z' });
    const b = response({ group: 'self', framework, id: 'self-b', at: '2026-03-01T10:00:00+01:00' });
    expect(countResponses([b, a], 'learner-1', framework.id)).toEqual([b]);
    expect(countResponses([a, b], 'learner-1', framework.id)).toEqual([b]);
  });

  it('counts a response imported twice once', () => {
    const peers = many(3, 'peer', framework, 2);
    const [first] = peers;
    const score = scoreSubject(framework, [...peers, first!], 'learner-1');
    expect(score.responseCounts.peer).toBe(3);
    const all = score.axes[0]!.groups.find((g) => g.group === 'peer')!;
    // 3 responses x 4 statements, not 4 x 4.
    expect(all.raters).toBe(3);
    expect(all.ratings).toBe(12);
  });

  it('counts every rater response, and none of another subject or framework', () => {
    const mine = many(2, 'peer', framework, 3);
    const theirs = many(2, 'peer', framework, 3, 'learner-2');
    const otherFramework = response({ group: 'peer', framework: 'another' });
    expect(countResponses([...mine, ...theirs, otherFramework], 'learner-1', framework.id)).toEqual(mine);
  });
});
