import { sameAnswers } from '../model/answers.ts';
import { excerpt } from '../model/echo.ts';
import type { Framework } from '../model/framework.ts';
import type { SurveyResponse } from '../model/response.ts';
import { statementPositions } from '../model/statement-index.ts';
import { fail, ok, type Issue, type Result } from '../model/result.ts';
import { type FrameworkLookup, RESPONSE_FIELDS } from './response-fields.ts';
import { ResponseIdTable } from './response-id-table.ts';
import { CsvIssues, checkRowWidth, indexHeader } from './responses-csv-checks.ts';
import {
  BAD_CODE,
  badRatingIssue,
  cellText,
  draftToResponse,
  fieldPositions,
  ratingCode,
  type ResponseDraft,
  setAnswer,
  type SharedTexts,
  startDraft,
} from './responses-csv-draft.ts';
import type { CsvRowReader } from './responses-csv-stream.ts';

const RESPONSE_KEYS = ['frameworkId', 'surveyId', 'subjectId', 'raterGroup', 'submittedAt'] as const;

/** In the wide file an empty cell is unanswered, so N/A needs a word: `NA` (`N/A` forgiven). */
const WIDE_NA = new Set(['NA', 'N/A']);

/**
 * Reads `responses-wide.csv` row by row. Which columns are statements depends on the frameworks
 * the rows name, and a lookup cannot list frameworks, so the columns are judged at the end:
 * unknown when no framework of the file has that statement, missing when a framework of the
 * file has a statement with no column.
 */
export function createWideCsvReader(file: string, lookup: FrameworkLookup): CsvRowReader<SurveyResponse[]> {
  const issues = new CsvIssues(file);
  // Each row is a whole response, made as soon as the row is read: only it and its row number are
  // kept (a million rows' drafts, with their cells, would not fit in memory).
  const responses: SurveyResponse[] = [];
  const firstRows: number[] = [];
  const byId = new ResponseIdTable((index) => (responses[index] as SurveyResponse).responseId);
  const shared: SharedTexts = new Map();
  /** Per framework id: for each header position, the statement's position in the framework, or -1. */
  const positionsByFramework = new Map<string, Int32Array>();
  let headerSeen = false;
  let ready = false;
  let header: string[] = [];
  let fields: number[] = [];
  /** Header positions of the statement columns. */
  let statementColumns: number[] = [];

  const columnPositions = (framework: Framework): Int32Array => {
    let positions = positionsByFramework.get(framework.id);
    if (positions === undefined) {
      const index = statementPositions(framework);
      positions = new Int32Array(header.length).fill(-1);
      for (const column of statementColumns) positions[column] = index.get(header[column] ?? '') ?? -1;
      positionsByFramework.set(framework.id, positions);
    }
    return positions;
  };

  return {
    header(cells) {
      headerSeen = true;
      header = cells.map((cell) => cell.trim());
      const index = indexHeader(cells, RESPONSE_FIELDS, () => true, issues);
      ready = index.complete;
      fields = fieldPositions(index.columns);
      statementColumns = [...index.columns.values()].filter((position) => !fields.includes(position));
    },

    row(cells, row) {
      if (!ready) return;
      if (cells.length > header.length) checkRowWidth(cells, header.length, row, issues);
      const draft = startDraft(cells, fields, row, lookup, issues, shared, false);
      const positions = draft.framework === undefined ? undefined : columnPositions(draft.framework);
      for (const column of statementColumns) {
        const cell = cells[column] ?? '';
        if (cell === '' || cell.trim() === '') continue;
        const name = header[column] ?? '';
        const code = ratingCode(cell, WIDE_NA);
        if (code === BAD_CODE) issues.addAt(row, badRatingIssue(cellText(cell).trim(), name, 'NA'));
        if (positions === undefined) continue; // its unknown framework is already reported
        const position = positions[column] ?? -1;
        if (position < 0) {
          issues.addAt(row, {
            code: 'csv.unknown-statement',
            path: name,
            message: `Column ${excerpt(name)} is not a statement of framework ${draft.head.frameworkId}, so this row cannot rate it.`,
          });
        } else if (code !== BAD_CODE) {
          setAnswer(draft, position, code, row, name, issues);
        }
      }
      addDraft(draft, row);
    },

    issue(issue: Issue) {
      issues.add(issue);
    },

    finish(): Result<SurveyResponse[]> {
      if (!headerSeen) issues.add({ code: 'csv.empty', file, path: '', message: 'The file is empty: a header row is expected.' });
      if (ready) checkColumns();
      if (issues.count > 0) return fail(issues.all());
      return ok(responses);
    },
  };

  /** A response twice in the file counts once when both rows say the same; otherwise it is refused. */
  function addDraft(draft: ResponseDraft, row: number): void {
    const response = draftToResponse(draft);
    const before = byId.find(response.responseId);
    if (before < 0) {
      responses.push(response);
      byId.add(responses.length - 1);
      firstRows.push(row);
      return;
    }
    // The fields as read (trimmed where a field forgives spaces) and every answer.
    const earlier = responses[before] as SurveyResponse;
    const same = RESPONSE_KEYS.every((key) => earlier[key] === response[key]) && sameAnswers(earlier.answers, response.answers);
    if (!same) {
      issues.addAt(row, {
        code: 'csv.conflicting-response',
        path: 'response_id',
        message: `Response ${excerpt(response.responseId)} is also in row ${firstRows[before] ?? 0}, with different content: keep one of the two rows.`,
      });
    }
  }

  function checkColumns(): void {
    const frameworks = [...positionsByFramework.keys()].map(lookup).filter((framework) => framework !== undefined);
    if (frameworks.length === 0) return; // no row named a known framework: nothing to judge columns by
    for (const column of statementColumns) {
      const name = header[column] ?? '';
      if (frameworks.every((framework) => (positionsByFramework.get(framework.id)?.[column] ?? -1) < 0)) {
        issues.add({ code: 'csv.unknown-column', file, row: 1, path: name, message: `Column ${excerpt(name)} is neither a response field nor a statement of ${frameworks.map((f) => f.id).join(', ')}.` });
      }
    }
    for (const framework of frameworks) {
      const positions = positionsByFramework.get(framework.id);
      const covered = new Set<number>();
      for (const column of statementColumns) {
        const position = positions?.[column] ?? -1;
        if (position >= 0) covered.add(position);
      }
      framework.statements.forEach((statement, position) => {
        if (covered.has(position)) return;
        issues.add({ code: 'csv.missing-column', file, row: 1, path: statement.id, message: `Column ${excerpt(statement.id)} of framework ${framework.id} is missing: every statement has a column, empty where unanswered.` });
      });
    }
  }
}
