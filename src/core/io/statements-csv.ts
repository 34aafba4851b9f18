import { roundFigure } from '../score/rounding.ts';
import type { SubjectScore } from '../score/subject-score.ts';
import { writeCsvChunks } from './csv-chunks.ts';
import { type CsvCell, writeCsv } from './csv-format.ts';
import type { FrameworkLookup } from './response-fields.ts';

/**
 * DESIGN.md "statements.csv", columns in this order; `others_rwg` from issue 12, and
 * `case_item_uri` last (issue 11): the CASE item a statement came from, empty for other sources.
 */
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
  'case_item_uri',
] as const;

/**
 * One row per subject x framework x statement, in framework order. `others`, `gap` and
 * `others_sd` are empty where `others` is not shown, as DESIGN.md lists them; `others_raters`
 * stays a count. `others_rwg` is empty there too, and under 3 ratings. `flag` is decided on the
 * unrounded gap.
 */
export function statementsRows(scores: readonly SubjectScore[], lookup: FrameworkLookup): CsvCell[][] {
  return [...eachStatementsRow(scores, lookup)];
}

/** statementsRows one at a time, for a file written in pieces. */
export function* eachStatementsRow(scores: readonly SubjectScore[], lookup: FrameworkLookup): Generator<CsvCell[]> {
  const caseUris = new Map<string, Map<string, string>>();
  for (const score of scores) {
    let uris = caseUris.get(score.frameworkId);
    if (uris === undefined) {
      uris = new Map((lookup(score.frameworkId)?.statements ?? []).map((statement) => [statement.id, statement.caseItem?.uri ?? '']));
      caseUris.set(score.frameworkId, uris);
    }
    for (const statement of score.statements) {
      yield [
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
        uris.get(statement.statementId) ?? '',
      ];
    }
  }
}

/** `lookup` gives each score's framework, for the CASE item URIs. */
export function writeStatementsCsv(scores: readonly SubjectScore[], lookup: FrameworkLookup): string {
  return writeCsv(STATEMENTS_COLUMNS, statementsRows(scores, lookup));
}

/** The same file in pieces (BOM and header first), for a cohort too large for one string. */
export function writeStatementsCsvChunks(scores: readonly SubjectScore[], lookup: FrameworkLookup): Generator<string> {
  return writeCsvChunks(STATEMENTS_COLUMNS, eachStatementsRow(scores, lookup));
}
