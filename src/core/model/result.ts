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

/** One line per problem, as the CLI prints it and the app lists it: `file:row: path: message`. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.row === undefined ? undefined : `row ${issue.row}`]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
  const path = issue.path === '' ? '' : `${issue.path}: `;
  return `${where === '' ? '' : `${where}: `}${path}${issue.message} [${issue.code}]`;
}

/** Adds `file` to issues that do not name one yet. */
export function inFile(file: string, issues: Issue[]): Issue[] {
  return issues.map((issue) => (issue.file === undefined ? { ...issue, file } : issue));
}
