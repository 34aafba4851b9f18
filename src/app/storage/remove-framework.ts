import { isRecord, own } from '../../core/model/json-value.ts';
import { database } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** What removing a framework opened from a file takes with it, as the confirmation says before asking. */
export type FrameworkData = { responses: number; drafts: number; invitations: number };

/** A saved survey belongs to a framework through its survey id, `<framework-id>.self` or `.360`. */
const isDraftOf = (entry: unknown, frameworkId: string) => {
  const surveyId = isRecord(entry) ? own(entry, 'surveyId') : undefined;
  return surveyId === `${frameworkId}.self` || surveyId === `${frameworkId}.360`;
};
const namesFramework = (entry: unknown, frameworkId: string) => isRecord(entry) && own(entry, 'frameworkId') === frameworkId;

export async function countFrameworkData(frameworkId: string): Promise<FrameworkData> {
  const db = await database();
  const [responses, drafts, invitations] = await Promise.all([db.getAll('responses'), db.getAll('drafts'), db.getAll('invitations')]);
  return {
    responses: responses.filter((entry: unknown) => namesFramework(entry, frameworkId)).length,
    drafts: drafts.filter((entry: unknown) => isDraftOf(entry, frameworkId)).length,
    invitations: invitations.filter((entry: unknown) => namesFramework(entry, frameworkId)).length,
  };
}

/**
 * Removes a framework opened from a file with everything stored for it: its responses, surveys
 * in progress and invitations. One transaction: all of it goes, or nothing changes. Stored
 * entries are matched by the framework id they record, damaged ones included, so nothing is
 * left behind that only the removed framework could read.
 */
export function removeFramework(frameworkId: string): Promise<boolean> {
  return guardedWrite(async () => {
    const tx = (await database()).transaction(['frameworks', 'responses', 'drafts', 'invitations'], 'readwrite');
    const sweep = async (name: 'responses' | 'drafts' | 'invitations', belongs: (entry: unknown) => boolean) => {
      for (let cursor = await tx.objectStore(name).openCursor(); cursor !== null; cursor = await cursor.continue()) {
        if (belongs(cursor.value)) await cursor.delete();
      }
    };
    await Promise.all([
      tx.objectStore('frameworks').delete(frameworkId),
      sweep('responses', (entry) => namesFramework(entry, frameworkId)),
      sweep('drafts', (entry) => isDraftOf(entry, frameworkId)),
      sweep('invitations', (entry) => namesFramework(entry, frameworkId)),
      tx.done,
    ]);
  });
}
