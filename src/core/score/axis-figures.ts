import { LEVEL_IDS } from '../model/framework.ts';
import { type AttainedLevel, attainLevel } from './attained-level.ts';
import { type FigureBlocks, takeFigures } from './figure-column.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { gapOf } from './gaps.ts';
import { coverageOf, meanOf, percentOf, type RatingPools, sampleSd } from './pooled-stats.ts';
import type { RatingTally } from './rating-tally.ts';
import { OTHERS, SCORE_GROUPS, type ScoreGroup, SELF } from './score-groups.ts';
import type { AxisGroupScore, AxisScore } from './subject-score.ts';

/**
 * What every figure of every axis of one subject is worked out from, for its shown groups, by
 * column, as statement-figures.ts keeps the statements' and for the same reason: the AxisScore
 * objects, and the figures only they show, are made when read. Column k of axis a and the i-th
 * shown group is at ((a * shown + i) * COLUMNS + k).
 */
export type AxisFigures = { shown: readonly number[]; figures: Float64Array };

const RATERS = 0;
const RATINGS = 1;
const SUM = 2;
const SQUARES = 3;
/** Statements of the axis the group rated (for coverage). */
const RATED = 4;
const ATTAINED = 5;
const COLUMNS = 6;

/** NOT_YET in the ATTAINED column; a level is its index in LEVEL_IDS. */
const NOT_YET = -1;

/**
 * The sums of DESIGN.md "Axis mean" and "Coverage", and the "Attained level", for the shown
 * groups (SCORE_GROUPS indexes).
 */
export function computeAxisFigures(index: FrameworkIndex, tally: RatingTally, pools: RatingPools, shown: readonly number[], blocks: FigureBlocks): AxisFigures {
  const axisCount = index.axes.length;
  const groups = shown.length;
  const figures = takeFigures(blocks, axisCount * groups * COLUMNS);
  for (let a = 0; a < axisCount; a += 1) {
    for (let i = 0; i < groups; i += 1) {
      const g = shown[i] as number;
      const at = (a * groups + i) * COLUMNS;
      const j = g * pools.setCount + a;
      figures[at + RATERS] = tally.axisRaters[g * tally.axisCount + a]!;
      figures[at + RATINGS] = pools.ratings[j]!;
      figures[at + SUM] = pools.sum[j]!;
      figures[at + SQUARES] = pools.sumSquares[j]!;
      figures[at + RATED] = pools.rated[j]!;
      figures[at + ATTAINED] = attainedCode(attainLevel(index, tally, pools, g, a));
    }
  }
  return { shown, figures };
}

/** The attained level of the i-th shown group on axis a (null on level axes). */
export function attainedLevelAt({ shown, figures }: AxisFigures, a: number, i: number): AttainedLevel | null {
  return attainedOf(figures[(a * shown.length + i) * COLUMNS + ATTAINED] ?? Number.NaN);
}

/** Every axis's AxisScore, in axis order, worked out from its columns by the functions of pooled-stats.ts. */
export function axisScoresOf(index: FrameworkIndex, { shown, figures }: AxisFigures): AxisScore[] {
  const axisCount = index.axes.length;
  const groups = shown.length;
  const selfAt = shown.indexOf(SELF);
  const othersAt = shown.indexOf(OTHERS);
  const axes = new Array<AxisScore>(axisCount);
  for (let a = 0; a < axisCount; a += 1) {
    const axis = index.axes[a] as (typeof index.axes)[number];
    const size = index.setSize[a]!;
    const scores = new Array<AxisGroupScore>(groups);
    for (let i = 0; i < groups; i += 1) {
      const at = (a * groups + i) * COLUMNS;
      const ratings = figures[at + RATINGS]!;
      const sum = figures[at + SUM]!;
      const mean = meanOf(ratings, sum);
      scores[i] = {
        group: SCORE_GROUPS[shown[i] as number] as ScoreGroup,
        raters: figures[at + RATERS]!,
        ratings,
        mean,
        percent: percentOf(mean),
        sd: sampleSd(ratings, sum, figures[at + SQUARES]!),
        coverage: coverageOf(figures[at + RATED]!, size),
        attainedLevel: attainedOf(figures[at + ATTAINED]!),
      };
    }
    const self = selfAt === -1 ? null : (scores[selfAt]?.mean ?? null);
    const others = othersAt === -1 ? null : (scores[othersAt]?.mean ?? null);
    axes[a] = { kind: axis.kind, id: axis.id, groups: scores, gap: gapOf(self, others) };
  }
  return axes;
}

function attainedCode(level: AttainedLevel | null): number {
  if (level === null) return Number.NaN;
  return level === 'not-yet' ? NOT_YET : LEVEL_IDS.indexOf(level);
}

function attainedOf(code: number): AttainedLevel | null {
  if (Number.isNaN(code)) return null;
  return code === NOT_YET ? 'not-yet' : (LEVEL_IDS[code] ?? null);
}
