import { describe, expect, it } from 'vitest';
import { CHANGE_COLUMNS, writeChangeCsv } from '../../../src/core/io/change-csv.ts';
import { readCsv } from '../../../src/core/io/csv-format.ts';
import { readResponsesCsv } from '../../../src/core/io/responses-csv-reader.ts';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import { levelled, response } from '../score/fixtures.ts';

const framework = levelled(1);
const frameworks = new Map([[framework.id, framework]]);

function table(csv: string) {
  const parsed = readCsv(csv, 'change.csv');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('change.csv', () => {
  it('is written with its header and no row when nobody has two self-assessments', () => {
    const csv = writeChangeCsv(scoreCohort(frameworks, [response({ group: 'self', framework, answers: { 'emerging-01': 3 } })]));
    expect(csv).toBe('\uFEFFsubject_id,framework_id,axis_kind,axis_id,earlier_submitted_at,earlier_percent,latest_submitted_at,latest_percent,change\r\n');
    expect(table(csv)).toEqual({ columns: [...CHANGE_COLUMNS], rows: [] });
  });

  it('writes one row per axis both self-assessments rated, the change worked out before rounding', () => {
    const responses = [
      // Earlier 1, 1, 1, 2: mean 1.25, percent 0.25 / 3 × 100 = 8.333 (8.3).
      response({ group: 'self', framework, at: '2026-01-05T09:00:00Z', answers: { 'emerging-01': 1, 'developing-01': 1, 'proficient-01': 1, 'advanced-01': 2 } }),
      // Latest 1, 1, 2, 2: mean 1.5, percent 0.5 / 3 × 100 = 16.667 (16.7).
      response({ group: 'self', framework, at: '2026-05-05T09:00:00+02:00', answers: { 'emerging-01': 1, 'developing-01': 1, 'proficient-01': 2, 'advanced-01': 2 } }),
    ];
    const { rows } = table(writeChangeCsv(scoreCohort(frameworks, responses)));
    // change = 16.667 - 8.333 = 8.333: 8.3, though the rounded columns differ by 8.4.
    expect(rows[0]).toEqual(['learner-1', 'test-levelled', 'framework', 'all', '2026-01-05T09:00:00Z', '8.3', '2026-05-05T09:00:00+02:00', '16.7', '8.3']);
    // Levels: emerging 1 -> 1 (0 -> 0), developing 1 -> 1, proficient 1 -> 2 (0 -> 33.3), advanced 2 -> 2.
    expect(rows.slice(1).map((row) => [row[3], row[5], row[7], row[8]])).toEqual([
      ['emerging', '0', '0', '0'],
      ['developing', '0', '0', '0'],
      ['proficient', '0', '33.3', '33.3'],
      ['advanced', '33.3', '33.3', '0'],
    ]);
  });

  it('skips an axis one of the two did not rate', () => {
    const responses = [
      response({ group: 'self', framework, at: '2026-01-05T09:00:00Z', answers: { 'emerging-01': 2, 'advanced-01': 'NA' } }),
      response({ group: 'self', framework, at: '2026-02-05T09:00:00Z', answers: { 'emerging-01': 3, 'advanced-01': 4 } }),
    ];
    const { rows } = table(writeChangeCsv(scoreCohort(frameworks, responses)));
    expect(rows.map((row) => row[3])).toEqual(['all', 'emerging']);
  });

  it('guards a subject id a spreadsheet would run as a formula', () => {
    const hostile = '=HYPERLINK("http://x.example","click")';
    const responses = [
      response({ group: 'self', framework, subject: hostile, at: '2026-01-05T09:00:00Z', answers: { 'emerging-01': 2 } }),
      response({ group: 'self', framework, subject: hostile, at: '2026-02-05T09:00:00Z', answers: { 'emerging-01': 3 } }),
    ];
    const csv = writeChangeCsv(scoreCohort(frameworks, responses));
    expect(csv).toContain(`\r\n"'=HYPERLINK(""http://x.example"",""click"")",test-levelled,framework,all,`);
    // Import removes exactly the one added quote.
    expect(table(csv).rows[0]?.[0]).toBe(hostile);
  });

  it('is refused as responses with a message that names it', () => {
    const read = readResponsesCsv(`${CHANGE_COLUMNS.join(',')}\r\nana,fw,framework,all,2026-01-01T00:00:00Z,10,2026-02-01T00:00:00Z,20,10\r\n`, 'change.csv', () => undefined);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['csv.not-responses', 'This is a change.csv, which holds figures, not answers: give responses-long.csv, responses-wide.csv or response files.'],
    ]);
  });
});
