import { writeCsv } from '../../src/core/io/csv-format.ts';
import { SPREADSHEET_COLUMNS } from '../../src/core/parse/spreadsheet-columns.ts';
import { writeXlsx } from './xlsx-writer.ts';

/**
 * The spreadsheet framework template offered for download (public/templates), as CSV and as
 * .xlsx: the header and an example framework of two domains over the four levels, which a user
 * overwrites with their own statements. tests/support/write-framework-templates.ts writes the
 * files from here; a test checks the committed ones are these bytes.
 */
export const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Communication', 'emerging', 'Answers a colleague\'s question by e-mail in plain words.', ''],
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Communication', 'developing', 'Explains a routine fix to a user so that they can do it next time.', ''],
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Communication', 'proficient', 'Writes a how-to article that others use without asking questions.', ''],
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Communication', 'advanced', 'Leads a review of the team\'s articles and coaches their authors.', ''],
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Problem solving', 'emerging', 'Reproduces a reported problem by following a checklist.', ''],
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Problem solving', 'developing', 'Narrows a problem down by changing one thing at a time.', ''],
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Problem solving', 'proficient', 'Finds the cause of a problem nobody has seen before and records it.', ''],
  ['my-team-skills', "My team's skills (example: replace these rows with yours)", 'Your organisation, 2026', 'Problem solving', 'advanced', 'Changes a process so that a whole kind of problem stops happening.', ''],
];

const WIDTHS = [18, 36, 24, 18, 12, 70, 18];

export function templateCsv(): string {
  return writeCsv(SPREADSHEET_COLUMNS, TEMPLATE_ROWS);
}

export function templateXlsx(): Uint8Array {
  return spreadsheetXlsx(TEMPLATE_ROWS);
}

/** Any rows under the template's header, as the template's workbook (the bench and tests fill it). */
export function spreadsheetXlsx(rows: readonly (readonly string[])[]): Uint8Array {
  return writeXlsx('Framework', [[...SPREADSHEET_COLUMNS], ...rows], WIDTHS);
}
