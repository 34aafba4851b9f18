import Papa from 'papaparse';
import { unguardFormula } from '../io/csv-format.ts';
import { CsvIssues } from '../io/responses-csv-checks.ts';
import { type CsvRowReader, feedCsvText } from '../io/responses-csv-stream.ts';
import type { Framework } from '../model/framework.ts';
import type { Issue, Result } from '../model/result.ts';
import { namesStatementColumn } from './spreadsheet-columns.ts';
import { MAX_SPREADSHEET_STATEMENTS, parseSpreadsheetFramework, tooManyRowsIssue } from './spreadsheet-framework.ts';

/**
 * The spreadsheet template saved as CSV: read through the project's CSV dialect (papaparse,
 * with or without the BOM, commas or the semicolons of Excel in many locales, CRLF or LF, blank
 * rows counted but skipped, a cell over 10,000 characters refused as the file streams), the one
 * `'` that guards a formula removed from each cell, then parsed as any sheet.
 */

/** A CSV whose first row names the template's `statement` column: told apart by its header, never its name. */
export function looksLikeSpreadsheetCsv(text: string): boolean {
  // A few rows are enough: the header is the first non-blank one.
  const sample = Papa.parse<string[]>(text.slice(0, 64 * 1024).replace(/^\uFEFF/, ''), { preview: 5 });
  const header = sample.data.find((cells) => cells.some((cell) => cell.trim() !== ''));
  return header !== undefined && header.length >= 2 && namesStatementColumn(header);
}

export function parseSpreadsheetCsv(text: string, file: string): Result<Framework> {
  return feedCsvText(text, file, createSheetCollector(file));
}

/**
 * Keeps the rows at their numbers (row 1 the header) for the sheet parser. Past the statement
 * cap it only counts, so a file of a million short rows costs a count, not a million arrays.
 */
function createSheetCollector(file: string): CsvRowReader<Framework> {
  const rows: string[][] = [];
  const problems = new CsvIssues(file);
  let count = 0;
  return {
    header(cells) {
      rows[0] = cells.map(unguardFormula);
    },
    row(cells, rowNumber) {
      count += 1;
      if (count <= MAX_SPREADSHEET_STATEMENTS) rows[rowNumber - 1] = cells.map(unguardFormula);
    },
    issue(issue) {
      problems.add(issue);
    },
    finish() {
      if (count > MAX_SPREADSHEET_STATEMENTS) return { ok: false, issues: [tooManyRowsIssue(count, file)] };
      const dense = Array.from(rows, (cells) => cells ?? []);
      const parsed = parseSpreadsheetFramework(dense, file);
      if (problems.count === 0) return parsed;
      // A row the CSV reader refused (a cell too long, a stray quote) is reported once, by it.
      const refusedRows = new Set(problems.list.map((issue) => issue.row));
      const more: Issue[] = parsed.ok ? [] : parsed.issues.filter((issue) => issue.row === undefined || !refusedRows.has(issue.row));
      return { ok: false, issues: [...problems.all(), ...more] };
    },
  };
}
