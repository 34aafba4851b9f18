import { parseResponseFile, writeResponseFile } from '../../core/io/response-file.ts';
import type { Framework } from '../../core/model/framework.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { database } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/**
 * A rater's submitted response, kept in the rater's own browser so that reopening the link
 * shows the file and code again instead of a blank survey.
 */
export type Submission = { invitationId: string; response: SurveyResponse };

/** What reopening a link finds: nothing yet, the submission, or one stored that no longer reads back. */
export type StoredSubmissionRead = { state: 'none' } | { state: 'readable'; submission: Submission } | { state: 'unreadable' };

export function saveSubmission(submission: Submission): Promise<boolean> {
  return guardedWrite(async () => (await database()).put('submissions', { invitationId: submission.invitationId, json: writeResponseFile(submission.response) }));
}

export async function loadSubmission(invitationId: string, framework: Framework): Promise<StoredSubmissionRead> {
  const stored: unknown = await (await database()).get('submissions', invitationId);
  if (stored === undefined) return { state: 'none' };
  const response = readSubmission(stored, invitationId, framework);
  return response === undefined ? { state: 'unreadable' } : { state: 'readable', submission: { invitationId, response } };
}

/** The stored response file, through the same validating parser as any file; it answers this invitation of this framework. */
function readSubmission(stored: unknown, invitationId: string, framework: Framework): SurveyResponse | undefined {
  const json = isRecord(stored) ? own(stored, 'json') : undefined;
  if (typeof json !== 'string') return undefined;
  const parsed = parseResponseFile(json, 'saved response', (id) => (id === framework.id ? framework : undefined));
  return parsed.ok && parsed.value.responseId === invitationId ? parsed.value : undefined;
}
