import { type ByteSource, type DecodedChunk, decodeUtf8Chunks } from '../input/decode-text.ts';
import type { Issue, Result } from '../model/result.ts';
import type { SurveyResponse } from '../model/response.ts';
import type { FrameworkLookup } from './response-fields.ts';
import { parseResponseFile } from './response-file.ts';
import { decodeResponseCode, RESPONSE_CODE_PREFIX } from './response-code.ts';
import { createResponsesCsvReader } from './responses-csv-reader.ts';
import { feedCsvChunks, feedCsvText } from './responses-csv-stream.ts';

/**
 * The one door every response comes in by, in the app and the command line alike: a file's
 * bytes (a response file, responses-long.csv or responses-wide.csv, or a text file of response
 * codes) or pasted text (one or more response codes, or the text of any of those files). The
 * kind is told from the content, never from the name. CSV is streamed; everything else is read
 * whole, within a size cap.
 */
export type ResponseInput =
  | { kind: 'bytes'; name: string; size: number; bytes: () => ByteSource }
  | { kind: 'text'; name: string; text: string };

/** A response file is a few kilobytes; one far larger is refused before it is read. */
export const MAX_RESPONSE_FILE_BYTES = 10 * 1024 * 1024;

/** Bytes read so far, for a progress bar. */
export type ReadProgress = (bytesRead: number) => void;

export async function readResponseInput(
  input: ResponseInput,
  lookup: FrameworkLookup,
  onProgress: ReadProgress = () => undefined,
): Promise<Result<SurveyResponse[]>> {
  if (input.kind === 'text') return readText(input.text, input.name, lookup, true);

  const { name } = input;
  const chunks = decodeUtf8Chunks(input.bytes(), name);
  // Enough of the start to tell the kind: past any leading blank space.
  let start = '';
  while (start.trim() === '') {
    const next = await chunks.next();
    if (next.done === true) break;
    if ('issue' in next.value) return { ok: false, issues: [next.value.issue] };
    start += next.value.text;
  }
  const kind = kindOf(start);
  if (kind !== 'csv') {
    if (input.size > MAX_RESPONSE_FILE_BYTES) {
      await chunks.return(undefined);
      return { ok: false, issues: [tooLargeIssue(name, `The file is ${(input.size / 1024 / 1024).toFixed(1)} MB`)] };
    }
    const whole = await collect(start, chunks, name);
    onProgress(input.size);
    return whole.ok ? readText(whole.value, name, lookup, false) : whole;
  }

  // A byte that is not UTF-8 stops the read, and is then the only problem worth saying.
  let notText: Issue | undefined;
  async function* texts(): AsyncGenerator<string> {
    yield start;
    for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) {
      if ('issue' in chunk) {
        notText = chunk.issue;
        return;
      }
      onProgress(chunk.bytesRead);
      yield chunk.text;
    }
  }
  const read = await feedCsvChunks(texts(), name, createResponsesCsvReader(name, lookup));
  return notText === undefined ? read : { ok: false, issues: [notText] };
}

type Kind = 'json' | 'codes' | 'csv';

/** Pasted text holding a code anywhere is codes (a chat message around them is said to be stray). */
function kindOf(text: string, pasted = false): Kind {
  const start = text.trimStart();
  // A JSON array is no response file either, but the JSON reader says what it is (or how deep):
  // read as a CSV, it would be one huge cell and "a file with no header".
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith(RESPONSE_CODE_PREFIX) || (pasted && start.includes(RESPONSE_CODE_PREFIX))) return 'codes';
  return 'csv';
}

function readText(text: string, name: string, lookup: FrameworkLookup, pasted: boolean): Result<SurveyResponse[]> {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, issues: [{ code: 'input.empty', file: name, path: '', message: 'There is nothing here to import.' }] };
  switch (kindOf(source, pasted)) {
    case 'json': {
      const parsed = parseResponseFile(source, name, lookup);
      return parsed.ok ? { ok: true, value: [parsed.value] } : parsed;
    }
    case 'codes':
      return readCodes(source, name, lookup);
    case 'csv':
      return feedCsvText(source, name, createResponsesCsvReader(name, lookup));
  }
}

/**
 * Several codes pasted together, one per line, separated by spaces, or run together: each starts
 * with the prefix, which base64url never contains (it has no dot). Each code is named by its
 * place (`pasted text, code 2`), every problem of every code listed.
 */
function readCodes(text: string, name: string, lookup: FrameworkLookup): Result<SurveyResponse[]> {
  const codes = text.split(RESPONSE_CODE_PREFIX).slice(1).map((body) => `${RESPONSE_CODE_PREFIX}${body.replace(/\s+/g, '')}`);
  const issues: Issue[] = [];
  const responses: SurveyResponse[] = [];
  const before = text.slice(0, text.indexOf(RESPONSE_CODE_PREFIX)).trim();
  if (before !== '') issues.push({ code: 'code.stray-text', file: name, path: '', message: 'There is text before the first response code; paste only the codes.' });
  codes.forEach((code, index) => {
    const decoded = decodeResponseCode(code, `${name}, code ${index + 1}`, lookup);
    if (decoded.ok) responses.push(decoded.value);
    else issues.push(...decoded.issues);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: responses };
}

/** The rest of a file read whole, stopped past the cap whatever size the file claimed. */
async function collect(start: string, chunks: AsyncGenerator<DecodedChunk>, name: string): Promise<Result<string>> {
  const parts = [start];
  let length = start.length;
  for await (const chunk of { [Symbol.asyncIterator]: () => chunks }) {
    if ('issue' in chunk) return { ok: false, issues: [chunk.issue] };
    length += chunk.text.length;
    if (length > MAX_RESPONSE_FILE_BYTES) return { ok: false, issues: [tooLargeIssue(name, 'The file is larger than it said')] };
    parts.push(chunk.text);
  }
  return { ok: true, value: parts.join('') };
}

function tooLargeIssue(file: string, size: string): Issue {
  return { code: 'file.too-large', file, path: '', message: `${size}; a response file or a file of response codes is at most ${MAX_RESPONSE_FILE_BYTES / 1024 / 1024} MB.` };
}
