import type { Framework } from '../../core/model/framework.ts';
import { database, type StoredFramework } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** The frameworks the user opened from files, oldest first. */
export async function listStoredFrameworks(): Promise<StoredFramework[]> {
  const stored = await (await database()).getAll('frameworks');
  return stored.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export async function loadStoredFramework(id: string): Promise<StoredFramework | undefined> {
  return (await database()).get('frameworks', id);
}

/** Stores the frameworks of one file whole or not at all (one transaction). */
export function saveFrameworks(frameworks: readonly Framework[], file: string): Promise<boolean> {
  const addedAt = new Date().toISOString();
  return guardedWrite(async () => {
    const tx = (await database()).transaction('frameworks', 'readwrite');
    await Promise.all([...frameworks.map((framework) => tx.store.put({ id: framework.id, framework, file, addedAt })), tx.done]);
  });
}
