/** File system errors in plain words, for the one line a command prints about them. */
const REASONS: ReadonlyMap<string, string> = new Map([
  ['EACCES', 'permission denied'],
  ['EPERM', 'the system does not permit it'],
  ['ENOSPC', 'the disk is full'],
  ['EDQUOT', 'the disk quota is used up'],
  ['EROFS', 'the file system is read-only'],
  ['ENOTDIR', 'part of the path is not a folder'],
  ['EISDIR', 'a folder has that name'],
  ['ENAMETOOLONG', 'the name is too long'],
  ['ELOOP', 'the path goes round a loop of symbolic links'],
  ['EEXIST', 'something else already has that name'],
  ['ENOENT', 'no such file or folder, or the system does not allow one here'],
  ['EIO', 'the disk reported an input/output error'],
  ['EFBIG', 'the file is larger than the file system allows'],
  ['EMFILE', 'too many files are open'],
  ['ENFILE', 'too many files are open'],
  ['EBUSY', 'it is in use'],
  ['ETXTBSY', 'it is in use'],
  ['EXDEV', 'it is on another disk'],
  ['EINVAL', 'the file system does not accept this name'],
]);

export function fileErrorReason(error: unknown): string {
  const code = errorCode(error);
  return REASONS.get(code) ?? (code === '' ? String(error) : `the system reports ${code}`);
}

export function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : '';
}
