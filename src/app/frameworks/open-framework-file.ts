import type { CaseParts } from '../../core/case/import-case.ts';
import type { Framework } from '../../core/model/framework.ts';
import type { Issue, Result } from '../../core/model/result.ts';
import { MAX_CASE_PACKAGE_BYTES, sizeIssue } from '../../core/parse/framework-size.ts';
import { saveFrameworks } from '../storage/frameworks.ts';
import type { FrameworkRead } from './framework-reading.ts';
import { isBuiltin } from './framework-source.ts';
import { startFrameworkReader } from './read-framework-off-thread.ts';

/**
 * Opening a framework file the user picked, dropped or pasted: size checked before reading,
 * parsed and validated by core in a worker (an .xlsx workbook through read-excel-file, loaded
 * only then), and stored whole or not at all (one transaction). A CASE package too large for one
 * survey comes back with its parts; `openPart` then opens the one picked, from the package the
 * worker already holds.
 */
export type Opening =
  | { ok: true; frameworks: Framework[]; assumptions: string[] }
  | { ok: false; issues: Issue[]; parts?: CaseParts };

export type FrameworkOpener = {
  open(file: File): Promise<Opening>;
  openPart(subtree: string): Promise<Opening>;
  /** Frees the worker and the package it holds. */
  close(): void;
};

/** What a pasted package is called in messages and on the framework's About page. */
export const PASTED_JSON_NAME = 'pasted JSON';

export function startFrameworkOpener(): FrameworkOpener {
  const reader = startFrameworkReader();
  let name = '';
  return {
    async open(file) {
      name = file.name;
      // Before reading: every format but CASE has a smaller cap, which the reader then applies.
      const tooLarge = sizeIssue(file.size, file.name, MAX_CASE_PACKAGE_BYTES);
      if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
      return store(await reader.read(file, file.name), file.name);
    },
    async openPart(subtree) {
      return store(await reader.pick(subtree), name);
    },
    close: () => reader.close(),
  };
}

async function store(read: FrameworkRead, file: string): Promise<Opening> {
  if (!read.ok) return read;
  const clash = read.value.filter((framework) => isBuiltin(framework.id));
  if (clash.length > 0) {
    return {
      ok: false,
      issues: clash.map((framework) => ({ code: 'framework.builtin-id', file, path: 'id', message: `"${framework.id}" is a built-in framework already; open the built-in one from the home page.` })),
    };
  }
  const saved = await saveFrameworks(read.value, file);
  if (!saved) return { ok: false, issues: [{ code: 'storage.refused', file, path: '', message: 'The framework is valid but your browser refused to store it.' }] };
  return { ok: true, frameworks: read.value, assumptions: read.assumptions };
}

/** One file opened and the reader closed: for pages that offer no part to pick (Your data's missing frameworks). */
export async function openFrameworkFile(file: File): Promise<Result<Framework[]>> {
  const opener = startFrameworkOpener();
  try {
    const opened = await opener.open(file);
    return opened.ok ? { ok: true, value: opened.frameworks } : { ok: false, issues: opened.issues };
  } finally {
    opener.close();
  }
}
