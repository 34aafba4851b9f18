import { database, STORES } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** Clears every store in one transaction: all gone, or nothing changed. */
export function deleteEverything(): Promise<boolean> {
  return guardedWrite(async () => {
    const tx = (await database()).transaction([...STORES], 'readwrite');
    await Promise.all([...STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
  });
}
