import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { onetExportFile } from '../support/test-framework.ts';

/**
 * The score command as a user runs it: real files in a temporary folder, a small O*NET-format
 * framework passed with --framework (so that these tests do not depend on the seed parsers'
 * statement ids), the exit code, the lines on stderr, and what is (or is not) written.
 */

const FRAMEWORK = onetExportFile('99-0001.00', 'Test Occupation');
const FW = 'onet-99-0001-00';
const LONG_HEADER = 'response_id,framework_id,survey_id,subject_id,rater_group,submitted_at,statement_id,level,domain,rating,rating_label';
const WIDE_HEADER = `response_id,framework_id,survey_id,subject_id,rater_group,submitted_at,emerging-01,emerging-02,developing-01,developing-02,proficient-01,proficient-02,advanced-01,advanced-02`;

const selfFile = (answers: Record<string, number | null>) =>
  JSON.stringify({ format: 'skillscope-response', version: 1, response_id: 'ana-self', framework_id: FW, survey_id: `${FW}.self`, subject_id: 'ana', rater_group: 'self', submitted_at: '2024-05-01T09:00:00Z', answers, comments: { general: 'Keen' } });
const longRow = (id: string, group: string, statement: string, rating: string, label: string) =>
  `${id},${FW},${FW}.360,ana,${group},2024-05-02T09:00:00Z,${statement},${statement.split('-')[0]},,${rating},${label}`;

let dir = '';
const path = (name: string) => join(dir, name);
const write = (name: string, text: string) => {
  writeFileSync(path(name), text);
  return path(name);
};

function score(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/score.ts', ...args], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' });
  const stderr = run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn'));
  return { status: run.status, stdout: run.stdout.trim(), stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-score-'));
  write('framework.json', JSON.stringify(FRAMEWORK));
});

