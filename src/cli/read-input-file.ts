import { readFileSync, statSync } from 'node:fs';
import type { Result } from '../core/model/result.ts';
import { errorCode, fileErrorReason } from './file-errors.ts';

/**
 * The bytes of a file named on the command line, for core to decode and check; a missing,
 * unreadable or oversized one is an issue, not a crash, and a FIFO or device is never opened
 * (reading one could wait forever).
 */
export function readInputFile(path: string, maxBytes: number): Result<Uint8Array> {
  const problem = (code: string, message: string): Result<Uint8Array> => ({ ok: false, issues: [{ code, file: path, path: '', message }] });
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return problem('file.not-a-file', stat.isDirectory() ? 'This is a folder, not a file.' : 'This is not a regular file.');
    if (stat.size > maxBytes) {
      return problem('file.too-large', `The file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB is read.`);
    }
    return { ok: true, value: readFileSync(path) };
  } catch (error) {
    return problem('file.unreadable', describeFileError(error));
  }
}

/** A reading error in words, without a stack trace. */
export function describeFileError(error: unknown): string {
  return errorCode(error) === 'ENOENT' ? 'The file does not exist.' : `The file cannot be read: ${fileErrorReason(error)}.`;
}
