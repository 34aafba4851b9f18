import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { armor, Encrypter } from 'age-encryption';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coachRecipient,
  generateCoachIdentity,
  isCoachRecipient,
  readIdentityFile,
  unwrapIdentity,
  wrapIdentity,
  writeIdentityFile,
} from '../../../src/core/confidential/coach-identity.ts';
import { sealResponse } from '../../../src/core/confidential/sealed-response.ts';
import type { Issue, Result } from '../../../src/core/model/result.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';

/**
 * The coach's key (issue 10): made, written and read as Go's age-keygen does, and backed up
 * under a passphrase as an age file that Go's `age -d -i` also opens. The Go tools come from
 * Debian's `age` package (`npm run test:install`).
 */
const dir = mkdtempSync(join(tmpdir(), 'skillscope-coach-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issuesOf = <T>(result: Result<T>): Issue[] => (result.ok ? [] : result.issues);
const codesOf = <T>(result: Result<T>): string[] => issuesOf(result).map((issue) => issue.code);
/** Backups in most tests use a low scrypt work factor: the default takes a second to open. */
const FAST = { scryptWorkFactor: 10 };

function run(command: string, args: string[], input?: string): string {
  const done = spawnSync(command, args, { cwd: dir, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  if (done.error !== undefined) throw new Error(`${command} did not run (${done.error.message}): run npm run test:install`);
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${done.status}: ${done.stderr}`);
  return done.stdout;
}

let identity = '';
let keyFile = '';
beforeAll(async () => {
  identity = await generateCoachIdentity();
  keyFile = await writeIdentityFile(identity, new Date('2026-05-01T09:30:15.123Z'));
});

describe('a coach key', () => {
  it('is a new age X25519 secret key each time, with an age1 public key', async () => {
    const other = await generateCoachIdentity();
    expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(other).not.toBe(identity);
    const recipient = await coachRecipient(identity);
    expect(recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(isCoachRecipient(recipient)).toBe(true);
  });

  it('is written as age-keygen writes it: created, public key, the key, a final line break', async () => {
    expect(keyFile).toBe(`# created: 2026-05-01T09:30:15Z\n# public key: ${await coachRecipient(identity)}\n${identity}\n`);
  });

  it('is read back from the file it was written to', () => {
    expect(readIdentityFile(keyFile, 'coach.key')).toEqual({ ok: true, value: identity });
  });

  it('is read from a file made by Go\'s age-keygen, with the public key Go computes', async () => {
    run('age-keygen', ['-o', 'go.key']);
    const text = readFileSync(join(dir, 'go.key'), 'utf8');
    const read = readIdentityFile(text, 'go.key');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(await coachRecipient(read.value)).toBe(run('age-keygen', ['-y', 'go.key']).trim());
    expect(text).toContain(`# public key: ${await coachRecipient(read.value)}`);
  });

  it('is read from a file with CRLF line ends, blank lines and extra comments, as age reads it', () => {
    const text = `# my coach key\r\n\r\n${keyFile.replaceAll('\n', '\r\n')}# keep safe\r\n`;
    expect(readIdentityFile(text, 'coach.key')).toEqual({ ok: true, value: identity });
  });

  it('tells a public key from a secret one only by its checksum-valid form', async () => {
    const recipient = await coachRecipient(identity);
    expect(isCoachRecipient(recipient.replace(/.$/, (c) => (c === 'q' ? 'p' : 'q')))).toBe(false);
    expect(isCoachRecipient(recipient.toUpperCase())).toBe(false);
    expect(isCoachRecipient(identity)).toBe(false);
  });
});

describe('a file that is not one coach key', () => {
  const cases: [string, () => string, string][] = [
    ['an empty file', () => '', 'coach.no-identity'],
    ['comments only', () => '# created: 2026-05-01T09:30:15Z\n\n', 'coach.no-identity'],
    ['two keys', () => `${keyFile}${keyFile.split('\n')[2]}\n`, 'coach.several-identities'],
    ['the public key only', () => `${keyFile.split('\n')[1]?.replace('# public key: ', '')}\n`, 'coach.public-key-only'],
    ['the key in small letters', () => keyFile.replace(identity, identity.toLowerCase()), 'coach.bad-identity'],
    ['the key with a trailing space', () => keyFile.replace(identity, `${identity} `), 'coach.bad-identity'],
    ['the key cut short', () => keyFile.replace(identity, identity.slice(0, -1)), 'coach.bad-identity'],
    ['a post-quantum key', () => `AGE-SECRET-KEY-PQ-1${identity.slice(16)}\n`, 'coach.unsupported-identity'],
    ['a byte-order mark', () => `\uFEFF${keyFile}`, 'coach.bad-identity'],
    ['some other text file', () => 'Dear coach,\nhere is my key\n', 'coach.bad-identity'],
    ['a passphrase backup', () => '-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n', 'coach.identity-is-backup'],
  ];

  it.each(cases)('is refused: %s', (_name, text, code) => {
    const result = readIdentityFile(text(), 'coach.key');
    expect(codesOf(result)).toContain(code);
    expect(issuesOf(result).every((issue) => issue.file === 'coach.key')).toBe(true);
  });

  it('names the line of each bad line', () => {
    const result = readIdentityFile(`# ok\nhello\n${identity}\nworld\n`, 'coach.key');
    expect(issuesOf(result).map((issue) => [issue.code, issue.row])).toEqual([['coach.bad-identity', 2], ['coach.bad-identity', 4]]);
  });

  it('is refused for any one changed character of the key, and no message quotes the key', () => {
    const alphabet = [...'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'];
    fc.assert(
      fc.property(fc.integer({ min: 16, max: identity.length - 1 }), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(identity[at] !== char);
        const changed = `${identity.slice(0, at)}${char}${identity.slice(at + 1)}`;
        const result = readIdentityFile(keyFile.replace(identity, changed), 'coach.key');
        expect(codesOf(result)).toEqual(['coach.bad-identity']);
        // No run of 8 characters from either key appears in any message.
        const said = issuesOf(result).map((issue) => issue.message).join('\n');
        for (let i = 16; i + 8 <= identity.length; i += 4) {
          expect(said).not.toContain(changed.slice(i, i + 8));
          expect(said).not.toContain(identity.slice(i, i + 8));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a key backup', () => {
  it('gives back the key with the right passphrase', async () => {
    const backup = await wrapIdentity(keyFile, 'correct horse battery staple', FAST);
    expect(await unwrapIdentity(backup, 'correct horse battery staple', 'coach-backup.age')).toEqual({ ok: true, value: identity });
  });

  it('is ASCII-armored age text at age\'s default scrypt work factor, and holds no trace of the key', async () => {
    const backup = new TextDecoder().decode(await wrapIdentity(keyFile, 'correct horse battery staple'));
    expect(backup).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n[A-Za-z0-9+/=\n]+-----END AGE ENCRYPTED FILE-----\n$/);
    const header = new TextDecoder().decode(armor.decode(backup).subarray(0, 120));
    expect(header).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 18\n/);
    expect(backup).not.toContain(identity.slice(16, 30));
  });

  it('is opened by Go\'s age -d -i, which asks for the passphrase, and then opens a sealed response', async () => {
    const passphrase = 'Tr0ub4dor & 3';
    writeFileSync(join(dir, 'backup.age'), await wrapIdentity(keyFile, passphrase, FAST));
    const sealed = await sealResponse(
      { campaignId: 'c-1', token: 't-1', submittedOn: '2026-05-02', answers: answersFromEntries([['communication-01', 3]]), comments: new Map() },
      await coachRecipient(identity),
    );
    writeFileSync(join(dir, 'sealed.age'), sealed);
    // Go's age reads a passphrase from the terminal only: a pseudo-terminal types it.
    const typeIt = [
      'import os, pty, sys',
      'pid, fd = pty.fork()',
      'if pid == 0: os.execvp("age", ["age", "-d", "-i", "backup.age", "-o", "opened.json", "sealed.age"])',
      'seen = b""',
      'while b"passphrase" not in seen.lower(): seen += os.read(fd, 1024)',
      'os.write(fd, os.environ["PASSPHRASE"].encode() + b"\\n")',
      'try:',
      '    while os.read(fd, 1024): pass',
      'except OSError: pass',
      'sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))',
    ].join('\n');
    const done = spawnSync('python3', ['-c', typeIt], { cwd: dir, encoding: 'utf8', env: { ...process.env, PASSPHRASE: passphrase }, timeout: 30_000 });
    expect(done.status, done.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'opened.json'), 'utf8'))).toMatchObject({ campaign_id: 'c-1', answers: { 'communication-01': 3 } });
  });

  it('is also read in binary form, as age -p writes it', async () => {
    const binary = armor.decode(new TextDecoder().decode(await wrapIdentity(keyFile, 'pass phrase', FAST)));
    expect(await unwrapIdentity(binary, 'pass phrase', 'coach-backup.age')).toEqual({ ok: true, value: identity });
  });

  it('refuses a wrong passphrase with coach.wrong-passphrase', async () => {
    const backup = await wrapIdentity(keyFile, 'correct horse battery staple', FAST);
    const result = await unwrapIdentity(backup, 'correct horse battery stapler', 'coach-backup.age');
    expect(issuesOf(result)).toEqual([expect.objectContaining({ code: 'coach.wrong-passphrase', file: 'coach-backup.age' })]);
  });

  it('refuses a damaged backup with one clear issue: a changed byte, a changed line, a cut', async () => {
    const backup = await wrapIdentity(keyFile, 'pass phrase', FAST);
    const binary = armor.decode(new TextDecoder().decode(backup));
    const flipped = binary.slice();
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 0x01;
    const text = new TextDecoder().decode(backup);
    const editedLine = text.replace(/\n([A-Za-z0-9+/]{10})/, (_m, start: string) => `\n${start.startsWith('A') ? 'B' : 'A'}${start.slice(1)}`);
    for (const damaged of [flipped, binary.subarray(0, binary.length - 7), new TextEncoder().encode(editedLine), new TextEncoder().encode(text.slice(0, 200))]) {
      const result = await unwrapIdentity(damaged, 'pass phrase', 'coach-backup.age');
      expect(codesOf(result)).toHaveLength(1);
      expect(['coach.backup-damaged', 'coach.wrong-passphrase']).toContain(codesOf(result)[0]);
    }
    expect(codesOf(await unwrapIdentity(flipped, 'pass phrase', 'b'))).toEqual(['coach.backup-damaged']);
  });

  it('refuses what is not a backup: the plain key file, a sealed response, a passphrase file holding no key', async () => {
    const sealed = await sealResponse(
      { campaignId: 'c-1', token: 't-1', submittedOn: '2026-05-02', answers: answersFromEntries([]), comments: new Map() },
      await coachRecipient(identity),
    );
    const notAKey = new Encrypter();
    notAKey.setScryptWorkFactor(10);
    notAKey.setPassphrase('pass phrase');
    const other = await notAKey.encrypt('shopping list\n');
    expect(codesOf(await unwrapIdentity(new TextEncoder().encode(keyFile), 'pass phrase', 'b'))).toEqual(['coach.not-a-backup']);
    expect(codesOf(await unwrapIdentity(sealed, 'pass phrase', 'b'))).toEqual(['coach.not-a-backup']);
    expect(codesOf(await unwrapIdentity(other, 'pass phrase', 'b'))).toEqual(['coach.bad-identity']);
  });
});
