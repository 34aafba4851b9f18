import { roundFigure } from '../score/rounding.ts';
import type { SubjectScore } from '../score/subject-score.ts';
import { type CsvCell, writeCsv } from './csv-format.ts';

/** DESIGN.md "statements.csv", columns in this order; `others_rwg` from issue 12. */
export const STATEMENTS_COLUMNS = [
  'subject_id',
  'framework_id',
  'statement_id',
  'level',
  'domain',
  'self',
  'others',
  'gap',
  'others_raters',
  'others_sd',
  'others_rwg',
  'flag',
] as const;

/**
 * One row per subject x framework x statement, in framework order. `others`, `gap` and
 * `others_sd` are empty where `others` is not shown, as DESIGN.md lists them; `others_raters`
 * stays a count. `others_rwg` is empty there too, and under 3 ratings. `flag` is decided on the
 * unrounded gap.
 */
export function statementsRows(scores: readonly SubjectScore[]): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const score of scores) {
    for (const statement of score.statements) {
      rows.push([
        score.subjectId,
        score.frameworkId,
        statement.statementId,
        statement.level,
        statement.domain,
        roundFigure(statement.self),
        roundFigure(statement.others),
        roundFigure(statement.gap),
        statement.othersRaters,
        roundFigure(statement.othersSd),
        roundFigure(statement.othersRwg),
        statement.flag,
      ]);
    }
  }
  return rows;
}

export function writeStatementsCsv(scores: readonly SubjectScore[]): string {
  return writeCsv(STATEMENTS_COLUMNS, statementsRows(scores));
}
