import { database, type StoredDraft } from './db.ts';
import { guardedWrite } from './storage-status.ts';

export type DraftIdentity = { surveyId: string; version: string; subjectId: string; rater: string };

/**
 * DESIGN.md: the key of a saved survey names the survey, its version, the subject and the rater,
 * so two invitations never overwrite each other. JSON keeps the parts apart whatever they hold.
 */
export function draftKey(identity: DraftIdentity): string {
  return JSON.stringify([identity.surveyId, identity.version, identity.subjectId, identity.rater]);
}

export async function loadDraft(identity: DraftIdentity): Promise<StoredDraft | undefined> {
  return (await database()).get('drafts', draftKey(identity));
}

export function saveDraft(identity: DraftIdentity, data: Record<string, unknown>, pageNo: number): Promise<boolean> {
  const draft: StoredDraft = { key: draftKey(identity), ...identity, data, pageNo, updatedAt: new Date().toISOString() };
  return guardedWrite(async () => (await database()).put('drafts', draft));
}

export function deleteDraft(identity: DraftIdentity): Promise<boolean> {
  return guardedWrite(async () => (await database()).delete('drafts', draftKey(identity)));
}

export async function listDrafts(): Promise<StoredDraft[]> {
  return (await database()).getAll('drafts');
}

export async function countDrafts(): Promise<number> {
  return (await database()).count('drafts');
}
