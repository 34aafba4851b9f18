import { readFileSync, statSync } from 'node:fs';
import type { Result } from '../core/model/result.ts';

/** Reads a text file named on the command line; a missing or unreadable one is an issue, not a crash. */
export function readInputFile(path: string, maxBytes: number): Result<{ text: string; bytes: number }> {
  try {
    const { size, isFile } = ((stat) => ({ size: stat.size, isFile: stat.isFile() }))(statSync(path));
    if (!isFile) return { ok: false, issues: [{ code: 'file.not-a-file', file: path, path: '', message: 'This is not a file.' }] };
    if (size > maxBytes) {
      return { ok: false, issues: [{ code: 'file.too-large', file: path, path: '', message: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB is read.` }] };
    }
    return { ok: true, value: { text: readFileSync(path, 'utf8'), bytes: size } };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'The file does not exist.' : `The file cannot be read (${String(error)}).`;
    return { ok: false, issues: [{ code: 'file.unreadable', file: path, path: '', message: reason }] };
  }
}
