import { readFrameworkFile } from '../../core/parse/parse-framework-file.ts';
import { readXlsxSheetInBrowser } from './read-xlsx-sheet.ts';

/**
 * Reads a framework file off the main thread: unpacking a workbook and parsing its XML, or
 * checking thousands of rows, would otherwise block the page for hundreds of milliseconds
 * (tests/bench/spreadsheet.ts). read-excel-file still loads only when the file is a workbook.
 */
export type ReadRequest = { bytes: ArrayBuffer; name: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ReadRequest>) => void) | null; postMessage: (message: unknown) => void };

scope.onmessage = (event) => {
  const { bytes, name } = event.data;
  void readFrameworkFile(new Uint8Array(bytes), name, readXlsxSheetInBrowser).then(
    (result) => scope.postMessage(result),
    (error: unknown) => scope.postMessage({ ok: false, issues: [{ code: 'framework.unreadable', file: name, path: '', message: `The file could not be read (${error instanceof Error ? error.message : String(error)}).` }] }),
  );
};
