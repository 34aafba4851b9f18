import { isRecord, own } from '../../core/model/json-value.ts';
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
  return readStoredDraft(await (await database()).get('drafts', draftKey(identity)));
}

export function saveDraft(identity: DraftIdentity, data: Record<string, unknown>, pageNo: number): Promise<boolean> {
  const draft: StoredDraft = { key: draftKey(identity), ...identity, data, pageNo, updatedAt: new Date().toISOString() };
  return guardedWrite(async () => (await database()).put('drafts', draft));
}

export function deleteDraft(identity: DraftIdentity): Promise<boolean> {
  return guardedWrite(async () => (await database()).delete('drafts', draftKey(identity)));
}

export async function listDrafts(): Promise<StoredDraft[]> {
  const stored: unknown[] = await (await database()).getAll('drafts');
  return stored.flatMap((entry) => readStoredDraft(entry) ?? []);
}

/** A saved survey as SurveyJS will be handed it: every field of the right type, or nothing. */
function readStoredDraft(value: unknown): StoredDraft | undefined {
  if (!isRecord(value)) return undefined;
  const text = (key: string) => {
    const field = own(value, key);
    return typeof field === 'string' ? field : undefined;
  };
  const [key, surveyId, version, subjectId, rater, updatedAt] = ['key', 'surveyId', 'version', 'subjectId', 'rater', 'updatedAt'].map(text);
  const data = own(value, 'data');
  const pageNo = own(value, 'pageNo');
  if (key === undefined || surveyId === undefined || version === undefined || subjectId === undefined || rater === undefined || updatedAt === undefined) return undefined;
  if (!isRecord(data) || typeof pageNo !== 'number' || !Number.isInteger(pageNo) || pageNo < 0) return undefined;
  return { key, surveyId, version, subjectId, rater, data, pageNo, updatedAt };
}

export async function countDrafts(): Promise<number> {
  return (await database()).count('drafts');
}
