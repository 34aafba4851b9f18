import { AGE_ARMOR_BEGIN, startsWithAgeMagic } from '../../core/confidential/age-file.ts';
import { isCoachRecipient } from '../../core/confidential/coach-identity.ts';
import { isFingerprint } from '../../core/confidential/coach-signing-key.ts';
import { instantMillis } from '../../core/model/instant.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { database, type StoredCoachKey } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/**
 * The coach's key in this browser (issue 10): only its passphrase backup is stored, the same
 * bytes the coach downloads, so anyone who reads this browser's storage holds no more than the
 * backup file. Unlocking happens in memory (src/app/coach/unlocked-key.ts), never here.
 */
export type CoachKeyRecord = Omit<StoredCoachKey, 'id'>;

export type CoachKeyRead = { state: 'none' } | { state: 'readable'; key: CoachKeyRecord } | { state: 'unreadable' };

/** One coach key per browser. */
const KEY_ID = 'coach';
/** A backup is one key file, armored: under a kilobyte (core refuses past 64 KiB). */
const MAX_BACKUP_BYTES = 65_536;

export async function loadCoachKey(): Promise<CoachKeyRead> {
  const stored: unknown = await (await database()).get('coachKeys', KEY_ID);
  if (stored === undefined) return { state: 'none' };
  const key = readCoachKey(stored);
  return key === undefined ? { state: 'unreadable' } : { state: 'readable', key };
}

/** Stores the wrapped key, replacing the one kept before. */
export function saveCoachKey(key: CoachKeyRecord): Promise<boolean> {
  return guardedWrite(async () => (await database()).put('coachKeys', { id: KEY_ID, ...key }));
}

/** A stored entry only when it is a passphrase backup (armored or binary age) with a valid public key and fingerprint. */
function readCoachKey(value: unknown): CoachKeyRecord | undefined {
  if (!isRecord(value)) return undefined;
  const backup = own(value, 'backup');
  const recipient = own(value, 'recipient');
  const fingerprint = own(value, 'fingerprint');
  const createdAt = own(value, 'createdAt');
  if (!(backup instanceof Uint8Array) || backup.length > MAX_BACKUP_BYTES || !isBackup(backup)) return undefined;
  if (typeof recipient !== 'string' || !isCoachRecipient(recipient)) return undefined;
  if (typeof fingerprint !== 'string' || !isFingerprint(fingerprint)) return undefined;
  if (typeof createdAt !== 'string' || instantMillis(createdAt) === undefined) return undefined;
  return { backup, recipient, fingerprint, createdAt };
}

function isBackup(bytes: Uint8Array): boolean {
  return startsWithAgeMagic(bytes) || new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().startsWith(AGE_ARMOR_BEGIN);
}
