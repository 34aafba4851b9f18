import { type NominatedRater, readNomination, writeNomination } from '../../core/confidential/nomination.ts';
import { database } from './db.ts';
import type { Learner } from './settings.ts';
import { guardedWrite } from './storage-status.ts';

/**
 * The raters a learner is nominating for a confidential 360 of one framework, kept as the
 * nomination file's own text in the `settings` store (`nomination:<framework id>`), so a reload
 * keeps the rows. Read back through core's reader, in its draft mode: rows still being typed
 * are kept, anything else that is not a nomination is left out.
 */
const keyOf = (frameworkId: string) => `nomination:${frameworkId}`;

export type StoredNomination = { raters: NominatedRater[]; unreadable: boolean };

export async function loadNominatedRaters(frameworkId: string, learner: Learner): Promise<StoredNomination> {
  const value: unknown = await (await database()).get('settings', keyOf(frameworkId));
  if (value === undefined) return { raters: [], unreadable: false };
  if (typeof value !== 'string') return { raters: [], unreadable: true };
  const read = readNomination(value, 'stored nomination', undefined, { draft: true });
  if (!read.ok || read.value.frameworkId !== frameworkId || read.value.learner.subjectId !== learner.subjectId) return { raters: [], unreadable: true };
  return { raters: read.value.raters, unreadable: false };
}

export function saveNominatedRaters(frameworkId: string, learner: Learner, raters: readonly NominatedRater[]): Promise<boolean> {
  const text = writeNomination({ learner: { name: learner.displayName, subjectId: learner.subjectId }, frameworkId, raters: [...raters] });
  return guardedWrite(async () => (await database()).put('settings', text, keyOf(frameworkId)));
}
