import { createReadStream, statSync } from 'node:fs';
import { type ReadProgress, readResponseInput } from '../core/io/read-response-input.ts';
import type { FrameworkLookup } from '../core/io/response-fields.ts';
import type { Result } from '../core/model/result.ts';
import type { SurveyResponse } from '../core/model/response.ts';
import { describeFileError } from './read-input-file.ts';

/** Bytes read from the disk at a time: the next read runs while the pieces of this one are parsed. */
const READ_BYTES = 256 * 1024;
/**
 * Bytes handed to the reader at a time. papaparse re-joins the unfinished row with each new
 * piece, and measured larger pieces (1 MB) read a million-row file a third slower; reading 64 KB
 * from the disk at a time, though, left the reader waiting for each read (`npm run bench -- csv`).
 */
const PIECE_BYTES = 64 * 1024;

async function* piecesOf(path: string): AsyncGenerator<Uint8Array> {
  for await (const read of createReadStream(path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
    for (let start = 0; start < read.length; start += PIECE_BYTES) yield read.subarray(start, Math.min(read.length, start + PIECE_BYTES));
  }
}

/**
 * A file named on the command line, handed to core's one reader as a stream of bytes. Only
 * regular files are opened (a FIFO or a device could block forever); an error while reading,
 * such as a file removed part-way, becomes an issue, not a stack trace.
 */
export async function readResponseFile(path: string, lookup: FrameworkLookup, onProgress: ReadProgress): Promise<Result<SurveyResponse[]>> {
  const problem = (code: string, message: string): Result<SurveyResponse[]> => ({ ok: false, issues: [{ code, file: path, path: '', message }] });
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return problem('file.not-a-file', stat.isDirectory() ? 'This is a folder, not a file.' : 'This is not a regular file.');
    return await readResponseInput({ kind: 'bytes', name: path, size: stat.size, bytes: () => piecesOf(path) }, lookup, onProgress);
  } catch (error) {
    return problem('file.unreadable', describeFileError(error));
  }
}
