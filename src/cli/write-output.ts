import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readlinkSync, renameSync, rmdirSync, statSync, symlinkSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Issue } from '../core/model/result.ts';
import { errorCode, fileErrorReason } from './file-errors.ts';

/**
 * A file to write; `secret` ones (a coach's key) are readable by their owner only. `content` may
 * come in pieces (any iterable of strings, such as core's `write...CsvChunks` generators), so that
 * a file larger than V8's longest string (about 512 MB of UTF-16) is never held as one string.
 * The pieces are taken once, while the file is written to its temporary name.
 */
export type OutputFile = { name: string; content: OutputContent; secret?: boolean };
export type OutputContent = string | Uint8Array | Iterable<string>;

/**
 * Pieces of several of the files from one pass, each tagged with its file's name, appended after
 * that file's own `content`: a scoring pass that writes each subject's rows to summary.csv and
 * statements.csv as it goes, and keeps no score once written.
 */
export type InterleavedPieces = Iterable<readonly [name: string, piece: string]>;

/**
 * A failed write: every problem, and the paths it had to leave changed. `leftChanged` is empty
 * unless putting the folder back failed too; only then may the command not say "nothing written".
 */
export type WriteFailure = { ok: false; issues: Issue[]; leftChanged: string[] };
export type WriteResult = { ok: true; value: string[] } | WriteFailure;

/**
 * Writes every file into `dir` or leaves the folder as it was (DESIGN.md "Command line": nothing is
 * written half-way). Each file is written in full to a new temporary file in the same folder; only
 * when all of them are complete do they replace their targets, each old target kept aside until
 * the last replacement succeeded, so that a failure part-way puts every target back. Never throws
 * for a file system problem: each becomes one `file.unwritable` issue in plain words.
 */
export function writeOutputFiles(dir: string, files: readonly OutputFile[], interleaved: InterleavedPieces = []): WriteResult {
  const badName = files.find((file, index) => !isPlainName(file.name) || files.findIndex((other) => other.name === file.name) !== index);
  if (badName !== undefined) return failed([unwritable(join(dir, badName.name), 'This is not one plain, distinct file name, so it is not written.')]);

  const folder = prepareFolder(dir);
  if (!folder.ok) return failed(folder.issues);
  const made: Made = { folders: folder.created, temporary: [], replacements: [] };

  const open = new Map<string, number>();
  let writing = '';
  try {
    for (const file of files) {
      writing = join(dir, file.name);
      let fd = -1;
      const path = createExclusively(dir, file.name, 'tmp', (path) => (fd = openSync(path, NEW_FILE, file.secret === true ? 0o600 : 0o666)));
      made.temporary.push({ name: file.name, target: writing, path, placed: false });
      open.set(file.name, fd);
    }
    for (const file of files) {
      writing = join(dir, file.name);
      writeContent(open.get(file.name) ?? -1, file.content);
    }
    // A piece that throws (a bug in its writer) lands in the catch below: the temporary files go,
    // and the folder is put back as it was.
    for (const [name, piece] of interleaved) {
      const fd = open.get(name);
      if (fd === undefined) throw new Error(`writeOutputFiles: a piece for ${name}, which is not one of the files.`);
      writing = join(dir, name);
      writeText(fd, piece);
    }
    for (const file of files) {
      writing = join(dir, file.name);
      syncFile(open.get(file.name) ?? -1);
    }
  } catch (error) {
    closeAll(open);
    return rollBack(made, unwritable(writing, `This file cannot be written: ${plainReason(error)}.`));
  }
  closeAll(open);

  for (const temporary of made.temporary) {
    const replacing: Replacement = { target: temporary.target, kept: null, keptByMove: false, replaced: false };
    try {
      keepOldTarget(dir, temporary.name, replacing);
      made.replacements.push(replacing);
      // rename() swaps the directory entry itself: a target that is a symbolic link is replaced by
      // the new file and whatever it pointed to is never opened or written (issue 9).
      renameSync(temporary.path, temporary.target);
      replacing.replaced = true;
      temporary.placed = true;
    } catch (error) {
      return rollBack(made, unwritable(temporary.target, `This file cannot be replaced: ${plainReason(error)}.`));
    }
  }

  // The new files are in place: the old ones kept aside are no longer needed. Removing a name this
  // run made in a folder it has just written to does not fail in practice, and would not change
  // the output if it did.
  for (const replacement of made.replacements) if (replacement.kept !== null) removeQuietly(replacement.kept);
  syncFolder(dir);
  return { ok: true, value: files.map((file) => join(dir, file.name)) };
}

