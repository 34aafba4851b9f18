import { excerpt } from '../model/echo.ts';
import type { Issue } from '../model/result.ts';
import { headerIssues } from './csv-format.ts';
import type { FieldIssue } from './response-fields.ts';

/**
 * A file with a wrong framework id on every one of a million rows would otherwise make a
 * million issues: past this many, the rest are counted in one closing issue.
 */
export const MAX_LISTED_ISSUES = 1000;

export class CsvIssues {
  readonly list: Issue[] = [];
  private unlisted = 0;

  constructor(readonly file: string) {}

  add(issue: Issue): void {
    if (this.list.length < MAX_LISTED_ISSUES) this.list.push(issue);
    else this.unlisted += 1;
  }

  addAt(row: number, issue: FieldIssue): void {
    this.add({ ...issue, file: this.file, row });
  }

  get count(): number {
    return this.list.length + this.unlisted;
  }

  all(): Issue[] {
    if (this.unlisted === 0) return this.list;
    return [
      ...this.list,
      { code: 'csv.more-issues', file: this.file, path: '', message: `${this.unlisted} more problems of the same kinds are not listed.` },
    ];
  }
}

export type HeaderIndex = {
  /** Column name -> its first position. */
  columns: Map<string, number>;
  /** Whether rows can be read: every required column is there. */
  complete: boolean;
};

/**
 * Maps the header to column positions once, so that rows are read by index. Lists empty,
 * duplicate, unknown (`isKnown` false) and missing columns.
 */
export function indexHeader(
  cells: readonly string[],
  required: readonly string[],
  isKnown: (name: string) => boolean,
  issues: CsvIssues,
): HeaderIndex {
  for (const issue of headerIssues(cells, issues.file)) issues.add(issue);
  const columns = new Map<string, number>();
  cells.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '' || columns.has(name)) return;
    columns.set(name, index);
    if (!required.includes(name) && !isKnown(name)) {
      issues.add({ code: 'csv.unknown-column', file: issues.file, row: 1, path: name, message: `Column ${excerpt(name)} is not one this file can have.` });
    }
  });
  let complete = true;
  for (const name of required) {
    if (!columns.has(name)) {
      complete = false;
      issues.add({ code: 'csv.missing-column', file: issues.file, row: 1, path: name, message: `Column ${excerpt(name)} is missing from the header.` });
    }
  }
  return { columns, complete };
}

/** Cells past the header's width are allowed only when empty (Excel can leave some behind). */
export function checkRowWidth(cells: readonly string[], width: number, row: number, issues: CsvIssues): void {
  for (let index = width; index < cells.length; index += 1) {
    if ((cells[index] ?? '').trim() !== '') {
      issues.addAt(row, { code: 'csv.too-many-cells', path: `column ${index + 1}`, message: `This row has a value in column ${index + 1}, past the ${width} columns of the header.` });
      return;
    }
  }
}
