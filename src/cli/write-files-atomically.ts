import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes every file or none: each goes to a temporary name first and is renamed into place only
 * once all of them were written, so a failure never leaves half an output behind.
 */
export function writeFilesAtomically(dir: string, files: readonly { name: string; content: string }[]): void {
  mkdirSync(dir, { recursive: true });
  const temporary = files.map((file) => ({ ...file, temp: join(dir, `.${file.name}.${process.pid}.tmp`) }));
  try {
    for (const file of temporary) writeFileSync(file.temp, file.content);
  } catch (error) {
    for (const file of temporary) rmSync(file.temp, { force: true });
    throw error;
  }
  for (const file of temporary) renameSync(file.temp, join(dir, file.name));
}