/** The closing line after the problems: "Nothing written" only when that is true. */
export function describeFailedWrite(failure: WriteFailure): string {
  const problems = `${failure.issues.length} problem${failure.issues.length === 1 ? '' : 's'}`;
  const changed = failure.leftChanged.length;
  if (changed === 0) return `Nothing written: ${problems}.`;
  return `Stopped part-way: ${problems}; ${changed} file${changed === 1 ? '' : 's'} named above ${changed === 1 ? 'was' : 'were'} left changed.`;
}

/** An old target on its way out: `kept` is its copy under a hidden name until the run succeeds. */
type Replacement = { target: string; kept: string | null; keptByMove: boolean; replaced: boolean };
/** What a failure has to take back, newest last. */
type Made = { folders: readonly string[]; temporary: { name: string; target: string; path: string; placed: boolean }[]; replacements: Replacement[] };

function rollBack(made: Made, problem: Issue): WriteFailure {
  const issues = [problem];
  const leftChanged: string[] = [];
  const leave = (file: string, code: string, message: string) => {
    issues.push({ code, file, path: '', message });
    leftChanged.push(file);
  };
  for (const { target, kept, keptByMove, replaced } of [...made.replacements].reverse()) {
    try {
      if (kept === null) {
        if (replaced) unlinkSync(target);
      } else if (replaced || keptByMove) renameSync(kept, target);
      else unlinkSync(kept);
    } catch (error) {
      const reason = plainReason(error);
      if (kept === null) leave(target, 'file.not-restored', `This file did not exist before; the new one was written and cannot be removed (${reason}).`);
      else if (replaced) leave(target, 'file.not-restored', `This file was replaced and cannot be put back (${reason}); its previous content is in ${kept}.`);
      else if (keptByMove) leave(target, 'file.not-restored', `This file was moved to ${kept} to be replaced and cannot be moved back (${reason}).`);
      else leave(kept, 'file.left-behind', `This copy of ${target} cannot be removed (${reason}); delete it.`);
    }
  }
  for (const temporary of made.temporary) {
    if (temporary.placed) continue;
    try {
      unlinkSync(temporary.path);
    } catch (error) {
      leave(temporary.path, 'file.left-behind', `This temporary file cannot be removed (${plainReason(error)}); delete it.`);
    }
  }
  // Folders this run made go again; rmdir only removes an empty one.
  for (const folder of [...made.folders].reverse()) removeQuietly(folder, rmdirSync);
  return { ok: false, issues, leftChanged };
}

/**
 * Keeps the current target aside under a new name, so that it can be put back. A hard link keeps
 * the target in place while the new file is renamed over it; a symbolic link is copied as a link,
 * never followed; where the file system has no hard links the file is moved aside instead.
 */
function keepOldTarget(dir: string, name: string, replacing: Replacement): void {
  const stats = lstatOrNull(replacing.target);
  if (stats === null) return;
  // rename() would refuse too (EISDIR); a folder is never moved aside, let alone removed.
  if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (stats.isSymbolicLink()) {
    const points = readlinkSync(replacing.target);
    replacing.kept = createExclusively(dir, name, 'old', (path) => symlinkSync(points, path));
    return;
  }
  try {
    replacing.kept = createExclusively(dir, name, 'old', (path) => linkSync(replacing.target, path));
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EMLINK', 'EOPNOTSUPP'].includes(errorCode(error))) throw error;
    replacing.kept = createExclusively(dir, name, 'old', (path) => {
      if (lstatOrNull(path) !== null) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      renameSync(replacing.target, path);
    });
    replacing.keptByMove = true;
  }
}

const ATTEMPTS = 16;
const EVERY_NAME_TAKEN = 'every-name-taken';

/**
 * Creates a new entry under a random hidden name beside the target. `create` must fail with EEXIST
 * when the name is taken (as O_EXCL, link and symlink do), so a file or link planted at a name we
 * might pick is never written through or replaced: we pick another.
 */
