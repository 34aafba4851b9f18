import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/**
 * Files crafted to hurt, as an attacker would hand them to `npm run score` and `npm run
 * generate` (issue 9): each ends the run with exit 1 and exactly one line per problem on stderr,
 * never a stack trace, a control character that reaches the terminal, or a file written.
 */
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-hostile-'));
});
const at = (name: string) => join(dir, name);
const write = (name: string, data: string | Uint8Array) => {
  writeFileSync(at(name), data);
  return at(name);
};
const problemLines = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !line.startsWith('Nothing written'));

/** What a terminal would act on: ESC, other C0/C1 controls (bar the line feed between lines), bidi overrides. */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectRefused(run: ReturnType<typeof runCli>, lines: number, pattern: RegExp): void {
  expect(run.status).toBe(1);
  const problems = problemLines(run.stderr);
  expect(problems).toHaveLength(lines);
  for (const line of problems) expect(line).toMatch(pattern);
  expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(readdirSync(dir).filter((name) => name.endsWith('.csv') && name !== 'in.csv')).toEqual([]);
}

describe('npm run score with hostile files', () => {
  it('prints a file name holding a newline and a terminal escape as one escaped line', () => {
    const name = write('ana\n\u001b[2J\u001b[31mFAKE: all good.json', '{"format": "skillscope-response",}');
    const run = runCli('score', [name, '--out', dir]);
    expectRefused(run, 1, /ana\\n\\u001b\[2J\\u001b\[31mFAKE: all good\.json, row 1: The file is not valid JSON at line 1, column 34/);
  });

  it('escapes control characters inside values it quotes', () => {
    const text = `response_id,framework_id,survey_id,subject_id,rater_group,submitted_at,statement_id,level,domain,rating,rating_label\r\nr-1,css-occupational,css-occupational.self,ana,self,2024-05-01T09:30:00Z,emerging-01,emerging,,"3\u001b[2J\r\nforged line",x\r\n`;
    const run = runCli('score', [write('in.csv', text), '--out', dir]);
    expectRefused(run, 1, /row 2: rating: Rating "3\\u001b\[2J\\r\\nforged line" is not 1, 2, 3 or 4/);
  });

  it('names a byte that is not UTF-8 by its offset, in the middle of a file or at its end', () => {
    const start = new TextEncoder().encode('response_id,framework_id\r\nr-');
    for (const bytes of [[...start, 0xe9, 0x41, 0x0d, 0x0a], [...start, 0xe9]]) {
      const run = runCli('score', [write('in.csv', new Uint8Array(bytes)), '--out', dir]);
      expectRefused(run, 1, new RegExp(`Byte ${start.length} \\(0xe9\\) is not UTF-8.*\\[file.not-utf8\\]`));
    }
  });

  it('refuses a FIFO at once instead of waiting for a writer that never comes', () => {
    execFileSync('mkfifo', [at('pipe.json')]);
    const run = runCli('score', [at('pipe.json'), '--out', dir]);
    expectRefused(run, 1, /pipe\.json: This is not a regular file\. \[file\.not-a-file\]/);
  });

  it('names every duplicated key of a framework file given with --framework', () => {
    const framework = '{"schemaVersion": "1.0", "schemaVersion": "2.0", "occupation": {"soc": "1", "soc": "2"}}';
    const run = runCli('score', [write('responses.json', '{}'), '--framework', write('fw.json', framework), '--out', dir]);
    expectRefused(run, 2, /fw\.json, row 1: (schemaVersion|occupation\.soc): The key "(schemaVersion|soc)" appears more than once/);
  });
});

describe('npm run generate with hostile files', () => {
  it('refuses a framework nested 100,000 deep with one line, not a stack overflow', () => {
    const run = runCli('generate', [write('deep.json', `{"framework": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), '--out', at('out')]);
    expectRefused(run, 1, /deep\.json, row 1: framework(\[0\])+…?: The JSON is nested more than 64 levels deep/);
  });

  it('escapes an unknown option that carries a terminal escape', () => {
    const run = runCli('generate', ['--\u001b]0;pwned\u0007', '--out', at('out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
    expect(run.stderr).toContain('Unknown option --\\u001b]0;pwned\\u0007.');
  });
});
