import type { Framework } from '../model/framework.ts';
import type { Result } from '../model/result.ts';
import { type Answers, answersFromEntries, NOT_APPLICABLE_CODE, statementOrder, UNANSWERED_CODE } from '../model/answers.ts';
import type { Rating } from '../model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../model/response.ts';
import { CSV_BOM, guardFormula, writeCsvBody, writeCsvCells } from './csv-format.ts';
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
 *
 * A row is its response's six cells, the same on each of its rows, then its statement's cells
 * and the rating's, of which a framework has a few hundred kinds: papaparse writes each of those
 * once (writeCsvCells) and a row is two of them put together, the same bytes as papaparse writing
 * every row (papaparse quotes each cell on its own), several times faster.
 */
export function* writeResponsesLongCsvChunks(
  responses: readonly SurveyResponse[],
  lookup: FrameworkLookup,
  rowsPerChunk = 20_000,
): Generator<string> {
  yield CSV_BOM + writeCsvBody(LONG_COLUMNS, [], true);
  const tailsOf = createRowTails();
  let parts: string[] = [];
  let rows = 0;
  for (const response of responses) {
    const framework = lookup(response.frameworkId);
    if (framework === undefined) throw new Error(`writeResponsesLongCsv: framework "${response.frameworkId}" is not known.`);
    const group = response.raterGroup;
    const head = `${writeCsvCells([
      guardFormula(response.responseId),
      guardFormula(response.frameworkId),
      guardFormula(response.surveyId),
      guardFormula(response.subjectId),
      group,
      guardFormula(response.submittedAt),
    ])},`;
    const tails = tailsOf(framework, group);
    const { block, offset } = answersInFrameworkOrder(response, framework);
    for (let position = 0; position < framework.statements.length; position += 1) {
      const code = block[offset + position] ?? UNANSWERED_CODE;
      if (code === UNANSWERED_CODE) continue;
      const tail = tails[position * CODES + code];
      if (tail === undefined) throw new Error(`writeResponsesLongCsv: response "${response.responseId}" holds answer code ${code}.`);
      parts.push(head, tail);
      rows += 1;
      if (rows >= rowsPerChunk) {
        yield parts.join('');
        parts = [];
        rows = 0;
      }
    }
  }
  if (rows > 0) yield parts.join('');
}

/** Reads a whole `responses-long.csv` text; a large file should be streamed into the reader instead. */
export function readResponsesLongCsv(text: string, file: string, lookup: FrameworkLookup): Result<SurveyResponse[]> {
  return feedCsvText(text, file, createLongCsvReader(file, lookup));
}

/** Answer codes 1-5 index a statement's tails; 0 (unanswered) has none. */
const CODES = NOT_APPLICABLE_CODE + 1;

/**
 * A response's answers in the framework's statement order: its own when kept so (as every reader
 * makes them), otherwise the same answers put in that order.
 */
function answersInFrameworkOrder(response: SurveyResponse, framework: Framework): Answers {
  const order = statementOrder(framework);
  const answers = response.answers.order === order ? response.answers : answersFromEntries(response.answers, framework);
  // answersFromEntries keeps an order of its own only for a statement the framework lacks.
  if (answers.order !== order) throw new Error(`writeResponsesLongCsv: response "${response.responseId}" answers statements that ${framework.id} does not have.`);
  return answers;
}

/**
 * Per framework and rater group: for each statement position and answer code, the rest of a row
 * after submitted_at's comma, to its line break (statement_id, level, domain, rating,
 * rating_label, case_item_uri), at `position * CODES + code`. Built when first asked for.
 */
function createRowTails(): (framework: Framework, group: RaterGroup) => readonly (string | undefined)[] {
  const cache = new Map<string, (string | undefined)[]>();
  return (framework, group) => {
    // Only N/A's label depends on the group, and only on whether it is self.
    const key = `${group === 'self' ? 'self' : 'rater'} ${framework.id}`;
    let tails = cache.get(key);
    if (tails === undefined) {
      tails = [];
      for (const statement of framework.statements) {
        const cells = [guardFormula(statement.id), guardFormula(statement.level ?? ''), guardFormula(statement.domain ?? '')];
        const uri = guardFormula(statement.caseItem?.uri ?? '');
        tails.push(undefined);
        for (let code = 1; code < CODES; code += 1) {
          const rating = code === NOT_APPLICABLE_CODE ? null : (code as Rating);
          tails.push(`${writeCsvCells([...cells, rating, ratingLabel(rating, group), uri])}\r\n`);
        }
      }
      cache.set(key, tails);
    }
    return tails;
  };
}
