import type { FrameworkLookup } from '../../core/io/response-fields.ts';
import { parseResponseFile, writeResponseFile } from '../../core/io/response-file.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { database, type StoredResponse } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** `unreadable`: stored responses left out because they no longer read back (issue 9: every page says so). */
export type StoredResponses = { responses: SurveyResponse[]; unreadable: number };

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

/**
 * Every stored response (or one subject's for one framework), read back through the same
 * validating parser as a file. One that does not parse, or whose framework `lookup` does not
 * know, is counted as unreadable.
 */
export async function loadResponses(lookup: FrameworkLookup, filter?: { subjectId: string; frameworkId: string }): Promise<StoredResponses> {
  const db = await database();
  const stored: unknown[] = filter === undefined
    ? await db.getAll('responses')
    : await db.getAllFromIndex('responses', 'bySubject', [filter.subjectId, filter.frameworkId]);
  const responses = stored.flatMap((entry) => readStoredResponse(entry, lookup) ?? []);
  return { responses, unreadable: stored.length - responses.length };
}

/** The record's own fields must be the response's: the subject index is how a profile finds its responses. */
function readStoredResponse(entry: unknown, lookup: FrameworkLookup): SurveyResponse | undefined {
  if (!isRecord(entry)) return undefined;
  const json = own(entry, 'json');
  const responseId = own(entry, 'responseId');
  if (typeof json !== 'string' || typeof responseId !== 'string') return undefined;
  const parsed = parseResponseFile(json, responseId, lookup);
  if (!parsed.ok) return undefined;
  const { value } = parsed;
  return value.responseId === responseId && value.subjectId === own(entry, 'subjectId') && value.frameworkId === own(entry, 'frameworkId') ? value : undefined;
}
