import { parseResponseFile, writeResponseFile } from '../../core/io/response-file.ts';
import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { database } from '../storage/db.ts';
import { guardedWrite } from '../storage/storage-status.ts';

/**
 * A rater's submitted response, kept in the rater's own browser so that reopening the link
 * shows the file and code again instead of a blank survey.
 */
export type Submission = { invitationId: string; response: SurveyResponse };

const keyOf = (invitationId: string) => `submitted:${invitationId}`;

export function saveSubmission(submission: Submission): Promise<boolean> {
  return guardedWrite(async () => (await database()).put('settings', writeResponseFile(submission.response), keyOf(submission.invitationId)));
}

export async function loadSubmission(invitationId: string, framework: Framework): Promise<Submission | undefined> {
  const stored = await (await database()).get('settings', keyOf(invitationId));
  if (typeof stored !== 'string') return undefined;
  const parsed = parseResponseFile(stored, 'saved response', (id) => (id === framework.id ? framework : undefined));
  return parsed.ok ? { invitationId, response: parsed.value } : undefined;
}

/**
 * Whether the collection address already took this response: reopening the link then shows
 * "Delivered" instead of sending the same response again.
 */
const deliveredKey = (responseId: string, endpoint: string) => `delivered:${JSON.stringify([responseId, endpoint])}`;

export async function wasDelivered(responseId: string, endpoint: string): Promise<boolean> {
  return (await (await database()).get('settings', deliveredKey(responseId, endpoint))) === true;
}

export function markDelivered(responseId: string, endpoint: string): Promise<boolean> {
  return guardedWrite(async () => (await database()).put('settings', true, deliveredKey(responseId, endpoint)));
}
