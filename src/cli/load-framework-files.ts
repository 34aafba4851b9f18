import { excerpt } from '../core/model/echo.ts';
import type { Framework } from '../core/model/framework.ts';
import type { Issue, Result } from '../core/model/result.ts';
import { MAX_FRAMEWORK_FILE_BYTES } from '../core/parse/framework-size.ts';
import { readFrameworkBytes } from '../core/parse/parse-framework-file.ts';
import { readInputFile } from './read-input-file.ts';

/** Framework files named on the command line, every problem of every file listed. */
export function loadFrameworkFiles(files: readonly string[]): Result<Framework[]> {
  const frameworks: Framework[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const input = readInputFile(file, MAX_FRAMEWORK_FILE_BYTES);
    const parsed = input.ok ? readFrameworkBytes(input.value, file) : input;
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
