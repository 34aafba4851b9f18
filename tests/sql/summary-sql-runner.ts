import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';

/**
 * Runs sql/summary.sql with DuckDB from npm as a user runs it on the command line in the folder
 * that holds the CSVs, and reads summary.csv as `npm run score` wrote it, both as rows of text
 * cells, so that the two can be compared as sets.
 */

export const SUMMARY_SQL_FILE = fileURLToPath(new URL('../../sql/summary.sql', import.meta.url));

export type SqlRun = { columns: string[]; rows: string[][] };

/**
 * Every statement of the file in order, in a fresh in-memory database whose relative file names
 * resolve in `folder` (DuckDB's file_search_path: a worker thread cannot change directory);
 * the rows of the last one. `replace` swaps pieces of the text first (a test giving other
 * thresholds), and throws when a piece is no longer there.
 */
export async function runSummarySql(folder: string, options: { replace?: ReadonlyMap<string, string> } = {}): Promise<SqlRun> {
  let text = readFileSync(SUMMARY_SQL_FILE, 'utf8');
  for (const [from, to] of options.replace ?? []) {
    if (!text.includes(from)) throw new Error(`summary.sql no longer holds ${JSON.stringify(from.slice(0, 60))}`);
    text = text.replace(from, to);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`);
    return await runStatements(connection, text);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * The file's statements, cut where a line ends with a semicolon (the file's rule, so that a
 * script or another engine's runner can cut it the same way), each with its semicolon.
 */
export function summarySqlStatements(): string[] {
  return readFileSync(SUMMARY_SQL_FILE, 'utf8')
    .split(/;[ \t]*(?:\r?\n|$)/)
    .filter((piece) => piece.replace(/^\s*--.*$/gm, '').trim() !== '')
    .map((piece) => `${piece.trim()};`);
}

async function runStatements(connection: DuckDBConnection, text: string): Promise<SqlRun> {
  const extracted = await connection.extractStatements(text);
  const count = extracted.count;
  if (count === 0) throw new Error('summary.sql holds no statement');
  for (let i = 0; i < count - 1; i += 1) {
    const prepared = await extracted.prepare(i);
    await prepared.run();
  }
  const last = await extracted.prepare(count - 1);
  const reader = await last.runAndReadAll();
  return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(cellText)) };
}

/**
 * A value as papaparse writes it into a CSV cell: null empty, a number as JavaScript prints it
 * (so a DOUBLE equals the cell only if it is the very number the scorer wrote).
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return value;
  throw new Error(`summary.sql gave a ${typeof value}: ${String(value)}`);
}

/** A CSV Skillscope wrote, as header and rows of raw cells (guards kept, as the SQL keeps them). */
export function readCsvCells(file: string): SqlRun {
  const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message ?? ''}`);
  const [columns = [], ...rows] = parsed.data;
  return { columns, rows };
}

/** Rows as sorted lines, one cell per field, for a set comparison whose diff is readable. */
export function rowSet(rows: readonly (readonly string[])[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}
