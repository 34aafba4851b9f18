import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeFailedWrite, writeOutputFiles, type WriteResult } from '../../src/cli/write-output.ts';

/**
 * The writer behind `score` and `generate` (issue 9, "Writing output"). Most cases use the real
 * file system; the few that no real folder can produce on demand (a full disk, a restore that
 * fails, a random name that repeats) inject that one fault into node:fs or node:crypto.
 */

const faults = vi.hoisted(() => ({
  rename: null as ((from: string, to: string) => void) | null,
  write: null as (() => void) | null,
  link: null as (() => void) | null,
  random: null as (() => Buffer) | null,
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      faults.rename?.(from, to);
      fs.renameSync(from, to);
    },
    linkSync: (from: string, to: string) => {
      faults.link?.();
      fs.linkSync(from, to);
    },
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      faults.write?.();
      return fs.writeSync(...args);
    },
  };
});

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return { ...crypto, randomBytes: (size: number) => faults.random?.() ?? crypto.randomBytes(size) };
});

const systemError = (code: string) => Object.assign(new Error(code), { code });
const FILES = [
  { name: 'summary.csv', content: 'new summary' },
  { name: 'statements.csv', content: 'new statements' },
];

let dir = '';
let out = '';
const at = (...names: string[]) => join(out, ...names);
const read = (path: string) => readFileSync(path, 'utf8');
const listing = (folder = out) => readdirSync(folder).sort();

/** What the command prints on failure: one line per problem, then the closing line. */
const failureLines = (result: WriteResult) => (result.ok ? [] : [...result.issues.map((issue) => `${issue.file}: ${issue.message} [${issue.code}]`), describeFailedWrite(result)]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-write-'));
  out = join(dir, 'out');
});

afterEach(() => {
  faults.rename = null;
  faults.write = null;
  faults.link = null;
  faults.random = null;
});

