import { excerpt } from '../model/echo.ts';
import type { SurveyResponse } from '../model/response.ts';
import { fail, ok, type Issue, type Result } from '../model/result.ts';
import { type FrameworkLookup } from './response-fields.ts';
import { CsvIssues, checkRowWidth, indexHeader } from './responses-csv-checks.ts';
import {
  BAD_CODE as BAD,
  badRatingIssue,
  cellText,
  checkSameFields,
  draftToResponse,
  fieldPositions,
  ratingCode,
  type ResponseDraft,
  setAnswer,
  startDraft,
} from './responses-csv-draft.ts';
import type { CsvRowReader } from './responses-csv-stream.ts';
import { LONG_COLUMNS, LONG_REQUIRED_COLUMNS } from './responses-long-columns.ts';

/** In the long file N/A is an empty rating; `NA` is forgiven, as the wide file writes it. */
const LONG_NA = new Set(['', 'NA', 'N/A']);

// Hot-path helpers bound once: a call through an imported binding costs a property read per
// row under the CommonJS interop that tsx and some bundlers emit.
const readCell = cellText;
const readRating = ratingCode;
const answer = setAnswer;
const sameFields = checkSameFields;
const BAD_CODE = BAD;

/**
 * Reads `responses-long.csv` row by row. Rows of one response need not be next to each other,
 * but usually are, and follow the framework's order, so the last response and its next
 * statement are tried first. The header is mapped to positions once; a usual row costs a few
 * string compares. level, domain, rating_label and case_item_uri are there for people reading the file: the
 * framework and the rating decide, so they are not checked (a rating changed in Excel without
 * its label still counts, as changed).
 */
export function createLongCsvReader(file: string, lookup: FrameworkLookup): CsvRowReader<SurveyResponse[]> {
  const issues = new CsvIssues(file);
  const drafts = new Map<string, ResponseDraft>();
  let headerSeen = false;
  let ready = false;
  let width = 0;
  let fields: number[] = [];
  let idAt = -1;
  let [statementAt, ratingAt] = [-1, -1];
  let last: ResponseDraft | undefined;

  return {
    header(cells) {
      headerSeen = true;
      const index = indexHeader(cells, LONG_REQUIRED_COLUMNS, (name) => (LONG_COLUMNS as readonly string[]).includes(name), issues);
      ready = index.complete;
      width = cells.length;
      fields = fieldPositions(index.columns);
      const at = (name: string) => index.columns.get(name) ?? -1;
      idAt = fields[0] ?? -1;
      [statementAt, ratingAt] = [at('statement_id'), at('rating')];
    },

    row(cells, row) {
      if (!ready) return;
      if (cells.length > width) checkRowWidth(cells, width, row, issues);
      let draft = last;
      // The usual case, another row of the last response with the same fields as written.
      if (draft === undefined || !sameHeadText(draft, cells, fields)) {
        if (draft === undefined || cells[idAt] !== draft.cells[0]) {
          const responseId = readCell(cells[idAt]);
          draft = drafts.get(responseId);
          if (draft === undefined) {
            draft = startDraft(cells, fields, row, lookup, issues);
            // Keyed by the draft's own copy of the id: the cell is a slice that would keep its chunk alive.
            drafts.set(draft.head.responseId, draft);
          } else {
            sameFields(draft, cells, fields, row, issues);
          }
          last = draft;
        } else {
          sameFields(draft, cells, fields, row, issues);
        }
      }

      const ratingCell = cells[ratingAt] ?? '';
      const code = readRating(ratingCell, LONG_NA);
      if (code === BAD_CODE) issues.addAt(row, badRatingIssue(ratingCell.trim(), 'rating', ''));
      const statements = draft.statements;
      if (statements === undefined) return; // its unknown framework is already reported

      const statementCell = cells[statementAt] ?? '';
      let position = draft.next;
      let statement = statements[position];
      if (statement === undefined || !sameText(statement.id, statementCell)) {
        position = draft.positions?.get(statementCell) ?? draft.positions?.get(readCell(statementCell).trim()) ?? -1;
        statement = statements[position];
        if (statement === undefined) {
          issues.addAt(row, {
            code: 'csv.unknown-statement',
            path: 'statement_id',
            message: `Statement ${excerpt(readCell(statementCell))} is not in framework ${draft.head.frameworkId}.`,
          });
          return;
        }
      }
      draft.next = position + 1;

      if (code === BAD_CODE) return;
      answer(draft, position, code, row, 'statement_id', issues);
    },

    issue(issue: Issue) {
      issues.add(issue);
    },

    finish(): Result<SurveyResponse[]> {
      if (!headerSeen) issues.add({ code: 'csv.empty', file, path: '', message: 'The file is empty: a header row is expected.' });
      if (issues.count > 0) return fail(issues.all());
      return ok([...drafts.values()].map(draftToResponse));
    },
  };
}

/**
 * `text === cell`, faster for a cell papaparse cut out of its chunk: V8 compares such a slice
 * with `===` through the runtime (some 50 ns), but searches it with `indexOf` in compiled code.
 */
function sameText(text: string, cell: string): boolean {
  return text.length === cell.length && text.indexOf(cell) === 0;
}

/** Whether a row repeats the draft's six field cells exactly, as written. */
function sameHeadText(draft: ResponseDraft, cells: readonly string[], positions: readonly number[]): boolean {
  const first = draft.cells;
  for (let index = 0; index < 6; index += 1) {
    if (!sameText(first[index] as string, cells[positions[index] as number] ?? '')) return false;
  }
  return true;
}
