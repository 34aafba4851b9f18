import { unguardFormula } from '../io/csv-format.ts';

/**
 * Cell values as a spreadsheet library hands them over (text, numbers, booleans, dates, empty)
 * to the text the sheet parser reads. A statement id typed as `12` arrives as the number 12 and
 * reads as "12"; a cell that starts with the `'` guard of Skillscope's CSV (a CSV template saved
 * again as .xlsx keeps it as text) loses that one `'`, exactly as the CSV reader removes it.
 */
export function sheetCellsToText(rows: readonly (readonly unknown[])[]): string[][] {
  return rows.map((cells) => Array.from(cells, cellText));
}

function cellText(value: unknown): string {
  if (typeof value === 'string') return unguardFormula(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return '';
}
