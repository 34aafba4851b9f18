import { type FrameworkRead, FrameworkReading } from './framework-reading.ts';

/**
 * Reads a framework file off the main thread: unpacking a workbook and parsing its XML, scanning
 * and parsing a CASE package of megabytes, or checking thousands of rows, would otherwise block
 * the page for hundreds of milliseconds (tests/bench/spreadsheet.ts, tests/bench/case.ts).
 * read-excel-file still loads only when the file is a workbook. The worker reads the file itself
 * (a File crosses to it without a copy) and keeps a CASE package it read, so that picking a part
 * of one too large for a survey parses nothing again.
 */
export type ReadRequest = { kind: 'read'; file: Blob; name: string } | { kind: 'pick'; subtree: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ReadRequest>) => void) | null; postMessage: (message: FrameworkRead) => void };
const reading = new FrameworkReading();

const unreadable = (name: string, error: unknown): FrameworkRead => ({
  ok: false,
  issues: [{ code: 'framework.unreadable', file: name, path: '', message: `The file could not be read (${error instanceof Error ? error.message : String(error)}).` }],
});

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'pick') {
    try {
      scope.postMessage(reading.pick(request.subtree));
    } catch (error) {
      scope.postMessage(unreadable('', error));
    }
    return;
  }
  void request.file.arrayBuffer()
    .then((buffer) => reading.read(new Uint8Array(buffer), request.name))
    .then((result) => scope.postMessage(result), (error: unknown) => scope.postMessage(unreadable(request.name, error)));
};
