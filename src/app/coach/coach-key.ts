import { generateCoachIdentity, unwrapIdentity, wrapIdentity, writeIdentityFile } from '../../core/confidential/coach-identity.ts';
import { coachKeys } from '../../core/confidential/coach-signing-key.ts';
import { fail, type Result } from '../../core/model/result.ts';
import type { CoachKeyRecord } from '../storage/coach-keys.ts';
import type { UnlockedKey } from './unlocked-key.ts';

/**
 * The passphrase is all that stands between a copied backup (or this browser's storage) and
 * every rater's answers, and a copied file can be guessed at offline, without limit. age's
 * scrypt makes each guess slow; length makes the guesses many. The CLI asks the same minimum.
 */
export const MIN_PASSPHRASE_CHARS = 12;

/** Why a new passphrase cannot be used, or null. */
export function passphraseProblem(passphrase: string, repeated: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_CHARS) {
    return `Use at least ${MIN_PASSPHRASE_CHARS} characters: anyone who copies the backup file can try passphrases on it offline, as fast as their computer allows, so a short one falls quickly. A few unrelated words make a good one.`;
  }
  if (passphrase !== repeated) return 'The two passphrases differ: type the same one twice.';
  return null;
}

export type KeyInHand = { record: CoachKeyRecord; unlocked: UnlockedKey };

/** A new key, wrapped by the passphrase as the backup file: the record to store, and the key unlocked. */
export async function createCoachKey(passphrase: string): Promise<KeyInHand> {
  const identity = await generateCoachIdentity();
  const createdAt = new Date();
  const backup = await wrapIdentity(await writeIdentityFile(identity, createdAt), passphrase);
  const { recipient, fingerprint } = await coachKeys(identity);
  return { record: { backup, recipient, fingerprint, createdAt: createdAt.toISOString() }, unlocked: { identity, fingerprint } };
}

/** Opens the stored backup with the passphrase; the key must be the one whose fingerprint the page shows. */
export async function unlockCoachKey(record: CoachKeyRecord, passphrase: string): Promise<Result<UnlockedKey>> {
  const opened = await unwrapIdentity(record.backup, passphrase, 'your key');
  if (!opened.ok) return opened;
  const { fingerprint, recipient } = await coachKeys(opened.value);
  if (fingerprint !== record.fingerprint || recipient !== record.recipient) {
    return fail([{ code: 'coach.key-mismatch', path: '', message: 'The key in this browser\'s storage does not match its fingerprint: it was changed. Restore your key from its backup file.' }]);
  }
  return { ok: true, value: { identity: opened.value, fingerprint } };
}

/** A backup file the coach downloaded earlier, opened with its passphrase: stored as it is. */
export async function restoreCoachKey(backup: Uint8Array, passphrase: string, file: string): Promise<Result<KeyInHand>> {
  const opened = await unwrapIdentity(backup, passphrase, file);
  if (!opened.ok) return opened;
  const { recipient, fingerprint } = await coachKeys(opened.value);
  return { ok: true, value: { record: { backup, recipient, fingerprint, createdAt: new Date().toISOString() }, unlocked: { identity: opened.value, fingerprint } } };
}
