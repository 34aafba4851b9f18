import { database } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** Clears every store in one transaction: all gone, or nothing changed. */
export function deleteEverything(): Promise<boolean> {
  return guardedWrite(async () => {
    const tx = (await database()).transaction(['drafts', 'responses', 'frameworks', 'settings'], 'readwrite');
    await Promise.all([tx.objectStore('drafts').clear(), tx.objectStore('responses').clear(), tx.objectStore('frameworks').clear(), tx.objectStore('settings').clear(), tx.done]);
  });
}
