import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const COHORTS = join(import.meta.dirname, '../fixtures/sql');
const GOLDEN = join(import.meta.dirname, '../fixtures/score-golden');

/**
 * Issue 13: keeping answers by column, scoring a subject at a time and writing files in pieces
 * changed how `npm run score` works, never what it writes. tests/fixtures/score-golden holds the
 * five files `npm run score` wrote for each test cohort before that change (commit b44a169):
 * retakes, alpha, a folded manager, ids made to hurt, four frameworks. A change of scoring rules
 * must rewrite them on purpose (see tests/fixtures/score-golden/README.md).
 */
describe('npm run score writes, byte for byte, what it wrote before answers were kept by column', () => {
  for (const cohort of readdirSync(GOLDEN)) {
    if (cohort.endsWith('.md')) continue;
    it(`for the ${cohort} cohort`, () => {
      const out = mkdtempSync(join(tmpdir(), 'skillscope-golden-'));
      const run = runCli('score', [join(COHORTS, `${cohort}.csv`), '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const files = readdirSync(join(GOLDEN, cohort)).sort();
      expect(readdirSync(out).sort()).toEqual(files);
      for (const file of files) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(GOLDEN, cohort, file), 'utf8'));
    });
  }
});