describe('npm run score', () => {
  it('scores a mix of a response file, a long CSV and a wide CSV, and writes the five CSVs', () => {
    const self = write('ana-self.json', selfFile({ 'emerging-01': 3, 'emerging-02': 4 }));
    const long = write('peers.csv', `\uFEFF${LONG_HEADER}\r\n${longRow('p-1', 'peer', 'emerging-01', '2', 'With support')}\r\n${longRow('p-2', 'peer', 'emerging-01', '3', 'Independently')}\r\n`);
    // Excel re-saved in a semicolon locale: no BOM, quoted numbers, trailing empty lines.
    const wide = write('more.csv', `${WIDE_HEADER.replace(/,/g, ';')}\r\np-3;${FW};${FW}.360;ana;peer;2024-05-03T09:00:00Z;"4";;;;;;;\r\n;;;;;;;;;;;;;\r\n\r\n`);
    const run = score(self, long, wide, '--framework', path('framework.json'), '--out', path('out'));
    expect(run.stderr).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(1);
    expect(run.stdout).toContain('1 subject from 4 responses');
    expect(run.stdout).toContain('shown: self 1, peer 1, others 1');
    expect(readdirSync(path('out')).sort()).toEqual(['change.csv', 'reliability.csv', 'responses-long.csv', 'statements.csv', 'summary.csv']);

    const summary = readFileSync(path('out/summary.csv'), 'utf8').split('\r\n');
    // Peers rated emerging-01 2, 3 and 4: a pooled mean of 3.
    expect(summary).toContain(`ana,${FW},level,emerging,peer,3,3,3,66.7,1,`);
    const long2 = readFileSync(path('out/responses-long.csv'), 'utf8');
    expect(long2.startsWith(`\uFEFF${LONG_HEADER},case_item_uri\r\n`)).toBe(true);
    expect(long2.trim().split('\r\n')).toHaveLength(1 + 5);
  });

  it('counts a response found in two files once', () => {
    const self = write('ana-self.json', selfFile({ 'emerging-01': 3 }));
    const again = write('ana-self-copy.json', selfFile({ 'emerging-01': 3 }));
    const run = score(self, again, '--framework', path('framework.json'), '--out', path('out'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('from 1 response');
  });

  it('refuses bad input with one line per problem, naming file and row, and writes nothing', () => {
    const bad = write('team.csv', [
      LONG_HEADER,
      longRow('p-1', 'peer', 'emerging-01', '5', 'With support'),
      longRow('p-2', 'peer', 'emerging-09', '3', 'Independently'),
      longRow('p-3', 'peer', 'emerging-01', 'three', 'Independently'),
    ].join('\r\n'));
    const broken = write('ana.json', '{"format": "skillscope-response",,}');
    const run = score(bad, broken, '--framework', path('framework.json'), '--out', path('out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toEqual([
      `${bad}, row 2: rating: Rating "5" is not 1, 2, 3 or 4 (or empty for N/A). [csv.bad-rating]`,
      `${bad}, row 3: statement_id: Statement "emerging-09" is not in framework ${FW}. [csv.unknown-statement]`,
      `${bad}, row 4: rating: Rating "three" is not 1, 2, 3 or 4 (or empty for N/A). [csv.bad-rating]`,
      `${broken}, row 1: The file is not valid JSON at line 1, column 34: expected a "quoted" key but found ",". [json.syntax]`,
      'Nothing written: 4 problems.',
    ]);
    expect(existsSync(path('out'))).toBe(false);
  });

  it('leaves an existing output folder untouched when the input is bad', () => {
    mkdirSync(path('out'));
    writeFileSync(path('out/summary.csv'), 'last week');
    const run = score(write('x.csv', `${LONG_HEADER}\r\n${longRow('p-1', 'peer', 'emerging-01', '3', 'Independently').replace('peer', 'boss')}`), '--framework', path('framework.json'), '--out', path('out'));
    expect(run.status).toBe(1);
    expect(run.stderr[0]).toContain('[response.bad-rater-group]');
    expect(readdirSync(path('out'))).toEqual(['summary.csv']);
    expect(readFileSync(path('out/summary.csv'), 'utf8')).toBe('last week');
  });

  it('refuses the same response_id with different content, naming both files', () => {
    const a = write('a.json', selfFile({ 'emerging-01': 3 }));
    const b = write('b.json', selfFile({ 'emerging-01': 1 }));
    const run = score(a, b, '--framework', path('framework.json'), '--out', path('out'));
    expect(run.status).toBe(1);
    expect(run.stderr[0]).toContain(a);
    expect(run.stderr[0]).toContain(b);
    expect(existsSync(path('out'))).toBe(false);
  });

  it('refuses a response to a framework it was not given, a missing file and a summary.csv', () => {
    const summary = write('summary.csv', '\uFEFFsubject_id,framework_id,axis_kind,axis_id,rater_group,raters,ratings,mean,percent,sd,attained_level\r\n');
    const run = score(write('ana.json', selfFile({})), path('nowhere.csv'), summary, '--out', path('out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toEqual([
      expect.stringMatching(new RegExp(`Framework "${FW}" is not known: .*Give that framework file with --framework FILE\\. \\[response\\.unknown-framework\\]$`)),
      `${path('nowhere.csv')}: The file does not exist. [file.unreadable]`,
      expect.stringContaining('This is a summary.csv'),
      'Nothing written: 3 problems.',
    ]);
  });

  it('prints its usage with --help, and exits 2 on a usage mistake', () => {
    const help = score('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('npm run score -- FILE... --out DIR');
    const noOut = score(path('a.json'));
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toEqual(['Name the output folder with --out DIR.', 'Run with --help for usage.']);
  });
});

describe('npm run score: writing the output folder', () => {
  /** One valid response file scored into `out`: the exit code and the lines on stderr. */
  function scoreInto(out: string) {
    const started = Date.now();
    const run = runCli('score', [write('ana-self.json', selfFile({ 'emerging-01': 3 })), '--framework', path('framework.json'), '--out', out]);
    return { status: run.status, stderr: run.stderr.split('\n').filter((line) => line !== ''), seconds: (Date.now() - started) / 1000 };
  }

  it('replaces last run\'s CSVs with the five new ones and leaves no temporary files behind', () => {
    mkdirSync(path('out'));
    writeFileSync(path('out/summary.csv'), 'last week');
    const run = scoreInto(path('out'));
    expect(run.status).toBe(0);
    expect(readdirSync(path('out')).sort()).toEqual(['change.csv', 'reliability.csv', 'responses-long.csv', 'statements.csv', 'summary.csv']);
    expect(readFileSync(path('out/summary.csv'), 'utf8')).toContain(`ana,${FW},level,emerging,self,`);
  });

  it('writes only the files --only names, and leaves the others in the folder as they were', () => {
    mkdirSync(path('out'));
    writeFileSync(path('out/responses-long.csv'), 'last week');
    const run = runCli('score', [write('ana-self.json', selfFile({ 'emerging-01': 3 })), '--framework', path('framework.json'), '--out', path('out'), '--only', 'summary,statements']);
    expect(run.status).toBe(0);
    expect(readdirSync(path('out')).sort()).toEqual(['responses-long.csv', 'statements.csv', 'summary.csv']);
    expect(readFileSync(path('out/responses-long.csv'), 'utf8')).toBe('last week');
    expect(readFileSync(path('out/summary.csv'), 'utf8')).toContain(`ana,${FW},level,emerging,self,`);
  });

  it('writes the same bytes with --only as without it', () => {
    const input = write('ana-self.json', selfFile({ 'emerging-01': 3, 'developing-01': null }));
    expect(runCli('score', [input, '--framework', path('framework.json'), '--out', path('all')]).status).toBe(0);
    expect(runCli('score', [input, '--framework', path('framework.json'), '--out', path('some'), '--only', 'reliability,summary.csv,responses-long']).status).toBe(0);
    expect(readdirSync(path('some')).sort()).toEqual(['reliability.csv', 'responses-long.csv', 'summary.csv']);
    for (const name of readdirSync(path('some'))) expect(readFileSync(path(`some/${name}`), 'utf8')).toBe(readFileSync(path(`all/${name}`), 'utf8'));
  });

  it('refuses an --only naming a file it does not write, with exit 2 and nothing written', () => {
    const run = runCli('score', [write('ana-self.json', selfFile({ 'emerging-01': 3 })), '--framework', path('framework.json'), '--out', path('out'), '--only', 'summary,sumary']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--only names "sumary", which is not a file score writes');
    expect(existsSync(path('out'))).toBe(false);
  });

  it('replaces a summary.csv that links to a file outside the folder by a real file, and never writes to the outside file', () => {
    mkdirSync(path('out'));
    write('precious.csv', 'not yours to overwrite');
    symlinkSync(path('precious.csv'), path('out/summary.csv'));
    const run = scoreInto(path('out'));
    expect(run.status).toBe(0);
    expect(readFileSync(path('precious.csv'), 'utf8')).toBe('not yours to overwrite');
    expect(lstatSync(path('out/summary.csv')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path('out/summary.csv'), 'utf8')).toContain('subject_id,framework_id');
  });

  it('refuses an --out that is a regular file with one line and exit 1, and leaves the file as it was', () => {
    const file = write('out', 'a file, not a folder');
    const run = scoreInto(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toEqual([`${file}: The output folder (--out) is a file, not a folder. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(readFileSync(file, 'utf8')).toBe('a file, not a folder');
  });

  it('keeps the problem on one line when the --out name holds a line break', () => {
    const file = write('out\nFAKE: all good', 'a file');
    const run = scoreInto(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toEqual([`${path('out\\nFAKE: all good')}: The output folder (--out) is a file, not a folder. [file.unwritable]`, 'Nothing written: 1 problem.']);
  });

  it('refuses an --out under a regular file with one line and exit 1', () => {
    write('report.txt', 'a file');
    const run = scoreInto(path('report.txt/out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toEqual([`${path('report.txt/out')}: The output folder (--out) cannot be used: part of the path is not a folder. [file.unwritable]`, 'Nothing written: 1 problem.']);
  });

  it('returns at once with exit 1 when --out is a named pipe or a place under /proc, never hanging', () => {
    execFileSync('mkfifo', [path('pipe')]);
    const pipe = scoreInto(path('pipe'));
    expect(pipe.status).toBe(1);
    expect(pipe.stderr).toEqual([`${path('pipe')}: The output folder (--out) is a named pipe, not a folder. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(pipe.seconds).toBeLessThan(30);
    const proc = scoreInto('/proc/skillscope/out');
    expect(proc.status).toBe(1);
    expect(proc.stderr).toHaveLength(2);
    expect(proc.stderr[0]).toMatch(/^\/proc\/skillscope\/out: .* \[file\.unwritable\]$/);
    expect(proc.seconds).toBeLessThan(30);
  });

  it('puts summary.csv back when statements.csv cannot be replaced (a folder has its name), and leaves nothing else behind', () => {
    mkdirSync(path('out'));
    writeFileSync(path('out/summary.csv'), 'last week');
    mkdirSync(path('out/statements.csv'));
    writeFileSync(path('out/statements.csv/notes.txt'), 'mine');
    const run = scoreInto(path('out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toEqual([`${path('out/statements.csv')}: This file cannot be replaced: a folder has that name. [file.unwritable]`, 'Nothing written: 1 problem.']);
    expect(readdirSync(path('out')).sort()).toEqual(['statements.csv', 'summary.csv']);
    expect(readFileSync(path('out/summary.csv'), 'utf8')).toBe('last week');
    expect(readdirSync(path('out/statements.csv'))).toEqual(['notes.txt']);
  });
});
