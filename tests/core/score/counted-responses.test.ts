import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../../src/core/model/response.ts';
import { countResponses, countSubjectResponses } from '../../../src/core/score/counted-responses.ts';
import { createSeenResponseIds } from '../../../src/core/score/seen-response-ids.ts';
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

/** What "counts once" means, written the plain way: the first response of each id, in order. */
function firstOfEachId(responses: readonly SurveyResponse[]): SurveyResponse[] {
  const seen = new Set<string>();
  return responses.filter((r) => !seen.has(r.responseId) && seen.add(r.responseId) !== undefined);
}

describe('countSubjectResponses with one table of seen ids for a whole cohort (seen-response-ids.ts)', () => {
  it('counts each id once for subject after subject, however many responses and repeats each has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.boolean()), { maxLength: 300 }), { minLength: 1, maxLength: 6 }),
        (subjects) => {
          const seen = createSeenResponseIds();
          subjects.forEach((ids, s) => {
            const subject = `learner-${s}`;
            const responses = ids.map(([id, self]) => response({ group: self ? 'self' : 'peer', framework, id, subject }));
            const { counted, selves } = countSubjectResponses(responses, subject, framework.id, seen);
            const once = firstOfEachId(responses);
            expect(counted.filter((r) => r.raterGroup !== 'self')).toEqual(once.filter((r) => r.raterGroup !== 'self'));
            expect(new Set(selves)).toEqual(new Set(once.filter((r) => r.raterGroup === 'self')));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays right, and linear, for ids crafted to look alike where the table looks (same length, same first two and last four characters)', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `ab${String(i).padStart(8, '0')}wxyz`);
    const responses = [...ids, ...ids.slice(0, 100)].map((id) => response({ group: 'peer', framework, id }));
    const { counted } = countSubjectResponses(responses, 'learner-1', framework.id);
    expect(counted).toHaveLength(5_000);
    expect(counted).toEqual(responses.slice(0, 5_000));
  });
});
