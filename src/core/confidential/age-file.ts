import { armor, Decrypter, type Identity } from 'age-encryption';

/**
 * Reading age files (age-encryption.org/v1) for the confidential 360: binary or armored, and a
 * failed decryption told apart by what a person can do about it. age-encryption reports every
 * failure as a plain Error whose wording is not part of its API, so the failure is classified
 * by where decryption stopped, never by the error's text: a last identity that only records
 * that it was asked tells "no key of ours matched" from "the file is damaged".
 */
export const AGE_MAGIC = 'age-encryption.org/v1\n';
export const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

const MAGIC_BYTES = new TextEncoder().encode(AGE_MAGIC);

export function startsWithAgeMagic(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC_BYTES.length && MAGIC_BYTES.every((byte, index) => bytes[index] === byte);
}

/** An armored age file's bytes, or why not: armor is strict PEM, so a changed line is damage. */
export function dearmor(text: string): Uint8Array | 'damaged' {
  try {
    return armor.decode(text);
  } catch {
    return 'damaged';
  }
}

/**
 * The first argument of each stanza in the header (`X25519`, `scrypt`, ...): what the file was
 * encrypted to, read before any key is tried, so that a passphrase file handed in as a sealed
 * response (or the reverse) is named as such instead of "wrong key".
 */
export function stanzaKinds(bytes: Uint8Array): string[] {
  const kinds: string[] = [];
  // The header is ASCII lines and ends at the MAC line (`--- `); a real one is a few hundred bytes.
  const header = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 16_384)));
  for (const line of header.split('\n').slice(1)) {
    if (line.startsWith('---')) break;
    if (line.startsWith('-> ')) kinds.push(line.split(' ')[1] ?? '');
  }
  return kinds;
}

export type AgeKey = { identity: string } | { passphrase: string };

export type AgeOpened =
  | { ok: true; plaintext: Uint8Array }
  /** `no-match`: the key is not one the file was encrypted to (or that part of the header was damaged). */
  | { ok: false; reason: 'bad-key' | 'no-match' | 'damaged' };

/** Decrypts a binary age file with one identity or one passphrase; never throws. */
export async function decryptAge(bytes: Uint8Array, key: AgeKey): Promise<AgeOpened> {
  const decrypter = new Decrypter();
  try {
    if ('identity' in key) decrypter.addIdentity(key.identity);
    else decrypter.addPassphrase(key.passphrase);
  } catch {
    return { ok: false, reason: 'bad-key' };
  }
  // Asked only when our key returned no file key without finding the file malformed.
  let unmatched = false;
  const lastResort: Identity = {
    unwrapFileKey: () => {
      unmatched = true;
      return null;
    },
  };
  decrypter.addIdentity(lastResort);
  try {
    return { ok: true, plaintext: await decrypter.decrypt(bytes) };
  } catch {
    return { ok: false, reason: unmatched ? 'no-match' : 'damaged' };
  }
}
