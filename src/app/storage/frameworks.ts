import type { Framework } from '../../core/model/framework.ts';
import { FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION, readSkillscopeFramework } from '../../core/model/framework-file.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { database, type StoredFramework } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** The frameworks the user opened from files that still read back, oldest first. */
export async function listStoredFrameworks(): Promise<StoredFramework[]> {
  const stored: unknown[] = await (await database()).getAll('frameworks');
  return stored.flatMap((entry) => readStoredFramework(entry) ?? []).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export async function loadStoredFramework(id: string): Promise<StoredFramework | undefined> {
  return readStoredFramework(await (await database()).get('frameworks', id));
}

/**
 * A stored framework is checked by the same reader as a framework file: storage written by an
 * older version, or edited in the browser's tools, is never trusted as typed.
 */
function readStoredFramework(value: unknown): StoredFramework | undefined {
  if (!isRecord(value)) return undefined;
  const file = own(value, 'file');
  const addedAt = own(value, 'addedAt');
  if (typeof file !== 'string' || typeof addedAt !== 'string') return undefined;
  const read = readSkillscopeFramework({ format: FRAMEWORK_FORMAT, version: FRAMEWORK_FORMAT_VERSION, framework: own(value, 'framework') }, file);
  return read.ok && read.value.id === own(value, 'id') ? { id: read.value.id, framework: read.value, file, addedAt } : undefined;
}

/** Stores the frameworks of one file whole or not at all (one transaction). */
export function saveFrameworks(frameworks: readonly Framework[], file: string): Promise<boolean> {
  const addedAt = new Date().toISOString();
  return guardedWrite(async () => {
    const tx = (await database()).transaction('frameworks', 'readwrite');
    await Promise.all([...frameworks.map((framework) => tx.store.put({ id: framework.id, framework, file, addedAt })), tx.done]);
  });
}
