import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../../src/core/model/response.ts';
import { cronbachAlpha, scoreReliability } from '../../../src/core/score/reliability.ts';
import { scoreCohortWithReliability } from '../../../src/core/score/score-cohort.ts';
import { levelled, levelledWithDomains, response } from './fixtures.ts';

// levelled(2): each level axis has 2 statements (emerging-01, emerging-02, ...); the framework 8.
const framework = levelled(2);
const frameworks = new Map([[framework.id, framework]]);

/** One response per pair, rating emerging-01 and emerging-02 only. */
function emerging(pairs: readonly (readonly [Rating | 'NA', Rating | 'NA'])[], group: RaterGroup = 'peer'): SurveyResponse[] {
  return pairs.map(([first, second], i) =>
    response({ group, framework, subject: `learner-${i % 3}`, answers: { 'emerging-01': first, 'emerging-02': second } }),
  );
}

/** Ten pairs, worked out by hand below. */
const TEN: readonly (readonly [Rating, Rating])[] = [[1, 1], [2, 2], [3, 3], [4, 4], [1, 2], [2, 1], [3, 4], [4, 3], [2, 2], [3, 3]];

const axisOf = (rows: ReturnType<typeof scoreReliability>, id: string) => rows.find((row) => row.id === id);

describe("Cronbach's alpha per axis", () => {
  it('is k / (k - 1) × (1 - Σ item variances / variance of the totals), worked by hand', () => {
    // Item 1: 1 2 3 4 1 2 3 4 2 3: Σ 25, Σx² 73, variance (73 - 25²/10) / 9 = 10.5 / 9.
    // Item 2: 1 2 3 4 2 1 4 3 2 3: Σ 25, Σx² 73, variance 10.5 / 9.
    // Totals: 2 4 6 8 3 3 7 7 4 6: Σ 50, Σx² 288, variance (288 - 250) / 9 = 38 / 9.
    // alpha = 2 / 1 × (1 - (21/9) / (38/9)) = 2 × 17/38 = 17/19 = 0.8947...
    const emergingAxis = axisOf(scoreReliability(frameworks, emerging(TEN)), 'emerging');
    expect(emergingAxis).toMatchObject({ frameworkId: framework.id, kind: 'level', statements: 2, responses: 10 });
    expect(emergingAxis?.alpha).toBeCloseTo(17 / 19, 14);
  });

  it('uses only responses that rated every statement of the axis: N/A or unanswered leaves one out', () => {
    const rows = scoreReliability(frameworks, [...emerging(TEN), ...emerging([[4, 'NA'], [1, 'NA']])]);
    // Twelve responses, ten rated both statements: the same alpha as above.
    expect(axisOf(rows, 'emerging')).toMatchObject({ responses: 10 });
    expect(axisOf(rows, 'emerging')?.alpha).toBeCloseTo(17 / 19, 14);
    // None of them rated all 8 statements: no alpha for the framework, and its row says why.
    expect(rows[0]).toEqual({ frameworkId: framework.id, kind: 'framework', id: 'all', statements: 8, responses: 0, alpha: null });
  });

  it('is empty under 10 responses, with a single statement, or when the totals do not vary', () => {
    expect(axisOf(scoreReliability(frameworks, emerging(TEN.slice(0, 9))), 'emerging')).toMatchObject({ responses: 9, alpha: null });
    // Totals all 4 (1 + 3, 3 + 1, 2 + 2): variance 0, no alpha (it would divide by zero).
    const flat = emerging([[1, 3], [3, 1], [2, 2], [1, 3], [3, 1], [2, 2], [1, 3], [3, 1], [2, 2], [2, 2]]);
    expect(axisOf(scoreReliability(frameworks, flat), 'emerging')).toMatchObject({ responses: 10, alpha: null });
    // levelled(1): one statement per level; k = 1 has no alpha.
    const single = levelled(1, 'single');
    const ones = Array.from({ length: 12 }, (_, i) => response({ group: 'peer', framework: single, answers: { 'emerging-01': ((i % 4) + 1) as Rating } }));
    expect(axisOf(scoreReliability(new Map([[single.id, single]]), ones), 'emerging')).toEqual({ frameworkId: 'single', kind: 'level', id: 'emerging', statements: 1, responses: 0, alpha: null });
  });

  it('can be negative when the statements pull against each other', () => {
    // (1, 4) four times, (4, 1) four times, (2, 2) and (3, 3).
    // Item 1: 1 1 1 1 4 4 4 4 2 3: Σ 25, Σx² 4 + 64 + 4 + 9 = 81, variance (81 - 62.5) / 9 = 18.5/9.
    // Item 2: 4 4 4 4 1 1 1 1 2 3: the same, 18.5/9. Totals: 5 ×8, 4, 6: Σ 50, Σx² 200 + 16 + 36 = 252,
    // variance (252 - 250) / 9 = 2/9. alpha = 2 × (1 - 37/2) = 2 × -35/2 = -35.
    const pulling = emerging([[1, 4], [1, 4], [1, 4], [1, 4], [4, 1], [4, 1], [4, 1], [4, 1], [2, 2], [3, 3]]);
    expect(axisOf(scoreReliability(frameworks, pulling), 'emerging')?.alpha).toBeCloseTo(-35, 12);
  });

  it('counts every response once, every group and subject, earlier self-assessments included', () => {
    const tenAcross = [...emerging(TEN.slice(0, 5), 'manager'), ...emerging(TEN.slice(5, 8), 'self'), ...emerging(TEN.slice(8), 'direct-report')];
    const alone = axisOf(scoreReliability(frameworks, tenAcross), 'emerging');
    // The same responses imported twice (same response_id) count once.
    const twice = axisOf(scoreReliability(frameworks, [...tenAcross, ...tenAcross.map((r) => ({ ...r }))]), 'emerging');
    expect(twice).toEqual(alone);
    expect(alone?.alpha).toBeCloseTo(17 / 19, 14);
    // Two self-assessments of one learner are both counted (scoring counts only the latest).
    const earlier = response({ group: 'self', framework, subject: 'learner-9', at: '2026-01-01T00:00:00Z', answers: { 'emerging-01': 1, 'emerging-02': 2 } });
    const latest = response({ group: 'self', framework, subject: 'learner-9', at: '2026-05-01T00:00:00Z', answers: { 'emerging-01': 3, 'emerging-02': 3 } });
    expect(axisOf(scoreReliability(frameworks, [...tenAcross, earlier, latest]), 'emerging')?.responses).toBe(12);
  });

  it('gives the same figures from the scoring pass as on its own', () => {
    const domains = levelledWithDomains();
    const both = new Map([[framework.id, framework], [domains.id, domains]]);
    const ratingArb = fc.constantFrom<Rating | 'NA' | 'absent'>(1, 2, 3, 4, 4, 3, 'NA', 'absent');
    const responseArb = fc.record({
      fw: fc.constantFrom(framework, domains),
      subject: fc.constantFrom('ana', 'ben', 'cy'),
      group: fc.constantFrom<RaterGroup>('self', 'self', 'manager', 'peer', 'other'),
      day: fc.integer({ min: 1, max: 28 }),
      answers: fc.array(ratingArb, { minLength: 8, maxLength: 8 }),
    }).map(({ fw, subject, group, day, answers }) => {
      const given: Record<string, Rating | 'NA'> = {};
      fw.statements.forEach((statement, i) => {
        const answer = answers[i];
        if (answer !== undefined && answer !== 'absent') given[statement.id] = answer;
      });
      return response({ group, framework: fw, subject, at: `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`, answers: given });
    });
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 60 }), (responses) => {
        const withDuplicates = [...responses, ...responses.slice(0, 5)];
        expect(scoreCohortWithReliability(both, withDuplicates).reliability).toEqual(scoreReliability(both, withDuplicates));
      }),
      { numRuns: 150 },
    );
  });

  it('never exceeds 1, even when every response rates all statements alike', () => {
    // Each response rates both statements the same, x and x: each item's variance is v, the
    // totals' (2x) is 4v, so alpha = 2 × (1 - 2v / 4v) = 1, exactly.
    const same = emerging(TEN.map(([first]) => [first, first] as const));
    expect(axisOf(scoreReliability(frameworks, same), 'emerging')?.alpha).toBe(1);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<Rating>(1, 2, 3, 4), fc.constantFrom<Rating>(1, 2, 3, 4)), { minLength: 10, maxLength: 40 }),
        fc.boolean(),
        (pairs, mirror) => {
          const rows = scoreReliability(frameworks, emerging(mirror ? pairs.map(([a]) => [a, a] as const) : pairs));
          for (const row of rows) if (row.alpha !== null) expect(row.alpha).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
    // And the formula's own guard holds for spreads past exact integers.
    expect(cronbachAlpha(84, 1e9, 1e17, 1e17 * 84)).toBeLessThanOrEqual(1);
  });
});
