import type { Issue, Result } from '../model/result.ts';

/** Framework files are a few hundred KB at most; anything far larger is refused before parsing. */
export const MAX_FRAMEWORK_FILE_BYTES = 5 * 1024 * 1024;

export function sizeIssue(bytes: number, file: string): Issue | null {
  if (bytes <= MAX_FRAMEWORK_FILE_BYTES) return null;
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return {
    code: 'file.too-large',
    file,
    path: '',
    message: `The file is ${mb} MB; a framework file may be at most ${MAX_FRAMEWORK_FILE_BYTES / 1024 / 1024} MB.`,
  };
}

/** JSON.parse as a Result, with the line of a syntax error where the engine reports a position. */
export function parseJson(text: string, file: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const row = position?.[1] === undefined ? undefined : lineOf(text, Number(position[1]));
    return {
      ok: false,
      issues: [{
        code: 'json.syntax',
        file,
        ...(row === undefined ? {} : { row }),
        path: '',
        message: text.trim() === '' ? 'The file is empty.' : `The file is not valid JSON (${message}).`,
      }],
    };
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only: `__proto__` or `constructor` in a file never reach the prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
