import type { Statement } from '../model/framework.ts';
import { othersAgreement, othersRwg } from './agreement.ts';
import { flagGap, gapOf } from './gaps.ts';
import type { RatingTally } from './rating-tally.ts';
import { OTHERS, SELF } from './score-groups.ts';
import { figureAt, type FigureBlocks, takeFigures } from './figure-column.ts';
import type { StatementScore } from './subject-score.ts';

/**
 * What every figure of every statement of one subject is worked out from, by column: column k
 * of statement p is figures[k * n + p]. Scoring a cohort keeps these for every subject, but a
 * reader usually needs few subjects' statements (the team view none, the profile one): the
 * StatementScore objects, 84 per subject with their boxed numbers, were half of a cohort's
 * allocations and most of its garbage collection. statementScoresOf makes them from the
 * columns, each figure by the very function and from the very sums it was computed with before.
 */
export type StatementFigures = Float64Array;

/** Self's mean; NaN when self is not shown or gave no rating. */
const SELF_MEAN = 0;
/** The others' ratings, given even where `others` is hidden (DESIGN.md keeps that count). */
const OTHERS_COUNT = 1;
/** Their sum, and NaN where `others` is not shown; and their sum of squares. */
const OTHERS_SUM = 2;
const OTHERS_SQUARES = 3;
const COLUMNS = 4;

/** The columns of DESIGN.md "Gap" and "Agreement" from a subject's tally. */
export function computeStatementFigures(tally: RatingTally, selfShown: boolean, othersShown: boolean, blocks: FigureBlocks): StatementFigures {
  const n = tally.statementCount;
  const { count, sum, sumSquares } = tally;
  const figures = takeFigures(blocks, COLUMNS * n);
  for (let p = 0; p < n; p += 1) {
    const selfCount = count[SELF * n + p]!;
    figures[SELF_MEAN * n + p] = selfShown && selfCount !== 0 ? sum[SELF * n + p]! / selfCount : Number.NaN;
    figures[OTHERS_COUNT * n + p] = count[OTHERS * n + p]!;
    figures[OTHERS_SUM * n + p] = othersShown ? sum[OTHERS * n + p]! : Number.NaN;
    figures[OTHERS_SQUARES * n + p] = sumSquares[OTHERS * n + p]!;
  }
  return figures;
}

/** The StatementScore of every statement, in framework order, from its columns. */
export function statementScoresOf(statements: readonly Statement[], figures: StatementFigures): StatementScore[] {
  const n = statements.length;
  const scores = new Array<StatementScore>(n);
  for (let p = 0; p < n; p += 1) {
    const statement = statements[p] as Statement;
    const self = figureAt(figures, SELF_MEAN * n + p);
    const count = figures[OTHERS_COUNT * n + p]!;
    const sum = figures[OTHERS_SUM * n + p]!;
    const squares = figures[OTHERS_SQUARES * n + p]!;
    const othersShown = !Number.isNaN(sum);
    const others = othersShown && count !== 0 ? sum / count : null;
    const gap = gapOf(self, others);
    scores[p] = {
      statementId: statement.id,
      level: statement.level,
      domain: statement.domain,
      self,
      others,
      gap,
      othersRaters: count,
      othersSd: othersShown ? othersAgreement(count, sum, squares) : null,
      othersRwg: othersShown ? othersRwg(count, sum, squares) : null,
      flag: flagGap(gap),
    };
  }
  return scores;
}
