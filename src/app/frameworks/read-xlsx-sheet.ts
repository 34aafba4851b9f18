import type { XlsxSheetReader } from '../../core/parse/parse-framework-file.ts';

/**
 * The first sheet of an .xlsx workbook, read by read-excel-file's browser build. It is loaded
 * here, when a workbook is opened, and never before: the library stays out of the home page's
 * JavaScript. Core has already checked the archive (size, layout, how much it unpacks to).
 */
export const readXlsxSheetInBrowser: XlsxSheetReader = async (bytes) => {
  const { readSheet } = await import('read-excel-file/browser');
  // A copy in a plain ArrayBuffer of exactly these bytes (a view may sit in a larger buffer).
  return readSheet(bytes.slice().buffer, 1);
};
