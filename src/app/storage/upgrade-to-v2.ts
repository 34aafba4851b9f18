import type { IDBPTransaction, StoreNames } from 'idb';
import type { SkillscopeDb } from './db.ts';

type Upgrade = IDBPTransaction<SkillscopeDb, StoreNames<SkillscopeDb>[], 'versionchange'>;

/**
 * Version 1 kept submissions, delivery marks and invitations as untyped entries of `settings`:
 * `submitted:<invitation id>`, `delivered:<JSON [response id, endpoint]>` and
 * `invitations:<JSON [framework id, subject id]>`. Version 2 gives each its own store: every entry
 * is copied there as it was and removed from settings, in the upgrade's own transaction, so a
 * user who upgrades keeps everything. Each store's module validates what it reads, and reports an
 * entry that does not read back instead of dropping it. No parser is needed here, which keeps
 * this module (loaded with the first page) small.
 */
export async function moveVersion1Settings(tx: Upgrade): Promise<void> {
  try {
    for (let cursor = await tx.objectStore('settings').openCursor(); cursor; cursor = await cursor.continue()) {
      if (await moveSetting(tx, cursor.key, cursor.value)) await cursor.delete();
    }
  } catch {
    // Half a move must not commit: the open then fails and is reported, and version 1 stays as it was.
    try {
      tx.abort();
    } catch {
      // Already aborted by the failure itself.
    }
  }
}

/** Moves one settings entry to its version 2 store; false for the entries that stay (learner, persist-asked). */
async function moveSetting(tx: Upgrade, key: string, value: unknown): Promise<boolean> {
  if (key.startsWith('submitted:')) {
    // Not text: kept as an empty response file, which reads back as unreadable.
    await tx.objectStore('submissions').put({ invitationId: key.slice('submitted:'.length), json: typeof value === 'string' ? value : '' });
    return true;
  }
  const delivered = keyPair(key, 'delivered:');
  if (delivered !== undefined) {
    // Version 1 took only `true` as delivered; anything else meant "send again", as no mark does.
    if (value === true) await tx.objectStore('deliveries').put({ responseId: delivered[0], endpoint: delivered[1] });
    return true;
  }
  const learner = keyPair(key, 'invitations:');
  if (learner !== undefined) {
    const [frameworkId, subjectId] = learner;
    const store = tx.objectStore('invitations');
    for (const entry of Array.isArray(value) ? value : [value]) await store.add({ frameworkId, subjectId, version1: entry });
    return true;
  }
  return false;
}

/** `prefix` then a JSON pair of strings, as version 1 built its keys; undefined for any other key. */
function keyPair(key: string, prefix: string): [string, string] | undefined {
  if (!key.startsWith(prefix)) return undefined;
  try {
    const parts: unknown = JSON.parse(key.slice(prefix.length));
    return Array.isArray(parts) && parts.length === 2 && typeof parts[0] === 'string' && typeof parts[1] === 'string' ? [parts[0], parts[1]] : undefined;
  } catch {
    return undefined;
  }
}
