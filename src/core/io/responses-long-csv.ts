import type { Framework } from '../model/framework.ts';
import type { SurveyResponse } from '../model/response.ts';
import type { Result } from '../model/result.ts';
import { CSV_BOM, type CsvCell, guardFormula, writeCsvBody } from './csv-format.ts';
import { createLongCsvReader } from './responses-long-csv-reader.ts';
import type { FrameworkLookup } from './response-fields.ts';
import { feedCsvText } from './responses-csv-stream.ts';
import { LONG_COLUMNS, ratingLabel } from './responses-long-columns.ts';

export { createLongCsvReader } from './responses-long-csv-reader.ts';
export { LONG_COLUMNS, ratingLabel } from './responses-long-columns.ts';

export function writeResponsesLongCsv(responses: readonly SurveyResponse[], lookup: FrameworkLookup): string {
  let text = '';
  for (const chunk of writeResponsesLongCsvChunks(responses, lookup)) text += chunk;
  return text;
}

/**
 * The same file in pieces (BOM and header first), for writing a large export to a stream or a
 * Blob without one string of hundreds of megabytes. Responses must have been read or checked
 * against `lookup`: an unknown framework or statement here is a bug, and throws.
 */
export function* writeResponsesLongCsvChunks(
  responses: readonly SurveyResponse[],
  lookup: FrameworkLookup,
  rowsPerChunk = 20_000,
): Generator<string> {
  yield CSV_BOM + writeCsvBody(LONG_COLUMNS, [], true);
  const statementCells = createStatementCells();
  let rows: CsvCell[][] = [];
  for (const response of responses) {
    const framework = lookup(response.frameworkId);
    if (framework === undefined) throw new Error(`writeResponsesLongCsv: framework "${response.frameworkId}" is not known.`);
    // Text cells are guarded once per response and once per framework, not once per row.
    const responseId = guardFormula(response.responseId);
    const frameworkId = guardFormula(response.frameworkId);
    const surveyId = guardFormula(response.surveyId);
    const subjectId = guardFormula(response.subjectId);
    const group = response.raterGroup;
    const submittedAt = guardFormula(response.submittedAt);
    let written = 0;
    for (const [id, statementId, level, domain, caseItemUri] of statementCells(framework)) {
      const rating = response.answers.get(id);
      if (rating === undefined) continue;
      written += 1;
      const label = ratingLabel(rating, group);
      rows.push([responseId, frameworkId, surveyId, subjectId, group, submittedAt, statementId, level, domain, rating, label, caseItemUri]);
      if (rows.length >= rowsPerChunk) {
        yield writeCsvBody(LONG_COLUMNS, rows, false, { guarded: true });
        rows = [];
      }
    }
    if (written !== response.answers.size) {
      throw new Error(`writeResponsesLongCsv: response "${response.responseId}" answers statements that ${framework.id} does not have.`);
    }
  }
  if (rows.length > 0) yield writeCsvBody(LONG_COLUMNS, rows, false, { guarded: true });
}

/** Reads a whole `responses-long.csv` text; a large file should be streamed into the reader instead. */
export function readResponsesLongCsv(text: string, file: string, lookup: FrameworkLookup): Result<SurveyResponse[]> {
  return feedCsvText(text, file, createLongCsvReader(file, lookup));
}

/** Per statement: its id, then its id, level, domain and CASE item URI as cells. */
type StatementCells = readonly (readonly [id: string, idCell: string, level: string, domain: string, caseItemUri: string])[];

function createStatementCells(): (framework: Framework) => StatementCells {
  const cache = new Map<string, StatementCells>();
  return (framework) => {
    let cells = cache.get(framework.id);
    if (cells === undefined) {
      cells = framework.statements.map((s) => [s.id, guardFormula(s.id), guardFormula(s.level ?? ''), guardFormula(s.domain ?? ''), guardFormula(s.caseItem?.uri ?? '')] as const);
      cache.set(framework.id, cells);
    }
    return cells;
  };
}
