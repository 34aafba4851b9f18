import Papa from 'papaparse';
import type { Issue, Result } from '../model/result.ts';

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
  const config = { ...csvChunkConfig(reader, file), chunkSize: TEXT_CHUNK };
  Papa.parse<string[]>(text, config as Papa.ParseConfig<string[]>);
  return reader.finish();
}

/** Streams a source papaparse can read (Node stream, browser File) into the reader. */
export function feedCsvSource<T>(source: Papa.LocalFile, file: string, reader: CsvRowReader<T>): Promise<Result<T>> {
  return new Promise((resolve) => {
    Papa.parse<string[]>(source, {
      ...csvChunkConfig(reader, file),
      complete: () => resolve(reader.finish()),
      error: (error: Error) => {
        reader.issue({ code: 'csv.unreadable', file, path: '', message: `The file could not be read: ${error.message}.` });
        resolve(reader.finish());
      },
    });
  });
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

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '' && cell !== CSV_BOM) return false;
  return true;
}

function papaIssue(error: Papa.ParseError, file: string, rowNumber: number): Issue {
  const code = `csv.${error.code.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
  const hint = error.type === 'Quotes' ? ': a double quote opens a cell that never closes, or a cell has a stray quote' : '';
  return { code, file, row: rowNumber, path: '', message: `${error.message}${hint}.` };
}
