import type { Issue } from '../model/result.ts';

/** Framework files are a few hundred KB at most; anything far larger is refused before parsing. */
export const MAX_FRAMEWORK_FILE_BYTES = 5 * 1024 * 1024;

export function sizeIssue(bytes: number, file: string): Issue | null {
  if (bytes <= MAX_FRAMEWORK_FILE_BYTES) return null;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return {
    code: 'file.too-large',
    file,
    path: '',
    message: `The file is ${mb} MB; a framework file may be at most ${MAX_FRAMEWORK_FILE_BYTES / 1024 / 1024} MB.`,
  };
}
