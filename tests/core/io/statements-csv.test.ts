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
    const csv = writeStatementsCsv(scoreCohort(new Map([[framework.id, framework]]), [response({ group: 'self', framework, answers: { 'alpha-01': 3 } })]));
    const { columns, rows } = table(csv);
    expect(columns).toEqual([
      'subject_id', 'framework_id', 'statement_id', 'level', 'domain', 'self', 'others', 'gap', 'others_raters', 'others_sd', 'flag',
    ]);
    expect(rows.map((r) => r[2])).toEqual(framework.statements.map((s) => s.id));
    // Only self: others, gap, others_sd and flag empty; others_raters counts no one.
    expect(rows[0]).toEqual(['learner-1', 'test-domains', 'alpha-01', 'emerging', 'alpha', '3', '', '', '0', '', '']);
    expect(rows[1]?.[5]).toBe('');
  });

  it('writes others, the gap rounded, agreement and the flag where others is shown', () => {
    const framework = levelled(1);
    const responses = [
      response({ group: 'self', framework, answers: { 'emerging-01': 4, 'developing-01': 2 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3, 'developing-01': 3 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 3, 'developing-01': 4 } }),
      response({ group: 'peer', framework, answers: { 'emerging-01': 2, 'developing-01': 4 } }),
    ];
    const { rows } = table(writeStatementsCsv(scoreCohort(new Map([[framework.id, framework]]), responses)));
    // emerging-01: others 8/3 = 2.67, gap 4/3 = 1.33, sd sqrt(1/3) = 0.58: blind spot.
    expect(rows[0]).toEqual(['learner-1', 'test-levelled', 'emerging-01', 'emerging', '', '4', '2.67', '1.33', '3', '0.58', 'blind-spot']);
    // developing-01: others 11/3 = 3.67, gap -5/3 = -1.67, sd sqrt(1/3): hidden strength.
    expect(rows[1]).toEqual(['learner-1', 'test-levelled', 'developing-01', 'developing', '', '2', '3.67', '-1.67', '3', '0.58', 'hidden-strength']);
    // proficient-01: nobody rated it.
    expect(rows[2]).toEqual(['learner-1', 'test-levelled', 'proficient-01', 'proficient', '', '', '', '', '0', '', '']);
  });
});
