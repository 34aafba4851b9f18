import { excerpt } from '../model/echo.ts';
import { isLevelId, type LevelId } from '../model/framework.ts';
import { isKebabId, kebab } from '../model/ids.ts';
import { MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../model/limits.ts';
import type { ColumnIndex, SpreadsheetColumn } from './spreadsheet-columns.ts';

/** One statement row of the template, its cells checked on their own (agreement between rows comes later). */
export type SheetRow = {
  /** The row's number in the sheet, the header row included (as a spreadsheet shows it). */
  row: number;
  frameworkId: string;
  frameworkTitle: string;
  source: string;
  domain: string;
  level: LevelId | null;
  statement: string;
  statementId: string;
};

/** A problem in one cell: its column and what to do about it. */
export type CellProblem = { column: string; code: string; message: string };

const CAPS: Readonly<Record<SpreadsheetColumn, number>> = {
  framework_id: MAX_ID_CHARS,
  framework_title: MAX_NAME_CHARS,
  source: MAX_NAME_CHARS,
  domain: MAX_NAME_CHARS,
  level: MAX_NAME_CHARS,
  statement: MAX_TEXT_CHARS,
  statement_id: MAX_ID_CHARS,
};

/**
 * Control characters other than tab and line breaks never belong in a framework: they come from
 * a damaged file or are meant to confuse what a screen or terminal shows.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Reads one row's cells, trimmed; every problem of the row is returned, none thrown. */
export function readSheetRow(cells: readonly string[], row: number, columns: ColumnIndex): { value: SheetRow; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const problem = (column: string, code: string, message: string) => problems.push({ column, code, message });

  const cell = (name: SpreadsheetColumn): string => {
    const at = columns.get(name);
    const raw = at === undefined ? '' : (cells[at] ?? '');
    // Length first, so that nothing below walks a huge cell.
    if (raw.length > CAPS[name]) {
      problem(name, 'spreadsheet.cell-too-long', `${excerpt(raw, 30)} is too long: at most ${CAPS[name].toLocaleString('en')} characters.`);
      return '';
    }
    const control = CONTROL.exec(raw);
    if (control !== null) {
      problem(name, 'spreadsheet.control-character', `${excerpt(raw, 30)} holds a control character (${excerpt(control[0])}) at position ${control.index + 1}: retype the cell.`);
      return '';
    }
    return raw.trim();
  };
  const id = (name: 'framework_id' | 'statement_id'): string => {
    const value = cell(name);
    if (value === '' || isKebabId(value)) return value;
    const suggestion = kebab(value);
    problem(name, 'spreadsheet.bad-id', `${excerpt(value)} is not lower-case kebab (letters a-z, digits and single hyphens)${suggestion === '' ? '' : `: write "${suggestion}"`}.`);
    return '';
  };

  const levelText = cell('level');
  const level = readLevel(levelText);
  if (levelText !== '' && level === null) {
    problem('level', 'spreadsheet.bad-level', `${excerpt(levelText)} is not a level: write emerging, developing, proficient or advanced, or leave it empty for a framework without levels.`);
  }
  const statement = cell('statement');
  if (statement === '' && !problems.some((p) => p.column === 'statement')) {
    problem('statement', 'spreadsheet.missing-statement', 'The statement is empty: every row is one statement (delete the row if it is not).');
  }
  const value: SheetRow = {
    row,
    frameworkId: id('framework_id'),
    frameworkTitle: cell('framework_title'),
    source: cell('source'),
    domain: cell('domain'),
    level,
    statement,
    statementId: id('statement_id'),
  };
  return { value, problems };
}

/** `Proficient `, `PROFICIENT` and ` proficient` are all `proficient` (the cell is trimmed already). */
function readLevel(text: string): LevelId | null {
  const word = text.toLowerCase();
  return isLevelId(word) ? word : null;
}
