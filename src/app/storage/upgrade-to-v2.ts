import type { IDBPTransaction, StoreNames } from 'idb';
import { packPayload } from '../../core/io/packed-payload.ts';
import { FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION } from '../../core/model/framework-file.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { INVITATION_PREFIX } from '../../core/share/invitation.ts';
import type { SkillscopeDb, StoredInvitation } from './db.ts';

type Upgrade = IDBPTransaction<SkillscopeDb, StoreNames<SkillscopeDb>[], 'versionchange'>;

/**
 * Version 1 kept submissions, delivery marks and invitations as untyped entries of `settings`:
 * `submitted:<invitation id>`, `delivered:<JSON [response id, endpoint]>` and
 * `invitations:<JSON [framework id, subject id]>`. Version 2 gives each its own store; every entry
 * is copied there and removed from settings in the upgrade's own transaction, so a user who
 * upgrades keeps everything. An entry that is not what version 1 wrote is copied all the same,
 * and its store then reports it as unreadable instead of it vanishing.
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
    const store = tx.objectStore('invitations');
    for (const entry of Array.isArray(value) ? value : [value]) await store.add(version1Invitation(learner[0], learner[1], entry));
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

/** Version 1 kept `{ invitation, createdAt }` with the invitation's fields as they were. */
function version1Invitation(frameworkId: string, subjectId: string, entry: unknown): StoredInvitation {
  const invitation = isRecord(entry) ? own(entry, 'invitation') : undefined;
  const createdAt = isRecord(entry) ? own(entry, 'createdAt') : undefined;
  return { frameworkId, subjectId, code: isRecord(invitation) ? linkCode(invitation) : '', createdAt: typeof createdAt === 'string' ? createdAt : '' };
}

/**
 * The code encodeInvitation makes of these fields, checked by decodeInvitation when it is read.
 * Version 1 kept a framework bare; the link carries it in its file format.
 */
function linkCode(invitation: Record<string, unknown>): string {
  const framework = own(invitation, 'framework') ?? null;
  return packPayload(INVITATION_PREFIX, { ...invitation, framework: framework === null ? null : { format: FRAMEWORK_FORMAT, version: FRAMEWORK_FORMAT_VERSION, framework } });
}
