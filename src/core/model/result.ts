import { cut, escapeControls } from './echo.ts';

/** A problem found in user input: where it is and what to do about it. */
export type Issue = {
  /** Stable, machine-readable, e.g. `csv.unknown-column`, `framework.duplicate-id`. */
  code: string;
  file?: string;
  /** 1-based line or CSV row (the header row is row 1). */
  row?: number;
  /** Where in the structure: a JSON path (`framework.levels.emerging`), a column, or `''`. */
  path: string;
  message: string;
};

/** Parsers and importers return every problem they find, never only the first (STYLE.md). */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(issues: Issue[]): Result<T> => ({ ok: false, issues });

/**
 * An issue's parts as shown to a person, the same in the CLI and the app: every part escaped,
 * so a file name or value with a line break or an escape sequence can never print a second,
 * fake line, and cut to a bounded length, so a crafted id cannot flood a screen.
 */
export function issueParts(issue: Issue): { where: string; path: string; message: string } {
  const where = [issue.file === undefined ? undefined : shorten(issue.file, 200), issue.row === undefined ? undefined : `row ${issue.row}`]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
  return { where, path: shorten(issue.path, 120), message: shorten(issue.message, 800) };
}

/** One line per problem, as the CLI prints it: `file, row N: path: message [code]`. */
export function formatIssue(issue: Issue): string {
  const { where, path, message } = issueParts(issue);
  return `${where === '' ? '' : `${where}: `}${path === '' ? '' : `${path}: `}${message} [${escapeControls(issue.code)}]`;
}

function shorten(text: string, max: number): string {
  return escapeControls(cut(text, max));
}

/** Adds `file` to issues that do not name one yet. */
export function inFile(file: string, issues: Issue[]): Issue[] {
  return issues.map((issue) => (issue.file === undefined ? { ...issue, file } : issue));
}
