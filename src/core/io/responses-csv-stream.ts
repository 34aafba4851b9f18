import Papa from 'papaparse';
import { excerpt } from '../model/echo.ts';
import { MAX_TEXT_CHARS } from '../model/limits.ts';
import type { Issue, Result } from '../model/result.ts';
import { papaIssue } from './csv-format.ts';

/**
 * The responses CSV readers are row consumers, so that a file of a million rows never has to be
 * in memory as text or as a table: papaparse's `step` feeds them row by row, from a string, a
 * Node read stream or a browser File. This file is the glue between the two.
 */
const CSV_BOM = '\uFEFF';

export type CsvRowReader<T> = {
  /** The first non-blank row. */
  header(cells: string[]): void;
  /** Every later non-blank row; `rowNumber` counts every row of the file, the header is 1. */
  row(cells: string[], rowNumber: number): void;
  /** A problem found outside the reader, such as a papaparse error. */
  issue(issue: Issue): void;
  /** Every problem found, or the parsed value when there were none. */
  finish(): Result<T>;
};

type RowFeeder = (cells: string[], errors: readonly Papa.ParseError[]) => void;

/** Numbers rows, skips blank ones, hands the first to `header` and the rest to `row`. */
function createRowFeeder(reader: CsvRowReader<unknown>, file: string): RowFeeder {
  let rowNumber = 0;
  let headerSeen = false;
  return (cells, errors) => {
    rowNumber += 1;
    for (const error of errors) reader.issue(papaIssue(error, file, rowNumber));
    for (let index = 0; index < cells.length; index += 1) {
      const cell = cells[index] ?? '';
      if (cell.length > MAX_CELL_CHARS) {
        reader.issue({ code: 'csv.cell-too-long', file, row: rowNumber, path: `column ${index + 1}`, message: `This cell holds ${cell.length.toLocaleString('en')} characters, starting ${excerpt(cell, 20)}; a cell of a Skillscope CSV holds at most ${MAX_CELL_CHARS.toLocaleString('en')}.` });
        cells[index] = '';
      }
    }
    const first = cells[0] ?? '';
    // Blank lines (Excel leaves some at the end, or rows of empty cells) are skipped but counted.
    if ((first === '' || first.trim() === '' || first === CSV_BOM) && isBlank(cells)) return;
    if (headerSeen) {
      reader.row(cells, rowNumber);
      return;
    }
    headerSeen = true;
    // papaparse strips the BOM from a string but not from a stream's first chunk.
    if (first.startsWith(CSV_BOM)) cells[0] = first.slice(1);
    reader.header(cells);
  };
}

/** For `Papa.parse(input, { ...csvStepConfig(reader, file), complete })`, one row per call. */
export function csvStepConfig(
  reader: CsvRowReader<unknown>,
  file: string,
): { delimiter: (input: string) => string; step: (results: Papa.ParseStepResult<string[]>) => void } {
  const feed = createRowFeeder(reader, file);
  return { delimiter: sniffDelimiter, step: (results) => feed(results.data, results.errors) };
}

/**
 * The same feeding from papaparse's `chunk` callback: rows arrive a chunk at a time, which
 * spares papaparse a result object per row and makes a streamed read faster than `step`.
 */
export function csvChunkConfig(
  reader: CsvRowReader<unknown>,
  file: string,
): { delimiter: (input: string) => string; chunk: (results: Papa.ParseResult<string[]>) => void } {
  const feed = createRowFeeder(reader, file);
  const none: Papa.ParseError[] = [];
  return {
    delimiter: sniffDelimiter,
    chunk(results) {
      const rows = results.data;
      // An error's `row` is its index in this chunk's rows.
      const errorsAt = new Map<number, Papa.ParseError[]>();
      for (const error of results.errors) {
        const at = error.row ?? rows.length - 1;
        errorsAt.set(at, [...(errorsAt.get(at) ?? []), error]);
      }
      for (let index = 0; index < rows.length; index += 1) {
        feed(rows[index] ?? [], errorsAt.size === 0 ? none : (errorsAt.get(index) ?? none));
      }
    },
  };
}

/** Reads a whole text through the same row consumer that a stream would feed. */
export function feedCsvText<T>(text: string, file: string, reader: CsvRowReader<T>): Result<T> {
  // papaparse reads a string synchronously, chunk by chunk (its types allow `chunk` for files only).
  const config = { ...csvChunkConfig(reader, file), newline: sniffNewline(text), chunkSize: TEXT_CHUNK };
  Papa.parse<string[]>(text, config as Papa.ParseConfig<string[]>);
  return reader.finish();
}

/**
 * Streams text chunks into the reader through papaparse's own stream parser, which keeps a
 * quoted cell that spans two chunks whole. papaparse takes any object shaped like a Node
 * readable, so this works alike in Node and the browser; each chunk is parsed before the next
 * is pulled, so memory holds one chunk. A row longer than MAX_ROW_CHARS stops the read: papaparse
 * re-reads an unfinished row with every new chunk, so an endless row would cost quadratic time.
 */
