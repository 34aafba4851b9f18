import type { SurveyResponse } from '../model/response.ts';
import type { Result } from '../model/result.ts';
import { CSV_BOM, type CsvCell, guardFormula, writeCsvBody } from './csv-format.ts';
import { type FrameworkLookup, RESPONSE_FIELDS } from './response-fields.ts';
import { feedCsvText } from './responses-csv-stream.ts';
import { createWideCsvReader } from './responses-wide-csv-reader.ts';

export { createWideCsvReader } from './responses-wide-csv-reader.ts';

/** DESIGN.md's `responses-wide.csv`: `NA` for N/A, an empty cell where unanswered. */
export const WIDE_NA = 'NA';

/**
 * One column per statement id: with several frameworks, the union, in the order the frameworks
 * first appear and then their statements' order. A statement id two frameworks share is one
 * column.
 */
export function wideColumns(responses: readonly SurveyResponse[], lookup: FrameworkLookup): string[] {
  const seen = new Set<string>();
  const columns = new Set<string>();
  for (const response of responses) {
    if (seen.has(response.frameworkId)) continue;
    seen.add(response.frameworkId);
    const framework = lookup(response.frameworkId);
    if (framework === undefined) throw new Error(`writeResponsesWideCsv: framework "${response.frameworkId}" is not known.`);
    for (const statement of framework.statements) columns.add(statement.id);
  }
  return [...RESPONSE_FIELDS, ...columns];
}

export function writeResponsesWideCsv(responses: readonly SurveyResponse[], lookup: FrameworkLookup): string {
  let text = '';
  for (const chunk of writeResponsesWideCsvChunks(responses, lookup)) text += chunk;
  return text;
}

/** The same file in pieces, BOM and header first. Answers to statements not in `lookup` throw (a bug). */
export function* writeResponsesWideCsvChunks(
  responses: readonly SurveyResponse[],
  lookup: FrameworkLookup,
  rowsPerChunk = 5_000,
): Generator<string> {
  const columns = wideColumns(responses, lookup);
  const statementIds = columns.slice(RESPONSE_FIELDS.length);
  yield CSV_BOM + writeCsvBody(columns.map(guardFormula), [], true, { guarded: true });
  let rows: CsvCell[][] = [];
  for (const response of responses) {
    const row: CsvCell[] = [
      guardFormula(response.responseId),
      guardFormula(response.frameworkId),
      guardFormula(response.surveyId),
      guardFormula(response.subjectId),
      response.raterGroup,
      guardFormula(response.submittedAt),
    ];
    let written = 0;
    for (const id of statementIds) {
      const rating = response.answers.get(id);
      if (rating !== undefined) written += 1;
      row.push(rating === undefined ? null : rating === null ? WIDE_NA : rating);
    }
    if (written !== response.answers.size) {
      throw new Error(`writeResponsesWideCsv: response "${response.responseId}" answers statements that ${response.frameworkId} does not have.`);
    }
    rows.push(row);
    if (rows.length >= rowsPerChunk) {
      yield writeCsvBody(columns, rows, false, { guarded: true });
      rows = [];
    }
  }
  if (rows.length > 0) yield writeCsvBody(columns, rows, false, { guarded: true });
}

/** Reads a whole `responses-wide.csv` text; a large file should be streamed into the reader instead. */
export function readResponsesWideCsv(text: string, file: string, lookup: FrameworkLookup): Result<SurveyResponse[]> {
  return feedCsvText(text, file, createWideCsvReader(file, lookup));
}
