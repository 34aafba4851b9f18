import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Screenshots go to docs/screenshots when SKILLSCOPE_SCREENSHOTS=1 (to refresh the README's
 * pictures), elsewhere to a temporary folder, so that a plain test run leaves the tree clean.
 */
export const SCREENSHOTS_DIR = process.env.SKILLSCOPE_SCREENSHOTS === '1' ? join(process.cwd(), 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'skillscope-shots-'));
mkdirSync(SCREENSHOTS_DIR, { recursive: true });
