import { readSheet } from 'read-excel-file/node';
import type { XlsxSheetReader } from '../core/parse/parse-framework-file.ts';

/** The first sheet of an .xlsx workbook, for core's framework reader (which checks the archive before this runs). */
export const readXlsxSheet: XlsxSheetReader = (bytes) => readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1);
