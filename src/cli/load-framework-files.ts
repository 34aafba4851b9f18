import { excerpt } from '../core/model/echo.ts';
import type { Framework } from '../core/model/framework.ts';
import type { Issue, Result } from '../core/model/result.ts';
import { MAX_CASE_PACKAGE_BYTES } from '../core/parse/framework-size.ts';
import { type FrameworkReadOptions, readFrameworkFile } from '../core/parse/parse-framework-file.ts';
import { readInputFile } from './read-input-file.ts';
import { readXlsxSheet } from './read-xlsx-sheet.ts';

/**
 * Framework files named on the command line, every problem of every file listed: each file's
 * format is decided by its content, .xlsx workbooks (the spreadsheet template) included, read
 * with read-excel-file. `casePart` (--case-part) picks the part of each CASE package to read.
 */
export async function loadFrameworkFiles(files: readonly string[], casePart: string | null = null): Promise<Result<Framework[]>> {
  const options: FrameworkReadOptions = casePart === null ? {} : { caseSubtree: casePart };
  const read: { file: string; parsed: Result<Framework[]> }[] = [];
  for (const file of files) {
    const input = readInputFile(file, MAX_CASE_PACKAGE_BYTES);
    read.push({ file, parsed: input.ok ? await readFrameworkFile(input.value, file, readXlsxSheet, options) : input });
  }
  return gather(read);
}

/** Every file's frameworks, or every problem: a framework id found in two files is one of them. */
function gather(read: readonly { file: string; parsed: Result<Framework[]> }[]): Result<Framework[]> {
  const frameworks: Framework[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const { file, parsed } of read) {
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    for (const framework of parsed.value) {
      const first = seen.get(framework.id);
      if (first !== undefined) issues.push({ code: 'framework.duplicate-id', file, path: 'id', message: `Framework ${excerpt(framework.id)} is also in ${first}.` });
      seen.set(framework.id, file);
      frameworks.push(framework);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: frameworks };
}