export async function feedCsvChunks<T>(chunks: AsyncIterable<string>, file: string, reader: CsvRowReader<T>): Promise<Result<T>> {
  const readable = createPapaReadable();
  let failed = false;
  // Once a row is too long, what papaparse still hands over (the cut row) is not reported.
  let stopped = false;
  const guarded: CsvRowReader<T> = {
    header: (cells) => stopped || reader.header(cells),
    row: (cells, rowNumber) => stopped || reader.row(cells, rowNumber),
    issue: (issue) => stopped || reader.issue(issue),
    finish: () => reader.finish(),
  };
  let done: Promise<void> | undefined;
  /** Starts papaparse once the header's line break is known (see sniffNewline). */
  const begin = (start: string) => {
    done = new Promise<void>((resolve) => {
      Papa.parse<string[]>(readable.stream as unknown as Papa.LocalFile, {
        ...csvChunkConfig(guarded, file),
        newline: sniffNewline(start),
        complete: () => resolve(),
        error: (error: Error) => {
          failed = true;
          guarded.issue({ code: 'csv.unreadable', file, path: '', message: `The file could not be read: ${error.message}.` });
          resolve();
        },
      });
    });
    readable.push(start);
  };
  const finish = async () => {
    if (done === undefined) begin(start ?? '');
    readable.end();
    await done;
    return reader.finish();
  };

  const rows = createRowLengthGuard();
  // The start is held until the header's line break is whole.
  let start: string | undefined = '';
  for await (const chunk of chunks) {
    const tooLong = rows.take(chunk);
    if (tooLong !== undefined) {
      reader.issue({ code: 'csv.row-too-long', file, row: tooLong, path: '', message: `Row ${tooLong.toLocaleString('en')} is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters; no row of a Skillscope CSV is. The rest of the file was not read.` });
      stopped = true;
      return finish();
    }
    if (start === undefined) {
      readable.push(chunk);
    } else {
      start += chunk;
      if (!WHOLE_LINE_BREAK.test(start.slice(-chunk.length - 1))) continue;
      begin(start);
      start = undefined;
    }
    if (failed) break;
  }
  return finish();
}

const MAX_CELL_CHARS = MAX_TEXT_CHARS;
const WHOLE_LINE_BREAK = /\n|\r[^\n]/;
/** A wide row of 500 statements is under 5,000 characters. */
const MAX_ROW_CHARS = 1_000_000;

/** The smallest Node-style readable papaparse accepts: it checks `readable`, `read` and `on`. */
function createPapaReadable(): { stream: object; push(chunk: string): void; end(): void } {
  const listeners = new Map<string, ((chunk?: string) => void)[]>();
  const emit = (event: string, chunk?: string) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(chunk);
  };
  const stream = {
    readable: true,
    read: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    on(event: string, listener: (chunk?: string) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    removeListener(event: string, listener: (chunk?: string) => void) {
      listeners.set(event, (listeners.get(event) ?? []).filter((known) => known !== listener));
    },
  };
  return { stream, push: (chunk) => emit('data', chunk), end: () => emit('end') };
}

/**
 * Tracks the length of the row being read, across chunks, by the line breaks outside quotes
 * (a quote toggles; an escaped `""` toggles twice). Returns the row number of a row that grows
 * past MAX_ROW_CHARS.
 */
function createRowLengthGuard(): { take(chunk: string): number | undefined } {
  let inQuotes = false;
  let rowLength = 0;
  let row = 1;
  return {
    take(chunk) {
      let from = 0;
      for (;;) {
        const quote = chunk.indexOf('"', from);
        const segmentEnd = quote === -1 ? chunk.length : quote;
        if (!inQuotes) {
          for (let newline = chunk.indexOf('\n', from); newline !== -1 && newline < segmentEnd; newline = chunk.indexOf('\n', newline + 1)) {
            row += 1;
            rowLength = 0;
            from = newline + 1;
          }
        }
        rowLength += segmentEnd - from;
        if (rowLength > MAX_ROW_CHARS) return row;
        if (quote === -1) return undefined;
        inQuotes = !inQuotes;
        rowLength += 1;
        from = quote + 1;
      }
    },
  };
}

/** Parse a long text a megabyte at a time, not as one array of every row. */
const TEXT_CHUNK = 1 << 20;

/**
 * Our files use commas, but Excel in many locales re-saves a CSV with semicolons (or tabs for
 * "Unicode text"). The header has no quoted cells, so counting in its first line is enough.
 */
export function sniffDelimiter(input: string): string {
  const end = input.indexOf('\n');
  const line = end === -1 ? input : input.slice(0, end);
  const count = (char: string) => line.split(char).length - 1;
  const commas = count(',');
  const semicolons = count(';');
  const tabs = count('\t');
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

/**
 * The file's line break, from the header's. papaparse guesses it from its first chunk by counting
 * CRs followed by LF, which a quoted cell holding a CR (or a chunk that ends between CR and LF)
 * can sway; the header has no quoted cells, so its own line break is the file's.
 */
export function sniffNewline(text: string): '\r\n' | '\n' | '\r' {
  const at = text.search(/[\r\n]/);
  if (at === -1 || text[at] === '\n') return at === -1 ? '\r\n' : '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '' && cell !== CSV_BOM) return false;
  return true;
}
