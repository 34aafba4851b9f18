import { database } from './db.ts';
import { guardedWrite } from './storage-status.ts';
import { slug } from '../../core/model/ids.ts';

/** Who the learner using this browser is: their id appears in every export as subject_id. */
export type Learner = { subjectId: string; displayName: string };

export async function loadLearner(): Promise<Learner | undefined> {
  const value = await (await database()).get('settings', 'learner');
  return isLearner(value) ? value : undefined;
}

export function saveLearner(learner: Learner): Promise<boolean> {
  return guardedWrite(async () => (await database()).put('settings', learner, 'learner'));
}

function isLearner(value: unknown): value is Learner {
  return typeof value === 'object' && value !== null && typeof (value as Learner).subjectId === 'string' && typeof (value as Learner).displayName === 'string';
}

/** A readable subject id from a name, made unique by a short random tail: `ana-ruiz-4k7q`. */
export function newSubjectId(displayName: string): string {
  const base = slug(displayName, 32, 'learner');
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => 'abcdefghijkmnpqrstuvwxyz23456789'[byte % 32]).join('');
  return `${base}-${tail}`;
}

/**
 * DESIGN.md: after the first save, ask the browser to keep our storage (it may still clear it);
 * remembered so that it is asked once.
 */
export async function askForPersistentStorage(): Promise<'granted' | 'denied' | 'unsupported'> {
  const db = await database();
  const asked = await db.get('settings', 'persist-asked');
  if (typeof navigator.storage?.persist !== 'function') return 'unsupported';
  if (asked === true) return (await navigator.storage.persisted()) ? 'granted' : 'denied';
  const granted = await navigator.storage.persist();
  await guardedWrite(() => db.put('settings', true, 'persist-asked'));
  return granted ? 'granted' : 'denied';
}
