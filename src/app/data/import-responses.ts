import { mergeResponses } from '../../core/io/merge-responses.ts';
import { readResponseInput, type ResponseInput } from '../../core/io/read-response-input.ts';
import type { FrameworkLookup } from '../../core/io/response-fields.ts';
import type { Issue } from '../../core/model/result.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { loadResponses, saveResponses } from '../storage/responses.ts';

export type ImportProgress = { done: number; total: number; bytes: number; totalBytes: number };
export type ImportSummary = { added: number; alreadyThere: number; responses: SurveyResponse[] };

/** A framework the chosen inputs name that this browser does not have, and which inputs name it. */
export type MissingFramework = { frameworkId: string; inputs: string[] };

/**
 * Why nothing was imported. `missingFrameworks` lists the frameworks that were not found: they
 * are never built in (the built-in set is always here), so the learner opened each from a file,
 * and the page can offer to open that file and import again.
 */
export type ImportOutcome = { ok: true; value: ImportSummary } | { ok: false; issues: Issue[]; missingFrameworks: MissingFramework[] };

/** The issue codes of a response naming a framework the lookup does not know; the page says it in its own words. */
export const UNKNOWN_FRAMEWORK_CODES: ReadonlySet<string> = new Set(['response.unknown-framework', 'code.unknown-framework']);

/** A picked or dropped file, for core's reader: its bytes streamed, never its name trusted. */
export function fileInput(file: File): ResponseInput {
  return {
    kind: 'bytes',
    name: file.name,
    // Read when the import needs it, not in the change handler: a picked file's size can cost
    // the browser a look at the disk, and 500 of them would freeze the page before it says a word.
    get size() {
      return file.size;
    },
    bytes: () => streamBytes(file),
  };
}

/**
 * A megabyte at a time, each slice read as a task of its own, so that the page paints the
 * progress bar between chunks (a stream's reads can resolve back to back without a paint).
 */
async function* streamBytes(file: File): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    yield new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
  }
}

const CHUNK_BYTES = 1 << 20;

const sizeOf = (input: ResponseInput) => (input.kind === 'bytes' ? input.size : input.text.length);

/**
 * DESIGN.md: each input validated whole; a response imported twice counts once; the same
 * response_id with different content is an error naming both; and a batch with any problem
 * imports nothing, leaving what is stored untouched.
 */
export async function importResponses(
  inputs: readonly ResponseInput[],
  lookup: FrameworkLookup,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const totalBytes = inputs.reduce((sum, input) => sum + sizeOf(input), 0);
  const issues: Issue[] = [];
  const batches: { file: string; responses: SurveyResponse[] }[] = [];
  const missing = new Map<string, Set<string>>();
  let bytesBefore = 0;
  for (const [index, input] of inputs.entries()) {
    // Watch which frameworks the reader could not find, by id: a message is not for parsing.
    const watched: FrameworkLookup = (frameworkId) => {
      const framework = lookup(frameworkId);
      if (framework === undefined) missing.set(frameworkId, (missing.get(frameworkId) ?? new Set()).add(input.name));
      return framework;
    };
    const read = await readResponseInput(input, watched, (bytes) => onProgress({ done: index, total: inputs.length, bytes: bytesBefore + bytes, totalBytes }));
    bytesBefore += sizeOf(input);
    onProgress({ done: index + 1, total: inputs.length, bytes: bytesBefore, totalBytes });
    if (read.ok) batches.push({ file: input.name, responses: read.value });
    else issues.push(...read.issues);
    // Let the page paint the progress bar between files.
    if (index % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Conflicts between the files that did parse are listed with the files that did not.
  const { responses: stored } = await loadResponses(lookup);
  const merged = mergeResponses([{ file: 'the responses already in this browser', responses: stored }, ...batches]);
  if (!merged.ok) issues.push(...merged.issues);
  const missingFrameworks = [...missing].map(([frameworkId, names]) => ({ frameworkId, inputs: [...names] }));
  if (issues.length > 0 || !merged.ok) return { ok: false, issues, missingFrameworks };
  const known = new Set(stored.map((response) => response.responseId));
  const fresh = merged.value.filter((response) => !known.has(response.responseId));
  const incoming = batches.reduce((sum, batch) => sum + batch.responses.length, 0);
  if (fresh.length > 0 && !(await saveResponses(fresh))) {
    return { ok: false, issues: [{ code: 'storage.refused', path: '', message: 'The files are valid, but your browser refused to store them. Nothing was imported.' }], missingFrameworks: [] };
  }
  return { ok: true, value: { added: fresh.length, alreadyThere: incoming - fresh.length, responses: fresh } };
}