describe('writing the output files', () => {
  it('makes the output folder and its missing parents, and writes every file in full', () => {
    out = join(dir, 'reports', '2024', 'may');
    // Three million UTF-16 units, written a slice at a time: a slice must never end inside the emoji.
    const large = '😀é'.repeat(1_000_000);
    const result = writeOutputFiles(out, [...FILES, { name: 'large.csv', content: large }]);
    expect(result).toEqual({ ok: true, value: [at('summary.csv'), at('statements.csv'), at('large.csv')] });
    expect(listing()).toEqual(['large.csv', 'statements.csv', 'summary.csv']);
    expect(read(at('summary.csv'))).toBe('new summary');
    expect(read(at('large.csv')) === large).toBe(true);
  });

  it('writes content given in pieces, piece after piece, taking each piece only while writing', () => {
    let taken = 0;
    const pieces = function* () {
      for (let i = 0; i < 3; i += 1) {
        taken += 1;
        yield `row ${i} 😀\r\n`;
      }
    };
    const content = pieces();
    expect(taken).toBe(0);
    expect(writeOutputFiles(out, [...FILES, { name: 'long.csv', content }]).ok).toBe(true);
    expect(read(at('long.csv'))).toBe('row 0 😀\r\nrow 1 😀\r\nrow 2 😀\r\n');
  });

  it('writes nothing at all when a writer of pieces fails part-way, and leaves last run\'s files as they were', () => {
    mkdirSync(out);
    writeFileSync(at('summary.csv'), 'last week');
    const failing = function* () {
      yield 'half a file\r\n';
      throw new Error('a bug in the writer');
    };
    const result = writeOutputFiles(out, [FILES[0]!, { name: 'long.csv', content: failing() }, FILES[1]!]);
    expect(result.ok).toBe(false);
    expect(failureLines(result).at(-1)).toBe('Nothing written: 1 problem.');
    expect(result.ok ? [] : result.issues.map((issue) => [issue.file, issue.code])).toEqual([[at('long.csv'), 'file.unwritable']]);
    expect(listing()).toEqual(['summary.csv']);
    expect(read(at('summary.csv'))).toBe('last week');
  });

  it('appends pieces of several files from one pass, tagged by file, after each file\'s own content', () => {
    const pass = function* () {
      for (let subject = 1; subject <= 3; subject += 1) {
        yield ['summary.csv', `summary of ${subject}\r\n`] as const;
        yield ['statements.csv', `statements of ${subject}\r\n`] as const;
      }
    };
    const files = [{ name: 'summary.csv', content: 'header\r\n' }, { name: 'statements.csv', content: '' }, { name: 'other.csv', content: 'other' }];
    expect(writeOutputFiles(out, files, pass()).ok).toBe(true);
    expect(read(at('summary.csv'))).toBe('header\r\nsummary of 1\r\nsummary of 2\r\nsummary of 3\r\n');
    expect(read(at('statements.csv'))).toBe('statements of 1\r\nstatements of 2\r\nstatements of 3\r\n');
    expect(read(at('other.csv'))).toBe('other');
  });

  it('writes nothing at all when the pass fails part-way or gives a piece for a file it was not asked for', () => {
    mkdirSync(out);
    writeFileSync(at('summary.csv'), 'last week');
    const failing = function* () {
      yield ['summary.csv', 'half a file\r\n'] as const;
      throw new Error('a bug in scoring');
    };
    const stray = function* () {
      yield ['summary.csv', 'half a file\r\n'] as const;
      yield ['../elsewhere.csv', 'escaped'] as const;
    };
    for (const pass of [failing(), stray()]) {
      const result = writeOutputFiles(out, FILES, pass);
      expect(failureLines(result).at(-1)).toBe('Nothing written: 1 problem.');
      expect(listing()).toEqual(['summary.csv']);
      expect(read(at('summary.csv'))).toBe('last week');
    }
    expect(existsSync(join(dir, 'elsewhere.csv'))).toBe(false);
  });

  it('replaces last run\'s files and leaves nothing else in the folder', () => {
    mkdirSync(out);
    writeFileSync(at('summary.csv'), 'last week');
    writeFileSync(at('notes.txt'), 'mine');
    expect(writeOutputFiles(out, FILES).ok).toBe(true);
    expect(listing()).toEqual(['notes.txt', 'statements.csv', 'summary.csv']);
    expect(read(at('summary.csv'))).toBe('new summary');
    expect(read(at('notes.txt'))).toBe('mine');
  });

  it('replaces a symbolic link to a file outside the folder by a real file, and leaves the outside file alone', () => {
    mkdirSync(out);
    writeFileSync(join(dir, 'outside.csv'), 'not yours');
    symlinkSync(join(dir, 'outside.csv'), at('summary.csv'));
    expect(writeOutputFiles(out, FILES).ok).toBe(true);
    expect(lstatSync(at('summary.csv')).isSymbolicLink()).toBe(false);
    expect(read(at('summary.csv'))).toBe('new summary');
    expect(read(join(dir, 'outside.csv'))).toBe('not yours');
  });

  it('never writes through a link planted at the temporary name it picks; it picks another', () => {
    mkdirSync(out);
    writeFileSync(join(dir, 'outside.csv'), 'not yours');
    const planted = at('.summary.csv.000000000000.tmp');
    symlinkSync(join(dir, 'outside.csv'), planted);
    let calls = 0;
    faults.random = () => (calls++ === 0 ? Buffer.alloc(6) : Buffer.from([calls, 1, 2, 3, 4, 5]));
    expect(writeOutputFiles(out, FILES).ok).toBe(true);
    expect(read(join(dir, 'outside.csv'))).toBe('not yours');
    expect(readlinkSync(planted)).toBe(join(dir, 'outside.csv'));
    expect(read(at('summary.csv'))).toBe('new summary');
    expect(listing()).toEqual(['.summary.csv.000000000000.tmp', 'statements.csv', 'summary.csv']);
  });

  it('gives up with one line, rather than loop, when every temporary name it tries is taken', () => {
    mkdirSync(out);
    symlinkSync(join(dir, 'outside.csv'), at('.summary.csv.000000000000.tmp'));
    faults.random = () => Buffer.alloc(6);
    const result = writeOutputFiles(out, FILES);
    expect(failureLines(result)).toEqual([
      `${at('summary.csv')}: This file cannot be written: each of 16 new temporary names tried was already taken. [file.unwritable]`,
      'Nothing written: 1 problem.',
    ]);
    expect(existsSync(join(dir, 'outside.csv'))).toBe(false);
    expect(listing()).toEqual(['.summary.csv.000000000000.tmp']);
  });

  it('refuses a file name that would leave the folder', () => {
    mkdirSync(out);
    const result = writeOutputFiles(out, [{ name: '../escaped.csv', content: 'x' }]);
    expect(result.ok).toBe(false);
    expect(readdirSync(dir)).toEqual(['out']);
  });
});

