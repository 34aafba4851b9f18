import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { parseResponseFile, writeResponseFile } from '../../core/io/response-file.ts';
import { database, type StoredResponse } from './db.ts';
import { guardedWrite } from './storage-status.ts';

type Lookup = (frameworkId: string) => Framework | undefined;

function toStored(response: SurveyResponse, storedAt: string): StoredResponse {
  return { responseId: response.responseId, subjectId: response.subjectId, frameworkId: response.frameworkId, json: writeResponseFile(response), storedAt };
}

/** Stores responses all together or not at all: one transaction, so a failed import changes nothing. */
export function saveResponses(responses: readonly SurveyResponse[]): Promise<boolean> {
  const storedAt = new Date().toISOString();
  return guardedWrite(async () => {
    const tx = (await database()).transaction('responses', 'readwrite');
    await Promise.all([...responses.map((response) => tx.store.put(toStored(response, storedAt))), tx.done]);
  });
}

/** Every stored response whose framework is known, read back through the same validating parser as a file. */
export async function loadResponses(lookup: Lookup, filter?: { subjectId?: string; frameworkId?: string }): Promise<SurveyResponse[]> {
  const db = await database();
  const stored = filter?.subjectId !== undefined && filter.frameworkId !== undefined
    ? await db.getAllFromIndex('responses', 'bySubject', [filter.subjectId, filter.frameworkId])
    : await db.getAll('responses');
  return stored.flatMap((entry) => {
    if (filter?.frameworkId !== undefined && entry.frameworkId !== filter.frameworkId) return [];
    if (lookup(entry.frameworkId) === undefined) return [];
    const parsed = parseResponseFile(entry.json, entry.responseId, lookup);
    return parsed.ok ? [parsed.value] : [];
  });
}
