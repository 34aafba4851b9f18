import type { Framework } from '../../core/model/framework.ts';
import type { Result } from '../../core/model/result.ts';
import { readFrameworkFile } from '../../core/parse/parse-framework-file.ts';
import type { ReadRequest } from './read-framework-file.worker.ts';
import { readXlsxSheetInBrowser } from './read-xlsx-sheet.ts';

/**
 * The core framework reader, run in a worker so the page keeps responding while a large file is
 * read; where a worker cannot start, the same reader runs here. Either way the result is the one
 * core returns: the file's frameworks, or every problem.
 */
export function readFrameworkOffThread(bytes: Uint8Array, name: string): Promise<Result<Framework[]>> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./read-framework-file.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readFrameworkFile(bytes, name, readXlsxSheetInBrowser);
  }
  return new Promise<Result<Framework[]>>((resolve) => {
    worker.onmessage = (event: MessageEvent<Result<Framework[]>>) => resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(readFrameworkFile(bytes, name, readXlsxSheetInBrowser));
    };
    const copy = bytes.slice().buffer;
    const request: ReadRequest = { bytes: copy, name };
    worker.postMessage(request, [copy]);
  }).finally(() => worker.terminate());
}