function createExclusively(dir: string, name: string, suffix: string, create: (path: string) => void): string {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    // The name is cut so that the temporary name stays within NAME_MAX (255 bytes) when the target's does.
    const path = join(dir, `.${name.slice(0, 64)}.${randomBytes(6).toString('hex')}.${suffix}`);
    try {
      create(path);
      return path;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw Object.assign(new Error('names taken'), { code: EVERY_NAME_TAKEN });
}

// O_EXCL refuses any existing entry, a symbolic link included; O_NOFOLLOW (where the platform has
// it) says the same again in case a file system treats links loosely.
const NEW_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
const CHUNK = 1 << 20;

function writeContent(fd: number, content: OutputContent): void {
  if (typeof content === 'string') writeText(fd, content);
  else if (content instanceof Uint8Array) writeBytes(fd, content);
  else for (const piece of content) writeText(fd, piece);
}

function syncFile(fd: number): void {
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP'].includes(errorCode(error))) throw error;
  }
}

function closeAll(open: Map<string, number>): void {
  for (const fd of open.values()) {
    try {
      closeSync(fd);
    } catch {
      // Closing a descriptor that was written to cannot lose more than the failure already did.
    }
  }
  open.clear();
}

/** A slice at a time, so that a 200 MB CSV is not held twice as bytes; never split a surrogate pair. */
function writeText(fd: number, text: string): void {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CHUNK, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
    writeBytes(fd, Buffer.from(text.slice(start, end), 'utf8'));
    start = end;
  }
}

function writeBytes(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * `--out` as a folder to write in: an existing folder (or a link to one, which the user chose), or
 * made here one level at a time. Node's own `mkdirSync(..., { recursive: true })` never returns for
 * a path under /proc, so it is not used.
 */
function prepareFolder(dir: string): { ok: true; created: string[] } | { ok: false; issues: Issue[] } {
  const refuse = (message: string) => ({ ok: false as const, issues: [unwritable(dir, message)] });
  try {
    const stats = lstatOrNull(dir);
    if (stats === null) return { ok: true, created: makeFolders(resolve(dir)) };
    if (stats.isDirectory()) return { ok: true, created: [] };
    if (!stats.isSymbolicLink()) return refuse(`The output folder (--out) is ${kindOf(stats)}, not a folder.`);
    const target = statOrNull(dir);
    if (target === null) return refuse('The output folder (--out) is a symbolic link to something that does not exist.');
    if (!target.isDirectory()) return refuse(`The output folder (--out) is a symbolic link to ${kindOf(target)}, not to a folder.`);
    return { ok: true, created: [] };
  } catch (error) {
    return refuse(`The output folder (--out) cannot be used: ${plainReason(error)}.`);
  }
}

/** Makes `dir` and any missing parents; returns those it made, outermost first. */
function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let current = dir; statOrNull(current) === null; current = dirname(current)) {
    if (dirname(current) === current) break;
    missing.unshift(current);
  }
  const created: string[] = [];
  try {
    for (const folder of missing) {
      try {
        mkdirSync(folder);
        created.push(folder);
      } catch (error) {
        // Another run made it in the meantime: a folder is all we need.
        if (errorCode(error) !== 'EEXIST' || statOrNull(folder)?.isDirectory() !== true) throw error;
      }
    }
  } catch (error) {
    for (const folder of created.reverse()) removeQuietly(folder, rmdirSync);
    throw error;
  }
  return created;
}

function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'an unusual kind of file';
}

/** A file system error in words; a run out of temporary names says so. */
function plainReason(error: unknown): string {
  return errorCode(error) === EVERY_NAME_TAKEN ? `each of ${ATTEMPTS} new temporary names tried was already taken` : fileErrorReason(error);
}

function unwritable(file: string, message: string): Issue {
  return { code: 'file.unwritable', file, path: '', message };
}

function failed(issues: Issue[]): WriteFailure {
  return { ok: false, issues, leftChanged: [] };
}

function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Cleaning up after ourselves is best effort where a failure cannot change what the user gets. */
function removeQuietly(path: string, remove: (path: string) => void = unlinkSync): void {
  try {
    remove(path);
  } catch {
    // Left as it is.
  }
}

/** Makes the renames durable where the platform can sync a folder; Windows cannot open one. */
function syncFolder(dir: string): void {
  try {
    // O_DIRECTORY: should the folder have been swapped for a named pipe meanwhile, fail, never wait.
    const fd = openSync(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Durability of the folder entry is a bonus; the files themselves were synced.
  }
}
