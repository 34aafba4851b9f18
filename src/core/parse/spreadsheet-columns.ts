import { excerpt } from '../model/echo.ts';
import type { Issue } from '../model/result.ts';

/**
 * The spreadsheet framework template's columns (issue 11), one row per statement. People type
 * headers as `Framework ID` or `STATEMENT`, so a header cell is matched ignoring case, spaces,
 * underscores and hyphens; the names below are how the template and every message write them.
 */
export const SPREADSHEET_COLUMNS = ['framework_id', 'framework_title', 'source', 'domain', 'level', 'statement', 'statement_id'] as const;
export type SpreadsheetColumn = (typeof SPREADSHEET_COLUMNS)[number];

/** Without these a sheet cannot be a framework; the others may be left out or empty. */
const REQUIRED: readonly SpreadsheetColumn[] = ['framework_id', 'framework_title', 'statement'];

/** `Framework ID`, ` framework_id `, `FRAMEWORK-ID` -> `frameworkid`. */
export function columnKey(name: string): string {
  return name.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_KEY: ReadonlyMap<string, SpreadsheetColumn> = new Map(SPREADSHEET_COLUMNS.map((name) => [columnKey(name), name]));

/** Whether a header row names the template's `statement` column: enough to tell it from other CSVs. */
export function namesStatementColumn(header: readonly string[]): boolean {
  return header.some((cell) => BY_KEY.get(columnKey(cell)) === 'statement');
}

/** Column name -> its position in the row. */
export type ColumnIndex = ReadonlyMap<SpreadsheetColumn, number>;

/**
 * Maps the header to positions, listing every problem: a column named twice (even spelled two
 * ways), a name the template does not have, a required column missing. A header cell left empty
 * is fine when nothing is below it (spreadsheets keep stray empty columns); `hasValuesBelow` says.
 */
export function indexColumns(
  header: readonly string[],
  headerRow: number,
  file: string,
  hasValuesBelow: (column: number) => boolean,
): { columns: ColumnIndex; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ code, file, row: headerRow, path, message });
  const columns = new Map<SpreadsheetColumn, number>();
  header.forEach((raw, index) => {
    const position = `column ${index + 1}`;
    if (raw.trim() === '') {
      if (hasValuesBelow(index)) add(position, 'spreadsheet.empty-header', `Column ${index + 1} has values but no name in the header row.`);
      return;
    }
    const name = BY_KEY.get(columnKey(raw));
    if (name === undefined) {
      add(position, 'spreadsheet.unknown-column', `Column ${excerpt(raw)} is not one of the template's: ${SPREADSHEET_COLUMNS.join(', ')}.`);
      return;
    }
    const first = columns.get(name);
    if (first !== undefined) {
      add(position, 'spreadsheet.duplicate-column', `The header names ${name} twice (columns ${first + 1} and ${index + 1}).`);
      return;
    }
    columns.set(name, index);
  });
  for (const name of REQUIRED) {
    if (!columns.has(name)) add(name, 'spreadsheet.missing-column', `Column ${name} is missing from the header row.`);
  }
  return { columns, issues };
}
