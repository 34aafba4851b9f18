import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
