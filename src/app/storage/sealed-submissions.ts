import { startsWithAgeMagic } from '../../core/confidential/age-file.ts';
import { isSubmissionDay } from '../../core/confidential/sealed-content.ts';
import { MAX_SEALED_BYTES, SEALED_CODE_PREFIX } from '../../core/confidential/sealed-response.ts';
import { decodeBase64Url } from '../../core/io/base64url.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { database, type StoredSealedSubmission } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/**
 * A rater's sealed response to a confidential invitation, kept in the rater's own browser so
 * that reopening the link shows the same file and code again instead of a blank survey. Only
 * the sealed forms are kept: the plain answers are never stored once sealed (issue 10).
 */
export type SealedSubmission = StoredSealedSubmission;

/** What reopening a link finds: nothing yet, the sealed response, or one stored that no longer reads back. */
export type SealedSubmissionRead = { state: 'none' } | { state: 'readable'; submission: SealedSubmission } | { state: 'unreadable' };

export function saveSealedSubmission(submission: SealedSubmission): Promise<boolean> {
  return guardedWrite(async () => (await database()).put('sealedSubmissions', submission));
}

export async function loadSealedSubmission(invitationId: string, campaignId: string): Promise<SealedSubmissionRead> {
  const stored: unknown = await (await database()).get('sealedSubmissions', invitationId);
  if (stored === undefined) return { state: 'none' };
  const submission = readSealedSubmission(stored);
  if (submission === undefined) return { state: 'unreadable' };
  // Invitation ids are random per campaign: one of another campaign under the same id is not this link's.
  return submission.invitationId === invitationId && submission.campaignId === campaignId ? { state: 'readable', submission } : { state: 'none' };
}

/**
 * A stored entry as the thank-you page will hand it out again: the file an age file, the code a
 * sealed code whose bytes are one too, the day a day. Whatever else a browser's storage holds
 * (an older version's entry, a hand edit) is not offered to the rater as their response.
 */
function readSealedSubmission(value: unknown): SealedSubmission | undefined {
  if (!isRecord(value)) return undefined;
  const invitationId = own(value, 'invitationId');
  const campaignId = own(value, 'campaignId');
  const sealed = own(value, 'sealed');
  const code = own(value, 'code');
  const submittedOn = own(value, 'submittedOn');
  if (typeof invitationId !== 'string' || typeof campaignId !== 'string' || typeof submittedOn !== 'string' || !isSubmissionDay(submittedOn)) return undefined;
  if (!(sealed instanceof Uint8Array) || sealed.length > MAX_SEALED_BYTES || !startsWithAgeMagic(sealed)) return undefined;
  if (typeof code !== 'string' || !isSealedCode(code)) return undefined;
  return { invitationId, campaignId, sealed, code, submittedOn };
}

function isSealedCode(code: string): boolean {
  if (!code.startsWith(SEALED_CODE_PREFIX) || code.length > SEALED_CODE_PREFIX.length + Math.ceil((MAX_SEALED_BYTES * 4) / 3)) return false;
  const bytes = decodeBase64Url(code.slice(SEALED_CODE_PREFIX.length));
  return bytes !== null && startsWithAgeMagic(bytes);
}
