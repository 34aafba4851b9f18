import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { onetExportFile } from '../support/test-framework.ts';

/**
 * `npm run score` writes change.csv and reliability.csv (issue 12) beside the other files, from
 * a wide CSV: a learner who took the self-assessment twice, one who took it once, and ten peers.
 */

const FRAMEWORK = onetExportFile('99-0002.00', 'Growth Test Occupation');
const FW = 'onet-99-0002-00';
const HEADER = 'response_id,framework_id,survey_id,subject_id,rater_group,submitted_at,emerging-01,emerging-02,developing-01,developing-02,proficient-01,proficient-02,advanced-01,advanced-02';
/** emerging-01 and emerging-02 of the ten peers. */
const PEERS: [number, number][] = [[1, 1], [2, 2], [3, 3], [4, 4], [1, 2], [2, 1], [3, 4], [4, 3], [2, 2], [3, 3]];

let dir = '';
let status: number | null = null;
let stderr = '';
const read = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-growth-'));
  writeFileSync(join(dir, 'framework.json'), JSON.stringify(FRAMEWORK));
  const row = (id: string, subject: string, group: string, at: string, ratings: string) => `${id},${FW},${FW}.${group === 'self' ? 'self' : '360'},${subject},${group},${at},${ratings}`;
  const lines = [
    HEADER,
    // The later one first: dates decide, not the order of rows.
    row('ana-2', 'ana', 'self', '2024-06-10T09:00:00Z', '3,4,2,2,1,,,'),
    row('ana-1', 'ana', 'self', '2024-01-10T09:00:00Z', '2,2,1,1,,,,'),
    row('ben-1', 'ben', 'self', '2024-02-01T09:00:00Z', '4,,,,,,,'),
    ...PEERS.map(([first, second], i) => row(`peer-${i + 1}`, 'ana', 'peer', '2024-06-12T09:00:00Z', `${first},${second},,,,,,`)),
  ];
  writeFileSync(join(dir, 'responses.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
  const run = runCli('score', [join(dir, 'responses.csv'), '--framework', join(dir, 'framework.json'), '--out', join(dir, 'out')]);
  status = run.status;
  stderr = run.stderr;
});

describe('npm run score: change and reliability', () => {
  it('runs cleanly', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('writes change.csv: the latest self-assessment against the one before, per axis both rated', () => {
    // Earlier (January) 2, 2, 1, 1: whole framework mean 1.5 = 16.7 %; emerging 2 = 33.3 %; developing 1 = 0 %.
    // Latest (June) 3, 4, 2, 2, 1: mean 12/5 = 2.4 = 46.7 %; emerging 3.5 = 83.3 %; developing 2 = 33.3 %;
    // proficient 1 = 0 %, not rated in January: no row. Ben has one self-assessment: no row.
    expect(read('change.csv').split('\r\n')).toEqual([
      '\uFEFFsubject_id,framework_id,axis_kind,axis_id,earlier_submitted_at,earlier_percent,latest_submitted_at,latest_percent,change',
      `ana,${FW},framework,all,2024-01-10T09:00:00Z,16.7,2024-06-10T09:00:00Z,46.7,30`,
      `ana,${FW},level,emerging,2024-01-10T09:00:00Z,33.3,2024-06-10T09:00:00Z,83.3,50`,
      `ana,${FW},level,developing,2024-01-10T09:00:00Z,0,2024-06-10T09:00:00Z,33.3,33.3`,
      '',
    ]);
  });

  it("writes reliability.csv: Cronbach's alpha per axis over every response, earlier self-assessments included", () => {
    // Emerging: the ten peers and both of Ana's self-assessments rated both statements (Ben one): 12.
    // Item 1: the peers' Σ 25, Σx² 73, plus 2 and 3: Σ 30, Σx² 86; spread 12 × 86 - 30² = 132.
    // Item 2: Σ 25 + 2 + 4 = 31, Σx² 73 + 4 + 16 = 93; spread 12 × 93 - 31² = 155.
    // Totals: the peers' Σ 50, Σx² 288, plus 4 and 7: Σ 61, Σx² 353; spread 12 × 353 - 61² = 515.
    // alpha = 2 / 1 × (1 - (132 + 155) / 515) = 2 × 228 / 515 = 0.8854: 0.885.
    // Developing: Ana's two only (2 < 10): empty. Nobody rated the whole framework.
    expect(read('reliability.csv').split('\r\n')).toEqual([
      '\uFEFFframework_id,axis_kind,axis_id,statements,responses,alpha',
      `${FW},framework,all,8,0,`,
      `${FW},level,emerging,2,12,0.885`,
      `${FW},level,developing,2,2,`,
      `${FW},level,proficient,2,0,`,
      `${FW},level,advanced,2,0,`,
      '',
    ]);
  });

  it("writes the others' r_wg in statements.csv after others_sd", () => {
    const lines = read('statements.csv').split('\r\n');
    expect(lines[0]).toBe('\uFEFFsubject_id,framework_id,statement_id,level,domain,self,others,gap,others_raters,others_sd,others_rwg,flag,case_item_uri');
    // Ana's emerging-01: peers 1 2 3 4 1 2 3 4 2 3: Σ 25, Σx² 73, s² = (73 - 62.5) / 9 = 7/6 = 1.1667, sd 1.08;
    // r_wg = 1 - (7/6) / 1.25 = 1 - 14/15 = 1/15 = 0.07: no agreement. Self 3, others 2.5, gap 0.5.
    expect(lines).toContain(`ana,${FW},emerging-01,emerging,,3,2.5,0.5,10,1.08,0.07,,`);
  });
});

describe('npm run score: the new files are written with the others or not at all', () => {
  it('puts summary.csv and statements.csv back when reliability.csv cannot be replaced', () => {
    const out = join(dir, 'blocked');
    mkdirSync(join(out, 'reliability.csv'), { recursive: true });
    writeFileSync(join(out, 'summary.csv'), 'last week');
    const run = runCli('score', [join(dir, 'responses.csv'), '--framework', join(dir, 'framework.json'), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      `${join(out, 'reliability.csv')}: This file cannot be replaced: a folder has that name. [file.unwritable]`,
      'Nothing written: 1 problem.',
    ]);
    expect(readdirSync(out).sort()).toEqual(['reliability.csv', 'summary.csv']);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe('last week');
  });
});
