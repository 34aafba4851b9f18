import { armor, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { decodeUtf8 } from '../input/decode-text.ts';
import { fail, type Issue, ok, type Result } from '../model/result.ts';
import { AGE_ARMOR_BEGIN, AGE_MAGIC, decryptAge, dearmor, stanzaKinds, startsWithAgeMagic } from './age-file.ts';
import { isBech32Key } from './bech32-key.ts';

/**
 * The coach's age key pair (issue 10): the secret key opens sealed responses, the public key
 * (`age1…`) goes into the campaign manifest for raters to seal to. Files are the ones Go's
 * `age-keygen` writes and `age -d -i` reads, so a coach can open a sealed response with the
 * reference tool, without Skillscope.
 */

/** Go's age 1.1 reads X25519 keys only, so never the post-quantum kind `generateIdentity` may switch to. */
export function generateCoachIdentity(): Promise<string> {
  return generateX25519Identity();
}

/** The public key raters seal to. Takes a key that readIdentityFile accepted. */
export function coachRecipient(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** A coach's public key as a manifest carries it: an X25519 age recipient, checksum included. */
export function isCoachRecipient(text: string): boolean {
  return /^age1[02-9ac-hj-np-z]{58}$/.test(text) && isBech32Key(text, 'age');
}

function isCoachIdentity(text: string): boolean {
  return /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/.test(text) && isBech32Key(text, 'AGE-SECRET-KEY-');
}

/** What `age-keygen -o coach.key` writes: two comments, the key, a final line break. */
export async function writeIdentityFile(identity: string, createdAt: Date): Promise<string> {
  // Go writes time.RFC3339: seconds, no fraction; UTC here, so the file says nothing of where the coach is.
  const created = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `# created: ${created}\n# public key: ${await coachRecipient(identity)}\n${identity}\n`;
}

/** A key file is under 200 bytes; anything this large is not one, and is not scanned line by line. */
const MAX_IDENTITY_FILE_CHARS = 65_536;

/**
 * Reads a key file as Go's age does (lines starting with `#` and blank lines skipped, LF or CRLF,
 * every other line a key) and requires exactly one X25519 key. No message quotes a line of the
 * file: any line may be a secret key, mistyped or not.
 */
export function readIdentityFile(text: string, file: string): Result<string> {
  const issue = (code: string, message: string, row?: number): Issue => ({ code, file, ...(row === undefined ? {} : { row }), path: '', message });
  const start = text.trimStart();
  if (start.startsWith(AGE_MAGIC.trimEnd()) || start.startsWith(AGE_ARMOR_BEGIN)) {
    return fail([issue('coach.identity-is-backup', 'This is a passphrase-protected key backup, not a key file: restore it with its passphrase.')]);
  }
  if (text.length > MAX_IDENTITY_FILE_CHARS) {
    return fail([issue('coach.bad-identity', `The file has ${text.length.toLocaleString('en')} characters; an age key file has a few hundred. Choose the coach key file (coach.key).`)]);
  }
  const identities: string[] = [];
  const issues: Issue[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const row = index + 1;
    if (line === '' || line.startsWith('#')) return;
    if (isCoachIdentity(line)) {
      identities.push(line);
      return;
    }
    issues.push(issue(...badLine(line, row), row));
  });
  if (issues.length > 0) return fail(issues);
  if (identities.length === 0) {
    return fail([issue('coach.no-identity', 'The file holds no secret key (a line starting AGE-SECRET-KEY-1). Choose the key file the coach created.')]);
  }
  if (identities.length > 1) {
    return fail([issue('coach.several-identities', `The file holds ${identities.length} secret keys; a coach key file holds exactly one, so Skillscope cannot tell which is the coach's.`)]);
  }
  return ok(identities[0] ?? '');
}

/** Why a line is not a key, said without quoting it. */
function badLine(line: string, row: number): [string, string] {
  const at = `Line ${row}`;
  if (line !== line.trim() && isCoachIdentity(line.trim())) {
    return ['coach.bad-identity', `${at} has spaces or tabs around the key, which age does not accept: remove them.`];
  }
  if (line.startsWith('\uFEFF')) {
    return ['coach.bad-identity', `${at} starts with a byte-order mark, which age does not accept: save the file as UTF-8 without one.`];
  }
  if (line.startsWith('AGE-SECRET-KEY-PQ-1') || line.startsWith('AGE-PLUGIN-')) {
    return ['coach.unsupported-identity', `${at} is a post-quantum or plugin age key; a coach key is an X25519 key (AGE-SECRET-KEY-1…), as age-keygen and Skillscope create it.`];
  }
  if (/^age1[a-z0-9]+$/.test(line)) {
    return ['coach.public-key-only', `${at} is a public key (age1…), which seals responses but cannot open them: choose the file that holds the secret key (AGE-SECRET-KEY-1…).`];
  }
  if (/^AGE-SECRET-KEY-1/i.test(line)) {
    return ['coach.bad-identity', `${at} looks like an age secret key but is not a valid one (wrong length, a changed character, or small letters): use the file exactly as it was created.`];
  }
  return ['coach.bad-identity', `${at} is neither a comment (starting with #) nor an age secret key (AGE-SECRET-KEY-1…): this is not an age key file.`];
}

/** age's default, which Go's `age -p` also uses: about a second to open on a laptop. */
const SCRYPT_WORK_FACTOR = 18;
/** A backup is one key file, armored: far under this. */
const MAX_BACKUP_BYTES = 65_536;

/**
 * The backup the coach downloads: the key file encrypted with a passphrase (age scrypt),
 * ASCII-armored. Armored because a backup of a secret key is kept where binary files fare
 * badly: pasted into a password manager's note, mailed to oneself, printed. Go's `age -d -i`
 * reads it as an encrypted identity file (asking for the passphrase), and so does unwrapIdentity.
 * `scryptWorkFactor` exists for tests; anything lower than the default weakens the backup.
 */
export async function wrapIdentity(identityFileText: string, passphrase: string, options: { scryptWorkFactor?: number } = {}): Promise<Uint8Array> {
  if (!readIdentityFile(identityFileText, 'key').ok) throw new Error('wrapIdentity takes a key file that readIdentityFile accepts.');
  if (passphrase === '') throw new Error('wrapIdentity needs a passphrase: the app asks for one before calling it.');
  const encrypter = new Encrypter();
  encrypter.setScryptWorkFactor(options.scryptWorkFactor ?? SCRYPT_WORK_FACTOR);
  encrypter.setPassphrase(passphrase);
  return new TextEncoder().encode(armor.encode(await encrypter.encrypt(identityFileText)));
}

/** Opens a backup (armored, or binary as `age -p` writes it) and gives back the key inside. */
export async function unwrapIdentity(bytes: Uint8Array, passphrase: string, file: string): Promise<Result<string>> {
  const refuse = (code: string, message: string): Result<string> => fail([{ code, file, path: '', message }]);
  if (bytes.length > MAX_BACKUP_BYTES) {
    return refuse('coach.not-a-backup', `The file has ${bytes.length.toLocaleString('en')} bytes; a key backup has under a thousand. Choose the backup file the coach downloaded.`);
  }
  let binary: Uint8Array | 'damaged' = bytes;
  if (!startsWithAgeMagic(bytes)) {
    const text = new TextDecoder().decode(bytes).trim();
    if (!text.startsWith(AGE_ARMOR_BEGIN)) {
      return /^AGE-SECRET-KEY-1|^# created: /m.test(text)
        ? refuse('coach.not-a-backup', 'This is a plain key file, not a passphrase-protected backup: open it as the coach key file, without a passphrase.')
        : refuse('coach.not-a-backup', 'This is not a key backup: a backup is an age file protected by a passphrase, as Skillscope downloads it.');
    }
    binary = dearmor(text);
  }
  const kinds = binary === 'damaged' ? [] : stanzaKinds(binary);
  if (binary !== 'damaged' && kinds.length > 0 && !kinds.includes('scrypt')) {
    return refuse('coach.not-a-backup', 'This age file is sealed to a key, not protected by a passphrase: it is not a key backup (it may be a sealed response).');
  }
  const opened = binary === 'damaged' ? undefined : await decryptAge(binary, { passphrase });
  if (opened === undefined || (!opened.ok && opened.reason !== 'no-match')) {
    return refuse('coach.backup-damaged', 'The backup is damaged (changed or cut short since it was saved), so it cannot be opened. Try another copy of it.');
  }
  if (!opened.ok) {
    return refuse('coach.wrong-passphrase', 'The passphrase does not open this backup. Check it (capitals, spaces, keyboard layout) and try again; if you are sure of it, the backup may be damaged: try another copy.');
  }
  const text = decodeUtf8(opened.plaintext, file);
  return text.ok ? readIdentityFile(text.value, file) : text;
}
