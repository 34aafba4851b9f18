import { CSV_BOM, type CsvCell, writeCsvBody } from './csv-format.ts';

/**
 * One CSV file in pieces: BOM and header first, then `rowsPerChunk` rows at a time, in the
 * dialect of `writeCsv` (the pieces joined are byte for byte `writeCsv(columns, rows)`). Rows are
 * taken from the iterable as the pieces are asked for, so a writer that yields its rows one by
 * one never holds the whole table either.
 */
export function* writeCsvChunks(
  columns: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  rowsPerChunk = 20_000,
): Generator<string> {
  yield CSV_BOM + writeCsvBody(columns, [], true);
  let batch: (readonly CsvCell[])[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= rowsPerChunk) {
      yield writeCsvBody(columns, batch, false);
      batch = [];
    }
  }
  if (batch.length > 0) yield writeCsvBody(columns, batch, false);
}
