import { LEVEL_IDS } from '../model/framework.ts';
import { type AttainedLevel, attainLevel } from './attained-level.ts';
import { figureAt, type FigureBlocks, takeFigures } from './figure-column.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { gapOf } from './gaps.ts';
import { percentOf, poolCoverage, poolMean, poolSd, type RatingPools } from './pooled-stats.ts';
import type { RatingTally } from './rating-tally.ts';
import { OTHERS, SCORE_GROUPS, type ScoreGroup, SELF } from './score-groups.ts';
import type { AxisGroupScore, AxisScore } from './subject-score.ts';

/**
 * Every figure of every axis of one subject for its shown groups, by column, as
 * statement-figures.ts keeps the statements' and for the same reason: the AxisScore objects are
 * made when read. Figure k of axis a and the i-th shown group is at ((a * shown + i) * FIGURES + k);
 * each axis's gap follows them all, at (axes * shown * FIGURES + a). NaN stands for null.
 */
export type AxisFigures = { shown: readonly number[]; figures: Float64Array };

const RATERS = 0;
const RATINGS = 1;
const MEAN = 2;
const PERCENT = 3;
const SD = 4;
const COVERAGE = 5;
const ATTAINED = 6;
const FIGURES = 7;

/** NOT_YET in the ATTAINED column; a level is its index in LEVEL_IDS. */
const NOT_YET = -1;

/** DESIGN.md "Axis mean", "Coverage", "Attained level" and "Gap" for the shown groups (SCORE_GROUPS indexes). */
export function computeAxisFigures(index: FrameworkIndex, tally: RatingTally, pools: RatingPools, shown: readonly number[], blocks: FigureBlocks): AxisFigures {
  const axisCount = index.axes.length;
  const groups = shown.length;
  const figures = takeFigures(blocks, axisCount * (groups * FIGURES + 1));
  const gaps = axisCount * groups * FIGURES;
  const selfShown = shown.includes(SELF);
  const othersShown = shown.includes(OTHERS);
  for (let a = 0; a < axisCount; a += 1) {
    for (let i = 0; i < groups; i += 1) {
      const g = shown[i] as number;
      const at = (a * groups + i) * FIGURES;
      const mean = poolMean(pools, g, a);
      figures[at + RATERS] = tally.axisRaters[g * tally.axisCount + a] ?? 0;
      figures[at + RATINGS] = pools.ratings[g * pools.setCount + a] ?? 0;
      figures[at + MEAN] = mean ?? Number.NaN;
      figures[at + PERCENT] = percentOf(mean) ?? Number.NaN;
      figures[at + SD] = poolSd(pools, g, a) ?? Number.NaN;
      figures[at + COVERAGE] = poolCoverage(pools, g, a);
      figures[at + ATTAINED] = attainedCode(attainLevel(index, tally, pools, g, a));
    }
    const self = selfShown ? poolMean(pools, SELF, a) : null;
    const others = othersShown ? poolMean(pools, OTHERS, a) : null;
    figures[gaps + a] = gapOf(self, others) ?? Number.NaN;
  }
  return { shown, figures };
}

/** The attained level of the i-th shown group on axis a (null on level axes). */
export function attainedLevelAt({ shown, figures }: AxisFigures, a: number, i: number): AttainedLevel | null {
  return attainedOf(figures[(a * shown.length + i) * FIGURES + ATTAINED] ?? Number.NaN);
}

/** Every axis's AxisScore, in axis order, from its figures. */
export function axisScoresOf(index: FrameworkIndex, { shown, figures }: AxisFigures): AxisScore[] {
  const axisCount = index.axes.length;
  const groups = shown.length;
  const gaps = axisCount * groups * FIGURES;
  const axes = new Array<AxisScore>(axisCount);
  for (let a = 0; a < axisCount; a += 1) {
    const axis = index.axes[a] as (typeof index.axes)[number];
    const scores = new Array<AxisGroupScore>(groups);
    for (let i = 0; i < groups; i += 1) {
      const at = (a * groups + i) * FIGURES;
      scores[i] = {
        group: SCORE_GROUPS[shown[i] as number] as ScoreGroup,
        raters: figures[at + RATERS] ?? 0,
        ratings: figures[at + RATINGS] ?? 0,
        mean: figureAt(figures, at + MEAN),
        percent: figureAt(figures, at + PERCENT),
        sd: figureAt(figures, at + SD),
        coverage: figures[at + COVERAGE] ?? 0,
        attainedLevel: attainedOf(figures[at + ATTAINED] ?? Number.NaN),
      };
    }
    axes[a] = { kind: axis.kind, id: axis.id, groups: scores, gap: figureAt(figures, gaps + a) };
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
