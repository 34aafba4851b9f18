import type { FrameworkRead, FrameworkReading } from './framework-reading.ts';
import type { ReadRequest } from './read-framework-file.worker.ts';

/**
 * The framework reader, run in a worker so the page keeps responding while a large file is read;
 * where a worker cannot start, or fails, the same reader runs here. One reader serves one file:
 * `read` it, then `pick` parts of a CASE package too large for one survey (the worker keeps the
 * package it parsed), and `close` it when done, which frees the worker and what it holds.
 */
export type FrameworkReader = {
  read(file: Blob, name: string): Promise<FrameworkRead>;
  pick(subtree: string): Promise<FrameworkRead>;
  close(): void;
};

export function startFrameworkReader(): FrameworkReader {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./read-framework-file.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  // The same reading on the page, used when the worker could not start or has failed; its
  // parsers are loaded only then, so they stay out of the page's JavaScript otherwise.
  let local: FrameworkReading | null = null;
  let lastFile: { file: Blob; name: string } | null = null;
  const onPage = async () => (local ??= new (await import('./framework-reading.ts')).FrameworkReading());

  const readOnPage = async (file: Blob, name: string) => (await onPage()).read(new Uint8Array(await file.arrayBuffer()), name);

  const ask = (request: ReadRequest, fallback: () => Promise<FrameworkRead>): Promise<FrameworkRead> => {
    const current = worker;
    if (current === null) return fallback();
    return new Promise<FrameworkRead>((resolve) => {
      current.onmessage = (event: MessageEvent<FrameworkRead>) => resolve(event.data);
      current.onerror = (event) => {
        event.preventDefault();
        current.terminate();
        worker = null;
        resolve(fallback());
      };
      current.postMessage(request);
    });
  };

  return {
    read(file, name) {
      lastFile = { file, name };
      local = null;
      return ask({ kind: 'read', file, name }, () => readOnPage(file, name));
    },
    pick(subtree) {
      return ask({ kind: 'pick', subtree }, async () => {
        // A worker that failed took the package with it: read the file here once, then pick.
        if (local === null && lastFile !== null) await readOnPage(lastFile.file, lastFile.name);
        return (await onPage()).pick(subtree);
      });
    },
    close() {
      worker?.terminate();
      worker = null;
      local = null;
      lastFile = null;
    },
  };
}
