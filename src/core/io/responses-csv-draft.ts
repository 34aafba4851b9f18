import { excerpt } from '../model/echo.ts';
import type { Framework, Statement } from '../model/framework.ts';
import { allocateCodes, Answers, type CodeRow, answersFromEntries, NOT_APPLICABLE_CODE, statementOrder } from '../model/answers.ts';
import type { RaterGroup, SurveyResponse } from '../model/response.ts';
import { statementPositions } from '../model/statement-index.ts';
import { unguardFormula } from './csv-format.ts';
import { checkResponseHead, type FieldIssue, type FrameworkLookup, RESPONSE_FIELDS, type ResponseHead } from './response-fields.ts';
import type { CsvIssues } from './responses-csv-checks.ts';

/**
 * A response being read from CSV rows: its fields checked once, its answers filled row by row.
 * Answers are written straight into the response's row of codes (model/answers.ts).
 */
export type ResponseDraft = {
  head: ResponseHead;
  /** The six field cells as written, to compare later rows of the same response cheaply. */
  cells: readonly string[];
  framework: Framework | undefined;
  raterGroup: RaterGroup | undefined;
  /** The framework's statements, and their positions by id; undefined for an unknown framework. */
  statements: readonly Statement[] | undefined;
  positions: ReadonlyMap<string, number> | undefined;
  /** Per statement position: 0 unanswered, 1-4 the rating, NA_CODE for N/A; becomes the response's answers. */
  codes: CodeRow;
  /** Where the next row's statement probably is: rows usually follow the framework's order. */
  next: number;
  firstRow: number;
  /** Set once rows of this response were found to disagree, so that it is said once. */
  disagreed: boolean;
  /** Where the response's repeated ids are kept once (see SharedTexts), if anywhere. */
  shared: SharedTexts | undefined;
  /** Whether the head's texts are copies already (detach), or still cuts of papaparse's chunk. */
  detached: boolean;
};

/**
 * One copy of each subject, framework and survey id of a file: a million responses of 20,000
 * learners then hold 20,000 subject ids, not a million copies.
 */
export type SharedTexts = Map<string, string>;

function shareText(shared: SharedTexts | undefined, text: string, copy: (text: string) => string): string {
  if (shared === undefined) return copy(text);
  const kept = shared.get(text);
  if (kept !== undefined) return kept;
  const own = copy(text);
  shared.set(own, own);
  return own;
}

const asIs = (text: string) => text;

/** Responses from a CSV have no comments: one empty map serves them all (it is never changed). */
const NO_COMMENTS: ReadonlyMap<string, string> = new Map();

/**
 * A copy of a cell that does not keep papaparse's chunk alive, and takes no more memory than its
 * characters: V8 cuts cells out of the chunk as slices that point at it (a draft holding one per
 * response would keep the whole file in memory), and a slice of a copy still costs a second
 * header. JSON's round trip gives back exactly the same text, in a string of its own.
 */
