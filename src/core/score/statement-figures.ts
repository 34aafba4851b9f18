import type { Statement } from '../model/framework.ts';
import { othersAgreement, othersRwg } from './agreement.ts';
import { flagGap, type GapFlag } from './gaps.ts';
import type { RatingTally } from './rating-tally.ts';
import { OTHERS, SELF } from './score-groups.ts';
import { statementMean } from './statement-means.ts';
import { figureAt, type FigureBlocks, takeFigures } from './figure-column.ts';
import type { StatementScore } from './subject-score.ts';

/**
 * Every figure of every statement of one subject, by column: figure k of statement p is
 * figures[k * n + p], NaN where the StatementScore field is null. Scoring a cohort computes these
 * for every subject, but a reader usually needs few subjects' statements (the team view none,
 * the profile one): the StatementScore objects, 84 per subject with their boxed numbers, were
 * half of a cohort's allocations and most of its garbage collection. statementScoresOf makes them
 * from the columns, with the same values.
 */
export type StatementFigures = Float64Array;

const SELF_MEAN = 0;
const OTHERS_MEAN = 1;
const GAP = 2;
const OTHERS_RATERS = 3;
const OTHERS_SD = 4;
const OTHERS_RWG = 5;
const FLAG = 6;
const FIGURES = 7;

/** By flagCode. */
const FLAGS: readonly (GapFlag | null)[] = [null, 'blind-spot', 'hidden-strength'];

function flagCode(flag: GapFlag | null): number {
  return flag === null ? 0 : flag === 'blind-spot' ? 1 : 2;
}

/** The statement figures of DESIGN.md "Gap" and "Agreement" from a subject's tally. */
export function computeStatementFigures(tally: RatingTally, selfShown: boolean, othersShown: boolean, blocks: FigureBlocks): StatementFigures {
  const n = tally.statementCount;
  const figures = takeFigures(blocks, FIGURES * n);
  for (let p = 0; p < n; p += 1) {
    const self = selfShown ? statementMean(tally, SELF, p) : null;
    const others = othersShown ? statementMean(tally, OTHERS, p) : null;
    const gap = self === null || others === null ? null : self - others;
    figures[SELF_MEAN * n + p] = self ?? Number.NaN;
    figures[OTHERS_MEAN * n + p] = others ?? Number.NaN;
    figures[GAP * n + p] = gap ?? Number.NaN;
    // DESIGN.md blanks only others, gap and others_sd where others is hidden; the count stays.
    figures[OTHERS_RATERS * n + p] = tally.count[OTHERS * n + p] ?? 0;
    figures[OTHERS_SD * n + p] = (othersShown ? othersAgreement(tally, p) : null) ?? Number.NaN;
    figures[OTHERS_RWG * n + p] = (othersShown ? othersRwg(tally, p) : null) ?? Number.NaN;
    figures[FLAG * n + p] = flagCode(flagGap(gap));
  }
  return figures;
}

/** The StatementScore of every statement, in framework order, from its figures. */
export function statementScoresOf(statements: readonly Statement[], figures: StatementFigures): StatementScore[] {
  const n = statements.length;
  const scores = new Array<StatementScore>(n);
  for (let p = 0; p < n; p += 1) {
    const statement = statements[p] as Statement;
    scores[p] = {
      statementId: statement.id,
      level: statement.level,
      domain: statement.domain,
      self: figureAt(figures, SELF_MEAN * n + p),
      others: figureAt(figures, OTHERS_MEAN * n + p),
      gap: figureAt(figures, GAP * n + p),
      othersRaters: figures[OTHERS_RATERS * n + p] ?? 0,
      othersSd: figureAt(figures, OTHERS_SD * n + p),
      othersRwg: figureAt(figures, OTHERS_RWG * n + p),
      flag: FLAGS[figures[FLAG * n + p] ?? 0] ?? null,
    };
  }
  return scores;
}
