import Papa from 'papaparse';
import { detectCsvKind } from '../../core/io/csv-kind.ts';
import type { FrameworkLookup } from '../../core/io/response-fields.ts';
import { parseResponseFile } from '../../core/io/response-file.ts';
import { createLongCsvReader } from '../../core/io/responses-long-csv.ts';
import { createWideCsvReader } from '../../core/io/responses-wide-csv.ts';
import { csvChunkConfig, type CsvRowReader } from '../../core/io/responses-csv-stream.ts';
import type { Result } from '../../core/model/result.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { decodeResponseCode } from '../../core/share/response-code.ts';

/** What a learner or manager hands the app: files (JSON or CSV) and pasted response codes. */
export type ResponseInput = { kind: 'file'; file: File } | { kind: 'code'; text: string; label: string };

export const inputName = (input: ResponseInput): string => (input.kind === 'file' ? input.file.name : input.label);

const MAX_JSON_BYTES = 10 * 1024 * 1024;
const CHUNK_BYTES = 1 << 20;

/**
 * Reads one input whole through the core readers, which list every problem. CSVs stream in 1 MB
 * chunks so a large file never sits in memory as text, and `onBytes` can drive a progress bar.
 */
export async function readResponseInput(input: ResponseInput, lookup: FrameworkLookup, onBytes: (bytes: number) => void): Promise<Result<SurveyResponse[]>> {
  const name = inputName(input);
  if (input.kind === 'code') {
    const decoded = decodeResponseCode(input.text, name, lookup);
    return decoded.ok ? { ok: true, value: [decoded.value] } : decoded;
  }
  const { file } = input;
  const head = await file.slice(0, 4096).text();
  if (head.trimStart().startsWith('{')) {
    if (file.size > MAX_JSON_BYTES) return { ok: false, issues: [{ code: 'file.too-large', file: name, path: '', message: 'A response file is a few kilobytes; this one is far larger.' }] };
    const parsed = parseResponseFile(await file.text(), name, lookup);
    onBytes(file.size);
    return parsed.ok ? { ok: true, value: [parsed.value] } : parsed;
  }
  const header = Papa.parse<string[]>(head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '', { delimiter: sniff(head) }).data[0] ?? [];
  const kind = detectCsvKind(header.map((cell) => cell.trim()));
  if (kind === 'summary' || kind === 'statements') {
    return { ok: false, issues: [{ code: 'csv.not-responses', file: name, row: 1, path: '', message: `This is a ${kind}.csv, which holds figures, not answers. Import response files, responses-long.csv or responses-wide.csv.` }] };
  }
  const reader: CsvRowReader<SurveyResponse[]> = kind === 'responses-wide' ? createWideCsvReader(name, lookup) : createLongCsvReader(name, lookup);
  return streamCsv(file, name, reader, onBytes);
}

function sniff(head: string): string {
  const line = head.split(/\r?\n/)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
}

function streamCsv(file: File, name: string, reader: CsvRowReader<SurveyResponse[]>, onBytes: (bytes: number) => void): Promise<Result<SurveyResponse[]>> {
  const config = csvChunkConfig(reader, name);
  return new Promise((resolve) => {
    Papa.parse<string[]>(file, {
      delimiter: config.delimiter,
      chunkSize: CHUNK_BYTES,
      chunk: (results) => {
        config.chunk(results);
        onBytes(results.meta.cursor);
      },
      complete: () => resolve(reader.finish()),
      error: (error: Error) => {
        reader.issue({ code: 'csv.unreadable', file: name, path: '', message: `The file could not be read: ${error.message}.` });
        resolve(reader.finish());
      },
    });
  });
}