export function detach(text: string): string {
  // V8 copies short cuts anyway.
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

export const NA_CODE = NOT_APPLICABLE_CODE;
/** A cell that is no rating; never stored (0 is also "unanswered"). */
export const BAD_CODE = 0;

/** A cell as the user wrote it: the `'` our export adds before formula-like text removed. */
export function cellText(cell: string | undefined): string {
  if (cell === undefined) return '';
  return cell.charCodeAt(0) === 39 ? unguardFormula(cell) : cell;
}

/** The positions of the six response fields in the header, in RESPONSE_FIELDS order. */
export function fieldPositions(columns: ReadonlyMap<string, number>): number[] {
  return RESPONSE_FIELDS.map((name) => columns.get(name) ?? -1);
}

export function startDraft(
  cells: readonly string[],
  positions: readonly number[],
  row: number,
  lookup: FrameworkLookup,
  issues: CsvIssues,
  shared?: SharedTexts,
  /** False for a draft that lives one row: draftToResponse then copies only what the response keeps. */
  keepsCells = true,
): ResponseDraft {
  const raw: string[] = [];
  for (const position of positions) raw.push(keepsCells ? detach(cells[position] ?? '') : (cells[position] ?? ''));
  const [responseId, frameworkId, surveyId, subjectId, raterGroup, submittedAt] = raw.map(cellText);
  // Ids a person typed are kept exactly; fields with a fixed vocabulary forgive stray spaces.
  const head: ResponseHead = {
    responseId: responseId ?? '',
    frameworkId: (frameworkId ?? '').trim(),
    surveyId: (surveyId ?? '').trim(),
    subjectId: subjectId ?? '',
    raterGroup: (raterGroup ?? '').trim(),
    submittedAt: (submittedAt ?? '').trim(),
  };
  const found: FieldIssue[] = [];
  const checked = checkResponseHead(head, lookup, found);
  for (const issue of found) issues.addAt(row, issue);
  const framework = checked.framework;
  const group = checked.raterGroup;
  return {
    head,
    cells: raw,
    framework,
    raterGroup: group,
    statements: framework?.statements,
    positions: framework === undefined ? undefined : statementPositions(framework),
    codes: allocateCodes(framework?.statements.length ?? 0),
    next: 0,
    firstRow: row,
    disagreed: false,
    shared,
    detached: keepsCells,
  };
}

/** Later rows of a response must repeat its fields; says which field differs, once. */
export function checkSameFields(draft: ResponseDraft, cells: readonly string[], positions: readonly number[], row: number, issues: CsvIssues): void {
  for (let index = 1; index < positions.length; index += 1) {
    const cell = cells[positions[index] ?? -1] ?? '';
    const first = draft.cells[index] ?? '';
    if (cell === first || draft.disagreed) continue;
    const now = cellText(cell);
    const before = cellText(first);
    // subject_id (index 3) is a typed id, kept exactly; the others forgive stray spaces.
    if (index === 3 ? now === before : now.trim() === before.trim()) continue;
    draft.disagreed = true;
    const field = RESPONSE_FIELDS[index] ?? '';
    issues.addAt(row, {
      code: 'csv.inconsistent-response',
      path: field,
      message: `Rows of response ${excerpt(draft.head.responseId)} disagree on ${field}: ${excerpt(before)} in row ${draft.firstRow}, ${excerpt(now)} here.`,
    });
  }
}

/** A rating cell as a code: 1-4, NA_CODE for the texts in `naTexts`, BAD_CODE for anything else. */
export function ratingCode(cell: string, naTexts: ReadonlySet<string>): number {
  switch (cell) {
    case '1': return 1;
    case '2': return 2;
    case '3': return 3;
    case '4': return 4;
  }
  const text = cell.trim();
  if (text !== cell) return ratingCode(text, naTexts);
  return naTexts.has(text.toUpperCase()) ? NA_CODE : BAD_CODE;
}

/** Records an answer; says so when the response already rated the statement differently. */
export function setAnswer(draft: ResponseDraft, position: number, code: number, row: number, column: string, issues: CsvIssues): void {
  const { block, offset } = draft.codes;
  const before = block[offset + position] ?? 0;
  if (before === 0) {
    block[offset + position] = code;
  } else if (before !== code) {
    const name = (code: number) => (code === NA_CODE ? 'N/A' : String(code));
    issues.addAt(row, {
      code: 'csv.conflicting-answer',
      path: column,
      message: `Response ${excerpt(draft.head.responseId)} rates statement ${draft.statements?.[position]?.id ?? ''} twice, differently (${name(before)}, then ${name(code)}).`,
    });
  }
}

export function draftToResponse(draft: ResponseDraft): SurveyResponse {
  const answers = draft.framework === undefined ? answersFromEntries([]) : new Answers(statementOrder(draft.framework), draft.codes.block, draft.codes.offset);
  const { head, shared } = draft;
  const copy = draft.detached ? asIs : detach;
  return {
    responseId: copy(head.responseId),
    frameworkId: shareText(shared, head.frameworkId, copy),
    surveyId: shareText(shared, head.surveyId, copy),
    subjectId: shareText(shared, head.subjectId, copy),
    raterGroup: draft.raterGroup ?? 'other',
    submittedAt: copy(head.submittedAt),
    answers,
    comments: NO_COMMENTS,
  };
}

export function badRatingIssue(cell: string, column: string, naText: string): FieldIssue {
  return {
    code: 'csv.bad-rating',
    path: column,
    message: `Rating ${excerpt(cell)} is not 1, 2, 3 or 4${naText === '' ? ' (or empty for N/A)' : ` (or ${naText} for N/A)`}.`,
  };
}
