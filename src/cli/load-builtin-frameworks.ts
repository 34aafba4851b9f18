import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Framework } from '../core/model/framework.ts';
import type { Result } from '../core/model/result.ts';
import { parseBuiltinFrameworks } from '../core/parse/builtin-frameworks.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The built-in frameworks, read from the project's seeds/ folder. */
export function loadBuiltinFrameworks(): Result<Framework[]> {
  return parseBuiltinFrameworks((name) => readFileSync(`${SEEDS_DIR}${name}`, 'utf8'));
}