describe('an --out that cannot be written to gets one line and changes nothing', () => {
  const cases: [string, () => string, string][] = [
    ['a regular file', () => (writeFileSync(out, 'data'), out), 'The output folder (--out) is a file, not a folder.'],
    ['a path under a regular file', () => (writeFileSync(out, 'data'), join(out, 'reports')), 'The output folder (--out) cannot be used: part of the path is not a folder.'],
    ['a named pipe, which it never opens', () => (execFileSync('mkfifo', [out]), out), 'The output folder (--out) is a named pipe, not a folder.'],
    ['a link to nothing', () => (symlinkSync(join(dir, 'gone'), out), out), 'The output folder (--out) is a symbolic link to something that does not exist.'],
    ['a loop of links', () => (symlinkSync(out, out), out), 'The output folder (--out) cannot be used: the path goes round a loop of symbolic links.'],
    ['a device', () => '/dev/full', 'The output folder (--out) is a device, not a folder.'],
    ['a name longer than the file system allows', () => join(dir, 'x'.repeat(300)), 'The output folder (--out) cannot be used: the name is too long.'],
    // Node's mkdirSync(..., { recursive: true }) spins for ever on this path.
    ['a folder under /proc, where none can be made', () => '/proc/skillscope/out', 'The output folder (--out) cannot be used: no such file or folder, or the system does not allow one here.'],
  ];

  it.each(cases)('%s', (_, make, message) => {
    const target = make();
    const before = listing(dir);
    const result = writeOutputFiles(target, FILES);
    expect(failureLines(result)).toEqual([`${target}: ${message} [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(listing(dir)).toEqual(before);
  });
});

describe('a failure part-way puts the folder back as it was', () => {
  it('restores the first file when the second cannot be replaced (a folder has its name)', () => {
    mkdirSync(out);
    writeFileSync(at('summary.csv'), 'last week');
    mkdirSync(at('statements.csv'));
    writeFileSync(at('statements.csv', 'mine.txt'), 'mine');
    const result = writeOutputFiles(out, FILES);
    expect(failureLines(result)).toEqual([`${at('statements.csv')}: This file cannot be replaced: a folder has that name. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(listing()).toEqual(['statements.csv', 'summary.csv']);
    expect(read(at('summary.csv'))).toBe('last week');
    expect(listing(at('statements.csv'))).toEqual(['mine.txt']);
  });

  it('removes a first file that was not there before, and the folders it made', () => {
    out = join(dir, 'new', 'out');
    const result = writeOutputFiles(out, [{ name: 'summary.csv', content: 'new' }, { name: 'x'.repeat(300), content: 'too long a name' }]);
    expect(failureLines(result)).toEqual([`${at('x'.repeat(300))}: This file cannot be replaced: the name is too long. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('puts a replaced link back as the link it was', () => {
    mkdirSync(out);
    symlinkSync('../elsewhere.csv', at('summary.csv'));
    mkdirSync(at('statements.csv'));
    expect(writeOutputFiles(out, FILES).ok).toBe(false);
    expect(readlinkSync(at('summary.csv'))).toBe('../elsewhere.csv');
    expect(listing()).toEqual(['statements.csv', 'summary.csv']);
  });

  it('moves the old file aside where the file system has no hard links, and back again', () => {
    mkdirSync(out);
    writeFileSync(at('summary.csv'), 'last week');
    mkdirSync(at('statements.csv'));
    faults.link = () => {
      throw systemError('EPERM');
    };
    expect(writeOutputFiles(out, FILES).ok).toBe(false);
    expect(listing()).toEqual(['statements.csv', 'summary.csv']);
    expect(read(at('summary.csv'))).toBe('last week');
    rmdirSync(at('statements.csv'));
    expect(writeOutputFiles(out, FILES).ok).toBe(true);
    expect(listing()).toEqual(['statements.csv', 'summary.csv']);
    expect(read(at('summary.csv'))).toBe('new summary');
  });

  it('removes every temporary file when the disk fills up while writing', () => {
    mkdirSync(out);
    writeFileSync(at('summary.csv'), 'last week');
    let writes = 0;
    faults.write = () => {
      if (++writes === 2) throw systemError('ENOSPC');
    };
    const result = writeOutputFiles(out, FILES);
    expect(failureLines(result)).toEqual([`${at('statements.csv')}: This file cannot be written: the disk is full. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(listing()).toEqual(['summary.csv']);
    expect(read(at('summary.csv'))).toBe('last week');
  });

  it('names a file it replaced and could not put back, says where the old content is, and does not say nothing was written', () => {
    mkdirSync(out);
    writeFileSync(at('summary.csv'), 'last week');
    mkdirSync(at('statements.csv'));
    faults.rename = (from) => {
      if (from.endsWith('.old')) throw systemError('EIO');
    };
    const result = writeOutputFiles(out, FILES);
    const kept = listing().find((name) => name.endsWith('.old')) ?? '';
    expect(failureLines(result)).toEqual([
      `${at('statements.csv')}: This file cannot be replaced: a folder has that name. [file.unwritable]`,
      `${at('summary.csv')}: This file was replaced and cannot be put back (the disk reported an input/output error); its previous content is in ${at(kept)}. [file.not-restored]`,
      'Stopped part-way: 2 problems; 1 file named above was left changed.',
    ]);
    expect(read(at('summary.csv'))).toBe('new summary');
    expect(read(at(kept))).toBe('last week');
    expect(listing().filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
