import Papa from 'papaparse';
import { excerpt } from '../model/echo.ts';
import type { Issue, Result } from '../model/result.ts';

/**
 * DESIGN.md's CSV dialect: UTF-8 with a byte-order mark, commas, RFC 4180 quoting, CRLF, one
 * header row, written and read with papaparse.
 */

export const CSV_BOM = '\uFEFF';
export type CsvCell = string | number | null;

/**
 * Text that a spreadsheet would run as a formula gets one leading `'`. papaparse 5.7's own
 * `escapeFormulae` pattern misses a line feed and any formula with a newline in it (`.` stops at
 * `\n`), so we pass our own. Text that already starts with `'` before such a character gets one
 * more, so that import, which removes exactly one, always gives back the original text.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r\n]/;
const GUARDED = /^'(?='*[=+\-@\t\r\n])/;

export function guardFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return text.replace(GUARDED, '');
}

/** One CSV file, BOM and header included. Numbers are written as numbers and never guarded. */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + writeCsvBody(columns, rows, true);
}

/**
 * Rows without the BOM, for writing a large file in chunks: the header only when asked.
 * `guarded: true` says the caller already passed every text cell through `guardFormula` (once
 * per response rather than once per row, which keeps a million-row export fast).
 */
export function writeCsvBody(
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  header: boolean,
  options: { guarded?: boolean } = {},
): string {
  // papaparse writes null as an empty cell. Numbers are made text here (numberText), and text
  // guarded here, with papaparse quoting a guarded cell as its own escapeFormulae does.
  const body =
    options.guarded === true
      ? Papa.unparse({ fields: columns as string[], data: rows as CsvCell[][] }, { header, newline: '\r\n' })
      : Papa.unparse({ fields: columns.map(guardFormula), data: rows.map(cellsAsText) }, { header, newline: '\r\n', quotes: isGuarded });
  // papaparse ends a header without rows with a line break, and rows without one. Rows are not
  // looked at: papaparse's text is a rope of its pieces, and reading its end would copy it whole,
  // once more than the write that follows.
  if (rows.length > 0 && columns.length > 0) return `${body}\r\n`;
  return body === '' || body.endsWith('\r\n') ? body : `${body}\r\n`;
}

function cellsAsText(cells: readonly CsvCell[]): (string | null)[] {
  return cells.map((cell) => (typeof cell === 'number' ? numberText(cell) : cell === null ? null : guardFormula(cell)));
}

function isGuarded(cell: unknown): boolean {
  return typeof cell === 'string' && GUARDED.test(cell);
}

/**
 * String(value), made without V8's number-to-string cache: V8 puts every string that cache
 * makes straight into the old generation, where it waits for a full collection, so a million
 * responses' summary.csv and statements.csv (papaparse calls toString on each number) left
 * hundreds of MB of dead figures in the heap. toFixed's text is young garbage, gone at once.
 * Whole numbers up to 2^53 print exactly; between 1e-6 and 1e6, where doubles are far closer
 * together than 10^-8, the fewest decimals that give the number back are exactly what String
 * prints. Anything else (more than 8 decimals, other sizes, NaN) goes to String.
 */
export function numberText(value: number): string {
  const size = Math.abs(value);
  if (Number.isSafeInteger(value)) return value.toFixed(0);
  if (!(size >= 1e-6 && size < 1e6)) return String(value);
  for (let decimals = 1; decimals <= 8; decimals += 1) {
    const text = value.toFixed(decimals);
    if (Number(text) === value) return text;
  }
  return String(value);
}

/**
 * One row's cells, already passed through guardFormula where they are text, as papaparse writes
 * them, without a line break. papaparse quotes each cell on its own, so such texts joined with
 * commas are byte for byte the row it writes: a writer that repeats the same cells on many rows
 * (a response's six fields on each of its answers) has them written once.
 */
export function writeCsvCells(cells: readonly CsvCell[]): string {
  return Papa.unparse([cells as CsvCell[]], { header: false, newline: '\r\n' });
}

export type CsvTable = {
  columns: string[];
  /** Cells as text, formula guards removed; row i is the file's row i + 2 (after the header). */
  rows: string[][];
};

/**
 * Reads a whole CSV text: with or without BOM, CRLF or LF, as Excel re-saves it. Refuses the
 * file on any papaparse error, an empty file, or a duplicate or empty header, listing them all.
 */
export function readCsv(text: string, file: string): Result<CsvTable> {
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  if (source.trim() === '') {
    return { ok: false, issues: [{ code: 'csv.empty', file, path: '', message: 'The file is empty: a header row is expected.' }] };
  }
  const parsed = Papa.parse<string[]>(source, { header: false, skipEmptyLines: 'greedy' });
  const issues: Issue[] = parsed.errors.map((error) => papaIssue(error, file, error.row === undefined ? undefined : error.row + 1));
  const [header = [], ...rows] = parsed.data;
  issues.push(...headerIssues(header, file));
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { columns: header.map((name) => name.trim()), rows: rows.map((row) => row.map(unguardFormula)) },
  };
}

export function headerIssues(header: readonly string[], file: string): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '') {
      issues.push({ code: 'csv.empty-header', file, row: 1, path: `column ${index + 1}`, message: `Column ${index + 1} has no name in the header.` });
    } else if (seen.has(name)) {
      issues.push({ code: 'csv.duplicate-header', file, row: 1, path: name, message: `The header names column ${excerpt(name)} twice.` });
    }
    seen.add(name);
  });
  return issues;
}

/** A papaparse error as an Issue: `csv.missing-quotes`, `csv.undetectable-delimiter`, ... */
export function papaIssue(error: Papa.ParseError, file: string, row: number | undefined): Issue {
  const code = `csv.${error.code.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
  const hint = error.type === 'Quotes' ? ': a double quote opens a cell that never closes, or a cell has a stray quote' : '';
  return { code, file, ...(row === undefined ? {} : { row }), path: '', message: `${error.message}${hint}.` };
}
