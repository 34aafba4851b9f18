import { describe, expect, it } from 'vitest';
import { createFigureBlocks, takeFigures } from '../../../src/core/score/figure-column.ts';
import { indexFramework } from '../../../src/core/score/framework-index.ts';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { syntheticResponses } from '../../bench/synthetic-data.ts';
import { builtinFrameworks } from '../../support/builtin-frameworks.ts';

/**
 * Issue 13: a cohort's scores keep their figures by column and make the axis and statement
 * objects when read. What a reader must never notice: when they are made, or that the working
 * arrays they were computed in were reused for every later subject.
 */
describe('scores kept by column', () => {
  const framework = builtinFrameworks().find((f) => f.id === 'css-durable-skills')!;
  const frameworks = new Map([[framework.id, framework]]);
  const responses = syntheticResponses(framework, { subjects: 40, responses: 600, seed: 13 });

  it('gives every subject of a cohort, read after the whole cohort was scored, the figures it has when scored alone', () => {
    const cohort = scoreCohort(frameworks, responses);
    expect(cohort).toHaveLength(40);
    for (const score of cohort) {
      const alone = scoreSubject(framework, responses, score.subjectId);
      expect(score.axes).toEqual(alone.axes);
      expect(score.statements).toEqual(alone.statements);
      expect(score.developmentPlan).toEqual(alone.developmentPlan);
      expect(score.strengths).toEqual(alone.strengths);
      expect(score.change?.axes ?? null).toEqual(alone.change?.axes ?? null);
      expect(score.change?.statements ?? null).toEqual(alone.change?.statements ?? null);
    }
    // The synthetic cohort has retakes, so the change since the last self-assessment was compared
    // too, and plans and strengths of every length, none included.
    expect(cohort.some((score) => score.change !== null)).toBe(true);
    expect(cohort.some((score) => score.developmentPlan.length > 1 && score.strengths.length > 1)).toBe(true);
    expect(cohort.some((score) => score.strengths.length === 0)).toBe(true);
  });

  it("gives every subject a rater group's plan and strengths, from arrays reused subject after subject, as when scored alone", () => {
    const cohort = scoreCohort(frameworks, responses, { planGroup: 'peer' });
    for (const score of cohort) {
      const alone = scoreSubject(framework, responses, score.subjectId, { planGroup: 'peer' });
      expect(score.developmentPlan).toEqual(alone.developmentPlan);
      expect(score.strengths).toEqual(alone.strengths);
    }
    expect(cohort.filter((score) => score.strengths.length > 0 && score.developmentPlan.length > 0).length).toBeGreaterThan(5);
  });

  it('keeps axes and statements as own enumerable properties: JSON, spreading and a second read see the same', () => {
    const [score] = scoreCohort(frameworks, responses);
    expect(Object.keys(score!)).toEqual(expect.arrayContaining(['axes', 'statements', 'developmentPlan', 'strengths', 'change']));
    const copy = JSON.parse(JSON.stringify(score)) as typeof score;
    expect(copy!.statements).toHaveLength(framework.statements.length);
    expect(copy!.statements).toEqual(score!.statements);
    expect(copy!.developmentPlan).toEqual(score!.developmentPlan);
    expect({ ...score! }.strengths).toBe(score!.strengths);
    expect({ ...score! }.axes).toBe(score!.axes);
    expect(score!.statements).toBe(score!.statements);
  });
});

describe("ScoreOptions.objects: 'at-once', as npm run score asks", () => {
  const framework = builtinFrameworks().find((f) => f.id === 'css-durable-skills')!;
  const frameworks = new Map([[framework.id, framework]]);
  const responses = syntheticResponses(framework, { subjects: 30, responses: 450, seed: 31 });

  it('makes every object while it scores, as plain properties, equal to those made when read', () => {
    const atOnce = scoreCohort(frameworks, responses, { objects: 'at-once' });
    const whenRead = scoreCohort(frameworks, responses);
    expect(atOnce).toEqual(whenRead);
    for (const score of atOnce) {
      expect(Object.getOwnPropertyDescriptor(score, 'axes')).toHaveProperty('value');
      expect(Object.getOwnPropertyDescriptor(score, 'statements')).toHaveProperty('value');
      if (score.change !== null) expect(Object.getOwnPropertyDescriptor(score.change, 'statements')).toHaveProperty('value');
    }
    expect(Object.getOwnPropertyDescriptor(whenRead[0], 'statements')).toHaveProperty('get');
  });
});

describe('indexFramework: the cells pooling adds', () => {
  it.each(builtinFrameworks().map((f) => [f.id, f] as const))('cuts %s into cells that no pool set splits, and makes every set of whole cells', (_, framework) => {
    const index = indexFramework(framework);
    expect(index.cellOf).toHaveLength(framework.statements.length);
    for (let s = 0; s < index.setCount; s += 1) {
      const positions = [...index.setPositions.subarray(index.setStart[s], index.setStart[s + 1])].sort((a, b) => a - b);
      const cells = new Set(index.setCells.subarray(index.setCellStart[s], index.setCellStart[s + 1]));
      const ofCells = framework.statements.flatMap((_, p) => (cells.has(index.cellOf[p]!) ? [p] : []));
      expect(ofCells).toEqual(positions);
    }
  });
});

describe('takeFigures', () => {
  it('gives a subject scored alone an array of the size it asked, and a cohort arrays cut from shared blocks of at most 256 KB', () => {
    const alone = takeFigures(createFigureBlocks(), 588);
    expect(alone.buffer.byteLength).toBe(588 * 8);

    const blocks = createFigureBlocks();
    const arrays = Array.from({ length: 200 }, () => takeFigures(blocks, 588));
    expect(arrays.every((figures) => figures.length === 588 && figures.every((value) => value === 0))).toBe(true);
    const buffers = new Set(arrays.map((figures) => figures.buffer));
    expect(buffers.size).toBeLessThan(20);
    expect(Math.max(...[...buffers].map((buffer) => buffer.byteLength))).toBeLessThanOrEqual(256 * 1024);
    // No two arrays share a cell.
    arrays[0]!.fill(1);
    expect(arrays.slice(1).every((figures) => figures.every((value) => value === 0))).toBe(true);
  });
});
