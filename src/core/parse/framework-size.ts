import type { Issue } from '../model/result.ts';

/** Framework files are a few hundred KB at most; anything far larger is refused before parsing. */
export const MAX_FRAMEWORK_FILE_BYTES = 5 * 1024 * 1024;

/**
 * CASE packages are far larger for the same framework: OpenSALT and CASE servers write every
 * item with its document's URI, its type as a link, dates and notes, pretty-printed, 1.5 to
 * 3.7 KB an item in the real packages of tests/fixtures/case/, and an association per link. A
 * state's standards of 5,000 items are about 10 MB (tests/bench/case-state-package.ts), so the
 * 5 MB cap would refuse ordinary packages of 2,500 items. 64 MB holds about 30,000 items at that
 * size, more than any one state framework, while keeping the cap: the JSON is scanned and parsed
 * whole (in the app, in a worker), so memory grows with the file. The importer's own caps (50,000
 * items, 200,000 associations) apply after that.
 */
export const MAX_CASE_PACKAGE_BYTES = 64 * 1024 * 1024;

/** A framework file over `cap` bytes (the general cap unless the content is a CASE package), refused before it is parsed. */
export function sizeIssue(bytes: number, file: string, cap = MAX_FRAMEWORK_FILE_BYTES): Issue | null {
  if (bytes <= cap) return null;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return {
    code: 'file.too-large',
    file,
    path: '',
    message: cap === MAX_CASE_PACKAGE_BYTES
      ? `The file is ${mb} MB; a CASE package may be at most ${cap / 1024 / 1024} MB. Export a smaller framework, or part of it, from the CASE tool.`
      : `The file is ${mb} MB; a framework file may be at most ${cap / 1024 / 1024} MB.`,
  };
}

/**
 * The cap for a file's text, decided before any parsing: a CASE package's when the text may be
 * one (a JSON object naming `"CFDocument"`), else the general one. A file that claims to be a
 * package and is not is held to the general cap once its format is known.
 */
export function capForText(text: string): number {
  return /^\uFEFF?\s*\{/.test(text) && text.includes('"CFDocument"') ? MAX_CASE_PACKAGE_BYTES : MAX_FRAMEWORK_FILE_BYTES;
}
