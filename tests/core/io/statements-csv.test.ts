import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/io/csv-format.ts';
import { writeStatementsCsv } from '../../../src/core/io/statements-csv.ts';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import { levelled, levelledWithDomains, response } from '../score/fixtures.ts';

function table(csv: string) {
  const parsed = readCsv(csv, 'statements.csv');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('statements.csv', () => {
  it('writes exactly the columns of DESIGN.md, one row per statement in framework order', () => {
    const framework = levelledWithDomains();
    const csv = writeStatementsCsv(scoreCohort(new Map([[framework.id, framework]]), [response({ group: 'self', framework, answers: { 'alpha-01': 3 } })]), () => framework);
    const { columns, rows } = table(csv);
    expect(columns).toEqual([
      'subject_id', 'framework_id', 'statement_id', 'level', 'domain', 'self', 'others', 'gap', 'others_raters', 'others_sd', 'others_rwg', 'flag', 'case_item_uri',
    ]);
    expect(rows.map((r) => r[2])).toEqual(framework.statements.map((s) => s.id));
    // Only self: others, gap, others_sd, others_rwg and flag empty; others_raters counts no one.
    expect(rows[0]).toEqual(['learner-1', 'test-domains', 'alpha-01', 'emerging', 'alpha', '3', '', '', '0', '', '', '', '']);
    expect(rows[1]?.[5]).toBe('');
  });

  it('writes others, the gap rounded, agreement (sd and r_wg) and the flag where others is shown', () => {
    const framework = levelled(1);
    const responses = [
      response({ group: 'self', framework, answers: { 'emerging-01': 4, 'developing-01': 2 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3, 'developing-01': 3 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3, 'developing-01': 4 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 2, 'developing-01': 4 } }),
    ];
    const { rows } = table(writeStatementsCsv(scoreCohort(new Map([[framework.id, framework]]), responses), () => framework));
    // emerging-01: others 8/3 = 2.67, gap 4/3 = 1.33, sd sqrt(1/3) = 0.58,
    // r_wg 1 - (1/3) / 1.25 = 11/15 = 0.73: blind spot.
    expect(rows[0]).toEqual(['learner-1', 'test-levelled', 'emerging-01', 'emerging', '', '4', '2.67', '1.33', '3', '0.58', '0.73', 'blind-spot', '']);
    // developing-01: others 11/3 = 3.67, gap -5/3 = -1.67, sd sqrt(1/3), r_wg 0.73: hidden strength.
    expect(rows[1]).toEqual(['learner-1', 'test-levelled', 'developing-01', 'developing', '', '2', '3.67', '-1.67', '3', '0.58', '0.73', 'hidden-strength', '']);
    // proficient-01: nobody rated it.
    expect(rows[2]).toEqual(['learner-1', 'test-levelled', 'proficient-01', 'proficient', '', '', '', '', '0', '', '', '', '']);
  });

  it('leaves others_rwg empty under 3 ratings, and writes 0 where raters split', () => {
    const framework = levelled(1);
    const responses = [
      response({ group: 'peer', framework, answers: { 'emerging-01': 1, 'developing-01': 4 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 4, 'developing-01': 'NA' } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 1 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 4, 'developing-01': 4 } }),
    ];
    const { rows } = table(writeStatementsCsv(scoreCohort(new Map([[framework.id, framework]]), responses), () => framework));
    // emerging-01: 1, 4, 1, 4: s² = 9 / 3 = 3, 1 - 3 / 1.25 < 0: 0. sd sqrt(3) = 1.73.
    expect(rows[0]?.slice(8, 11)).toEqual(['4', '1.73', '0']);
    // developing-01: two ratings (4, 4) and one "Not observed": an sd of 0, no r_wg.
    expect(rows[1]?.slice(8, 11)).toEqual(['2', '0', '']);
  });

  it('names the CASE item each statement came from in case_item_uri, empty for statements of other sources', () => {
    const plain = levelled(1);
    const uri = 'https://case.example.org/uri/0b5e3d9a-7c1f-4e2b-9a8d-1c2b3a4d5e6f';
    const framework = { ...plain, statements: plain.statements.map((statement, index) => (index === 1 ? { ...statement, caseItem: { identifier: '0b5e3d9a-7c1f-4e2b-9a8d-1c2b3a4d5e6f', uri } } : statement)) };
    const { rows } = table(writeStatementsCsv(scoreCohort(new Map([[framework.id, framework]]), [response({ group: 'self', framework, answers: { 'emerging-01': 3 } })]), () => framework));
    expect(rows.map((row) => [row[2], row[12]])).toEqual(framework.statements.map((statement, index) => [statement.id, index === 1 ? uri : '']));
  });
});
