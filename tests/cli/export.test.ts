import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseV10Validator, caseV11Validator } from '../core/case/case-schemas.ts';
import { runCli } from '../support/run-cli.ts';
import { onetExportText } from '../fixtures/onet-export.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'skillscope-export-'));

describe('npm run export -- --framework ID|FILE --format case --out FILE', () => {
  it('writes a built-in framework as a CASE 1.1 package that passes the official schema, and the same bytes twice', () => {
    const dir = temp();
    const first = runCli('export', ['--framework', 'css-durable-skills', '--format', 'case', '--out', join(dir, 'a.json')]);
    const second = runCli('export', ['--framework', 'css-durable-skills', '--format', 'case', '--out', join(dir, 'b.json')]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Wrote css-durable-skills as a CASE 1.1 package');
    expect(second.status).toBe(0);
    const text = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(text);
    expect(caseV11Validator()(JSON.parse(text))).toBe(true);
  });

  it('writes CASE 1.0 with --case-version 1.0, from a framework file of another format', () => {
    const dir = temp();
    writeFileSync(join(dir, 'admins.json'), onetExportText());
    const run = runCli('export', ['--framework', join(dir, 'admins.json'), '--format', 'case', '--case-version', '1.0', '--out', join(dir, 'out', 'admins.case.json')]);
    expect(run.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'out', 'admins.case.json'), 'utf8'));
    expect(pkg.CFDocument.caseVersion).toBeUndefined();
    expect(caseV10Validator()(pkg)).toBe(true);
  });

  it('prints --help', () => {
    const run = runCli('export', ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--framework ID|FILE --format case [--case-version 1.1|1.0] --out FILE');
  });
});

describe('bad input: one line per problem, nothing written', () => {
  it('names an unknown framework id and lists the built-in ones', () => {
    const dir = temp();
    const run = runCli('export', ['--framework', 'no-such-framework', '--format', 'case', '--out', join(dir, 'x.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no-such-framework: --framework: There is no built-in framework "no-such-framework".*css-occupational/);
    expect(run.stderr).toContain('Nothing written: 1 problem.');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lists every problem of a broken framework file', () => {
    const dir = temp();
    writeFileSync(join(dir, 'broken.json'), '{"format":"skillscope-framework","version":1,"framework":{"id":"Bad Id","title":"","version":"1","description":"","attributions":[],"levels":[],"standardLevel":"proficient","domains":[],"statements":[],"info":[],"alignments":[]}}');
    const run = runCli('export', ['--framework', join(dir, 'broken.json'), '--format', 'case', '--out', join(dir, 'x.json')]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((line) => line.includes('broken.json'))).toHaveLength(3);
    expect(run.stderr).toMatch(/not lower-case kebab/);
    expect(readdirSync(dir)).toEqual(['broken.json']);
  });

  it('refuses a usage mistake with every one listed', () => {
    const run = runCli('export', ['--framework', 'css-occupational', '--format', 'csv', '--case-version', '2.0']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      '--format csv is not known: the only export format is case.',
      '--case-version 2.0 is not known: use 1.1 or 1.0.',
      'Name the file to write with --out FILE.',
    ]);
  });

  it('refuses to write over a folder and leaves it as it was', () => {
    const dir = temp();
    mkdirSync(join(dir, 'taken.json'));
    const run = runCli('export', ['--framework', 'it-generalist', '--format', 'case', '--out', join(dir, 'taken.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/taken\.json.*a folder has that name/);
    expect(readdirSync(join(dir, 'taken.json'))).toEqual([]);
  });
});
