import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { onetExport, onetExportText } from '../fixtures/onet-export.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'skillscope-generate-'));

function inputFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('npm run generate -- FILE... --out DIR', () => {
  it('writes exactly the two survey files of another occupation', () => {
    const dir = temp();
    const out = join(dir, 'out');
    const run = runCli('generate', [inputFile(dir, 'admins.json', onetExportText()), '--out', out]);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['onet-15-1244-00.360.json', 'onet-15-1244-00.self.json']);
    expect(JSON.parse(readFileSync(join(out, 'onet-15-1244-00.self.json'), 'utf8')).pages).toHaveLength(4);
  });

  it('reads a seed document too, detecting its format', () => {
    const out = join(temp(), 'out');
    const run = runCli('generate', ['seeds/001_328dda3a84282345.txt', '--out', out]);
    expect(run.status).toBe(0);
    expect(readdirSync(out)).toHaveLength(6);
  });

  it('prints --help', () => {
    const run = runCli('generate', ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('npm run generate -- FILE... --out DIR');
  });
});

describe('a bad framework file ends the run with one line per problem and nothing written', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['truncated.json', onetExportText().slice(0, 300), /truncated\.json.*not valid JSON/],
    ['empty.json', '', /empty\.json.*empty/],
    ['unknown.txt', 'Just some notes about my job.\nNothing to see.', /unknown\.txt.*does not recognise/],
    ['not-a-list.json', JSON.stringify({ ...onetExport(), framework: { levels: { emerging: { statements: 'x' } } } }), /framework\.levels\.emerging\.statements: statements must be a list/],
    ['duplicate-ids.json', JSON.stringify({ format: 'skillscope-framework', version: 1, framework: { id: 'dup', title: 'Dup', version: '1', description: '', attributions: [], levels: [], standardLevel: 'proficient', domains: [], info: [], alignments: [], statements: [{ id: 'a-01', text: 'One', level: null, domain: null, source: '' }, { id: 'a-01', text: 'Two', level: null, domain: null, source: '' }] } }), /duplicate-ids\.json.*"a-01" is used twice/],
    ['huge.json', Buffer.alloc(50 * 1024 * 1024, 32), /huge\.json.*50\.0 MB/],
  ];

  it.each(cases)('%s', (name, content, expected) => {
    const dir = temp();
    const out = join(dir, 'out');
    const good = inputFile(dir, 'good.json', onetExportText());
    const run = runCli('generate', [good, inputFile(dir, name, content), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toMatch(/Nothing written/);
    expect(() => readdirSync(out)).toThrow();
  });

  it('lists every problem of every file, not only the first', () => {
    const dir = temp();
    const run = runCli('generate', [inputFile(dir, 'a.json', ''), inputFile(dir, 'b.json', '{'), '--out', join(dir, 'out')]);
    expect(run.stderr.split('\n').filter((line) => line.includes('.json'))).toHaveLength(2);
  });
});

describe('npm run generate: writing the output folder', () => {
  const SELF = 'onet-15-1244-00.self.json';
  const RATER = 'onet-15-1244-00.360.json';
  const generateInto = (dir: string, out: string) => runCli('generate', [inputFile(dir, 'admins.json', onetExportText()), '--out', out]);
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');

  it('replaces a survey that links to a file outside the folder by a real file, and never writes to the outside file', () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(out);
    inputFile(dir, 'precious.json', 'not yours to overwrite');
    symlinkSync(join(dir, 'precious.json'), join(out, SELF));
    const run = generateInto(dir, out);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'precious.json'), 'utf8')).toBe('not yours to overwrite');
    expect(lstatSync(join(out, SELF)).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(join(out, SELF), 'utf8')).pages).toHaveLength(4);
    expect(readdirSync(out).sort()).toEqual([RATER, SELF]);
  });

  it('returns at once with one line and exit 1 when --out is a named pipe', () => {
    const dir = temp();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const started = Date.now();
    const run = generateInto(dir, join(dir, 'pipe'));
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([`${join(dir, 'pipe')}: The output folder (--out) is a named pipe, not a folder. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses an --out under a regular file with one line and exit 1', () => {
    const dir = temp();
    const out = join(inputFile(dir, 'notes.txt', 'a file'), 'out');
    const run = generateInto(dir, out);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([`${out}: The output folder (--out) cannot be used: part of the path is not a folder. [file.unwritable]`, 'Nothing written: 1 problem.']);
  });

  it('puts the self survey back when the 360 survey cannot be replaced (a folder has its name), leaving no temporary file', () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(join(out, RATER), { recursive: true });
    inputFile(out, SELF, 'last version');
    const run = generateInto(dir, out);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([`${join(out, RATER)}: This file cannot be replaced: a folder has that name. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(readdirSync(out).sort()).toEqual([RATER, SELF]);
    expect(readFileSync(join(out, SELF), 'utf8')).toBe('last version');
  });
});
