import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/io/csv-format.ts';
import { RELIABILITY_COLUMNS, writeReliabilityCsv } from '../../../src/core/io/reliability-csv.ts';
import { readResponsesCsv } from '../../../src/core/io/responses-csv-reader.ts';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import { scoreReliability } from '../../../src/core/score/reliability.ts';
import { levelled, response } from '../score/fixtures.ts';

const framework = levelled(2);
const frameworks = new Map([[framework.id, framework]]);

function table(csv: string) {
  const parsed = readCsv(csv, 'reliability.csv');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('reliability.csv', () => {
  it('is written with its header and no row when there is no response', () => {
    expect(writeReliabilityCsv(scoreReliability(frameworks, []))).toBe('\uFEFFframework_id,axis_kind,axis_id,statements,responses,alpha\r\n');
  });

  it('writes one row per axis: statements, responses that rated them all, alpha to 3 decimals or empty', () => {
    // Ten pairs on emerging-01 and emerging-02: alpha 17/19 = 0.894736... (worked out in
    // tests/core/score/reliability.test.ts): 0.895.
    const pairs: [Rating, Rating][] = [[1, 1], [2, 2], [3, 3], [4, 4], [1, 2], [2, 1], [3, 4], [4, 3], [2, 2], [3, 3]];
    const responses = pairs.map(([first, second]) => response({ group: 'peer', framework, answers: { 'emerging-01': first, 'emerging-02': second } }));
    const { columns, rows } = table(writeReliabilityCsv(scoreReliability(frameworks, responses)));
    expect(columns).toEqual([...RELIABILITY_COLUMNS]);
    expect(rows).toEqual([
      ['test-levelled', 'framework', 'all', '8', '0', ''],
      ['test-levelled', 'level', 'emerging', '2', '10', '0.895'],
      ['test-levelled', 'level', 'developing', '2', '0', ''],
      ['test-levelled', 'level', 'proficient', '2', '0', ''],
      ['test-levelled', 'level', 'advanced', '2', '0', ''],
    ]);
  });

  it('is refused as responses with a message that names it', () => {
    const read = readResponsesCsv(`${RELIABILITY_COLUMNS.join(',')}\r\nfw,level,emerging,2,10,0.9\r\n`, 'reliability.csv', () => undefined);
    expect(read.ok ? [] : read.issues.map((issue) => issue.message)).toEqual([
      'This is a reliability.csv, which holds figures, not answers: give responses-long.csv, responses-wide.csv or response files.',
    ]);
  });
});
