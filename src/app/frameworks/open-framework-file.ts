import type { Framework } from '../../core/model/framework.ts';
import type { Result } from '../../core/model/result.ts';
import { MAX_FRAMEWORK_FILE_BYTES, sizeIssue } from '../../core/parse/framework-size.ts';
import { saveFrameworks } from '../storage/frameworks.ts';
import { isBuiltin } from './framework-source.ts';
import { readFrameworkOffThread } from './read-framework-off-thread.ts';

/**
 * Opens a framework file the user picked or dropped: size checked before reading, parsed and
 * validated by the core parser in a worker (an .xlsx workbook through read-excel-file, loaded only
 * then), and stored whole or not at all (one transaction).
 */
export async function openFrameworkFile(file: File): Promise<Result<Framework[]>> {
  const tooLarge = sizeIssue(file.size, file.name);
  if (tooLarge !== null || file.size > MAX_FRAMEWORK_FILE_BYTES) return { ok: false, issues: tooLarge ? [tooLarge] : [] };
  const parsed = await readFrameworkOffThread(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!parsed.ok) return parsed;
  const clash = parsed.value.filter((framework) => isBuiltin(framework.id));
  if (clash.length > 0) {
    return {
      ok: false,
      issues: clash.map((framework) => ({ code: 'framework.builtin-id', file: file.name, path: 'id', message: `"${framework.id}" is a built-in framework already; open the built-in one from the home page.` })),
    };
  }
  const saved = await saveFrameworks(parsed.value, file.name);
  if (!saved) return { ok: false, issues: [{ code: 'storage.refused', file: file.name, path: '', message: 'The framework is valid but your browser refused to store it.' }] };
  return parsed;
}
