import { describe, expect, it } from 'vitest';
import { CSV_BOM, readCsv } from '../../../src/core/io/csv-format.ts';
import { summaryRows, writeSummaryCsv } from '../../../src/core/io/summary-csv.ts';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import { levelled, response } from '../score/fixtures.ts';

const framework = levelled(2);
const frameworks = new Map([[framework.id, framework]]);

function table(csv: string) {
  const parsed = readCsv(csv, 'summary.csv');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('summary.csv', () => {
  // Self: emerging 1, 2 (1.5); developing 2, 2; proficient N/A throughout; advanced 3, unanswered.
  // Manager 1 and peers 2: others = 3 shown, manager folded, peers hidden.
  const responses = [
    response({
      group: 'self',
      framework,
      answers: { 'emerging-01': 1, 'emerging-02': 2, 'developing-01': 2, 'developing-02': 2, 'proficient-01': 'NA', 'proficient-02': 'NA', 'advanced-01': 3 },
    }),
    response({ group: 'manager', framework, answers: { 'emerging-01': 4, 'emerging-02': 4 } }),
    response({ group: 'peer', framework, answers: { 'emerging-01': 3, 'emerging-02': 4 } }),
    response({ group: 'peer', framework, answers: { 'emerging-01': 3 } }),
  ];
  const csv = writeSummaryCsv(scoreCohort(frameworks, responses));
  const { columns, rows } = table(csv);
  const row = (axisId: string, group: string) => {
    const found = rows.find((r) => r[3] === axisId && r[4] === group);
    if (found === undefined) throw new Error(`no row ${axisId} ${group}`);
    return found;
  };

  it('writes exactly the columns of DESIGN.md, in order, after a byte-order mark', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(columns).toEqual([
      'subject_id', 'framework_id', 'axis_kind', 'axis_id', 'rater_group', 'raters', 'ratings', 'mean', 'percent', 'sd', 'attained_level',
    ]);
  });

  it('writes one row per axis and shown group, in axis then group order, and none for hidden groups', () => {
    expect(rows.map((r) => `${r[2]}:${r[3]}:${r[4]}`)).toEqual([
      'framework:all:self', 'framework:all:others',
      'level:emerging:self', 'level:emerging:others',
      'level:developing:self', 'level:developing:others',
      'level:proficient:self', 'level:proficient:others',
      'level:advanced:self', 'level:advanced:others',
    ]);
  });

  it('rounds mean and sd to 2 decimals and percent to 1', () => {
    // Self overall: 1, 2, 2, 2, 3 -> mean 2, percent 33.3, sd sqrt(2 / 4) = 0.7071 -> 0.71.
    expect(row('all', 'self')).toEqual(['learner-1', 'test-levelled', 'framework', 'all', 'self', '1', '5', '2', '33.3', '0.71', 'not-yet']);
    // Others overall: 4, 4, 3, 4, 3 -> mean 3.6, percent 86.7, sd: deviations .4 .4 -.6 .4 -.6 -> 1.2 / 4 = .3 -> 0.5477.
    // All at emerging (mean 3.6, coverage 1), none at developing: emerging attained.
    expect(row('all', 'others')).toEqual(['learner-1', 'test-levelled', 'framework', 'all', 'others', '3', '5', '3.6', '86.7', '0.55', 'emerging']);
  });

  it('leaves attained_level empty on level rows', () => {
    expect(row('emerging', 'others')[10]).toBe('');
  });

  it('writes raters 0, ratings 0 and empty figures for a shown group with no rating on an axis', () => {
    expect(row('proficient', 'self').slice(5)).toEqual(['0', '0', '', '', '', '']);
    // One rating: a mean but no sd.
    expect(row('advanced', 'self').slice(5)).toEqual(['1', '1', '3', '66.7', '', '']);
  });

  it('gives the rows as numbers and nulls, never NaN', () => {
    const rows = summaryRows(scoreCohort(frameworks, responses));
    expect(rows[0]).toMatchObject({ raters: 1, ratings: 5, mean: 2, percent: 33.3, sd: 0.71, attained_level: 'not-yet' });
    expect(csv).not.toMatch(/NaN|null|undefined/);
  });
});
