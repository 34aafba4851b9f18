import Papa from 'papaparse';
import type { FrameworkLookup } from '../../core/io/response-fields.ts';
import { parseResponseFile } from '../../core/io/response-file.ts';
import { createResponsesCsvReader } from '../../core/io/responses-csv-reader.ts';
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
  // Long or wide is told by the header, by the same reader the command line uses.
  return streamCsv(file, name, createResponsesCsvReader(name, lookup), onBytes);
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
