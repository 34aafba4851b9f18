import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import { RATER_GROUPS, type SurveyResponse } from '../../../src/core/model/response.ts';
import { MIN_GROUP_RESPONSES } from '../../../src/core/score/thresholds.ts';
import { scoreCohort, scoreCohortWithReliability } from '../../../src/core/score/score-cohort.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';
import { levelled, levelledWithDomains, response } from './fixtures.ts';

const domains = levelledWithDomains();
const frameworks = new Map([[domains.id, domains]]);
const subjects = ['ana', 'ben', 'cy'];

/** Random responses for three subjects: any group, any mix of ratings, N/A and unanswered. */
const responsesArb = fc
  .array(
    fc.record({
      subject: fc.constantFrom(...subjects),
      group: fc.constantFrom(...RATER_GROUPS),
      minute: fc.integer({ min: 0, max: 59 }),
      answers: fc.array(fc.constantFrom<Rating | 'NA' | undefined>(1, 2, 3, 4, 'NA', undefined), {
        minLength: domains.statements.length,
        maxLength: domains.statements.length,
      }),
    }),
    { maxLength: 30 },
  )
  .map((specs) =>
    specs.map((spec, i) =>
      response({
        id: `r-${i}`,
        subject: spec.subject,
        group: spec.group,
        framework: domains,
        at: `2026-03-01T10:${String(spec.minute).padStart(2, '0')}:00Z`,
        answers: Object.fromEntries(
          domains.statements.flatMap((s, k) => (spec.answers[k] === undefined ? [] : [[s.id, spec.answers[k]!]])),
        ),
        comments: { general: `comment ${i}` },
      }),
    ),
  );

describe('scoreCohort', () => {
  it('gives one score per subject and framework, sorted by subject then framework', () => {
    const small = levelled(1, 'a-framework');
    const all = new Map([
      [small.id, small],
      [domains.id, domains],
    ]);
    const responses = [
      response({ group: 'self', subject: 'zoe', framework: small }),
      response({ group: 'self', subject: 'amy', framework: domains }),
      response({ group: 'peer', subject: 'amy', framework: small }),
    ];
    expect(scoreCohort(all, responses).map((s) => `${s.subjectId}/${s.frameworkId}`)).toEqual([
      'amy/a-framework',
      'amy/test-domains',
      'zoe/a-framework',
    ]);
  });

  it('throws on a response for a framework it was not given: the caller must refuse it', () => {
    expect(() => scoreCohort(frameworks, [response({ group: 'self', framework: 'unknown' })])).toThrow(/unknown/);
    // After responses of a framework it was given, and with an empty id, all the same.
    const known = [...frameworks.values()][0]!;
    expect(() => scoreCohort(frameworks, [response({ group: 'self', framework: known }), response({ group: 'peer', framework: 'unknown' })])).toThrow(/unknown/);
    expect(() => scoreCohort(frameworks, [response({ group: 'self', framework: '' })])).toThrow(/which was not given/);
  });

  it('gives the same figures whatever the order of the responses', () => {
    fc.assert(
      fc.property(responsesArb, fc.integer(), (responses, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(responses, { minLength: responses.length }), { numRuns: 1, seed })[0]!;
        expect(scoreCohort(frameworks, shuffled)).toEqual(scoreCohort(frameworks, responses));
      }),
    );
  });

  it("changes no other subject's figures when a response is added for one", () => {
    fc.assert(
      fc.property(responsesArb, responsesArb, (responses, extra) => {
        const added = extra.slice(0, 1).map((r): SurveyResponse => ({ ...r, responseId: 'added', subjectId: 'ana' }));
        const before = scoreCohort(frameworks, responses).filter((s) => s.subjectId !== 'ana');
        const after = scoreCohort(frameworks, [...responses, ...added]).filter((s) => s.subjectId !== 'ana');
        expect(after).toEqual(before);
      }),
    );
  });

  it('shows no group but self and manager with fewer than 3 responses, and never a remainder of 1 or 2', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        for (const score of scoreCohort(frameworks, responses)) {
          const { shown } = score.visibility;
          for (const group of shown) {
            if (group !== 'self' && group !== 'manager') expect(score.responseCounts[group]).toBeGreaterThanOrEqual(MIN_GROUP_RESPONSES);
          }
          if (shown.includes('others')) {
            // What subtracting every group shown on its own from `others` would give away.
            const own = (['manager', 'peer', 'direct-report', 'other'] as const).filter((g) => shown.includes(g));
            const remainder = score.responseCounts.others - own.reduce((sum, g) => sum + score.responseCounts[g], 0);
            expect([1, 2]).not.toContain(remainder);
          }
          // A group not shown has no figure anywhere.
          for (const axis of score.axes) expect(axis.groups.map((g) => g.group)).toEqual(shown);
          expect(score.comments.map((c) => c.group)).toEqual(shown);
        }
      }),
    );
  });

  it('keeps percent within 0-100 and coverage within 0-1', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        for (const score of scoreCohort(frameworks, responses)) {
          for (const group of score.axes.flatMap((a) => a.groups)) {
            if (group.percent !== null) {
              expect(group.percent).toBeGreaterThanOrEqual(0);
              expect(group.percent).toBeLessThanOrEqual(100);
            }
            expect(group.coverage).toBeGreaterThanOrEqual(0);
            expect(group.coverage).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

describe('scoreCohort, however the answers are kept', () => {
  it("gives the same scores for answers kept in the framework's order and in any other order", () => {
    fc.assert(
      fc.property(responsesArb, fc.integer(), (responses, seed) => {
        // The same answers kept in an order of their own (reversed or sorted), which scoring reads by id.
        const reordered = responses.map((r): SurveyResponse => {
          const entries = [...r.answers];
          const shuffled = seed % 2 === 0 ? entries.reverse() : entries.sort((a, b) => (a[0] < b[0] ? 1 : -1));
          return { ...r, answers: answersFromEntries(shuffled) };
        });
        expect(scoreCohortWithReliability(frameworks, reordered)).toEqual(scoreCohortWithReliability(frameworks, responses));
      }),
    );
  });
});
