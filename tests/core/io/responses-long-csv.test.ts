import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readResponsesLongCsv, writeResponsesLongCsv, writeResponsesLongCsvChunks, createLongCsvReader } from '../../../src/core/io/responses-long-csv.ts';
import { csvStepConfig } from '../../../src/core/io/responses-csv-stream.ts';
import type { Issue, Result } from '../../../src/core/model/result.ts';
import type { SurveyResponse } from '../../../src/core/model/response.ts';
import { arbitraryResponses } from './arbitrary-response.ts';
import { csv, DOMAINS, lookup, response, UNLEVELLED } from './fixtures.ts';

const HEADER = ['response_id', 'framework_id', 'survey_id', 'subject_id', 'rater_group', 'submitted_at', 'statement_id', 'level', 'domain', 'rating', 'rating_label', 'case_item_uri'];
const HEAD = ['r-1', 'mini-levelled', 'mini-levelled.self', 'ana', 'self', '2024-05-01T09:30:00Z'];
const ROWS = [
  [...HEAD, 'emerging-01', 'emerging', '', '3', 'Independently', ''],
  [...HEAD, 'emerging-02', 'emerging', '', '', 'Not part of my role', ''],
  [...HEAD, 'advanced-02', 'advanced', '', '1', 'Not yet', ''],
];
const read = (text: string) => readResponsesLongCsv(text, 'team.csv', lookup);
const issuesOf = <T>(result: Result<T>): Issue[] => (result.ok ? [] : result.issues);
const where = (issues: Issue[]) => issues.map((issue) => [issue.code, issue.row, issue.path]);

describe('writeResponsesLongCsv', () => {
  it('writes one row per answer with the BOM, CRLF, level, domain and the label of each rating', () => {
    expect(writeResponsesLongCsv([response()], lookup)).toBe(csv([HEADER, ...ROWS]));
  });

  it('labels a rater\'s N/A "Not observed" and leaves level or domain empty where the framework has none', () => {
    const text = writeResponsesLongCsv([response({ frameworkId: UNLEVELLED.id, raterGroup: 'manager', answers: [['ws-02', null]] })], lookup);
    expect(text.split('\r\n')[1]).toBe('r-1,mini-unlevelled,mini-unlevelled.360,ana,manager,2024-05-01T09:30:00Z,ws-02,,ws,,Not observed,');
  });

  it('names the CASE item each rated statement came from in case_item_uri, so ratings join back to a CASE framework', () => {
    const uri = 'https://case.example.org/uri/5f0e2a3c-1111-4222-8333-944455556666';
    const levelled = lookup('mini-levelled');
    if (levelled === undefined) throw new Error('fixture missing');
    const withCase = { ...levelled, statements: levelled.statements.map((statement) => (statement.id === 'emerging-01' ? { ...statement, caseItem: { identifier: '5f0e2a3c-1111-4222-8333-944455556666', uri } } : statement)) };
    const text = writeResponsesLongCsv([response()], (id) => (id === withCase.id ? withCase : lookup(id)));
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row.statement_id, row.case_item_uri])).toEqual([['emerging-01', uri], ['emerging-02', ''], ['advanced-02', '']]);
  });

  it('writes answers in the framework\'s order and gives an unanswered statement no row', () => {
    const text = writeResponsesLongCsv([response({ frameworkId: DOMAINS.id, answers: [['emerging-01', 2], ['talking-01', 4]] })], lookup);
    const statements = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1).map((row) => [row[6], row[8]]);
    expect(statements).toEqual([['talking-01', 'talking'], ['emerging-01', 'talking']]);
  });

  it('puts one \' before text a spreadsheet would run as a formula, never before a rating', () => {
    const text = writeResponsesLongCsv([response({ responseId: "=cmd|' /C calc'!A0", subjectId: '@x', answers: [['emerging-01', 4]] })], lookup);
    const row = Papa.parse<string[]>(text.slice(1)).data[1];
    expect(row?.[0]).toBe("'=cmd|' /C calc'!A0");
    expect(row?.[3]).toBe("'@x");
    expect(row?.[9]).toBe('4');
  });

  it('writes the same bytes in chunks as in one piece', () => {
    const many = Array.from({ length: 30 }, (_, index) => response({ responseId: `r-${index}` }));
    expect([...writeResponsesLongCsvChunks(many, lookup, 7)].join('')).toBe(writeResponsesLongCsv(many, lookup));
  });
});

describe('readResponsesLongCsv', () => {
  it('reads back what it writes', () => {
    expect(read(csv([HEADER, ...ROWS]))).toEqual({ ok: true, value: [response()] });
  });

  it('reads a file written before case_item_uri existed, without that column', () => {
    expect(read(csv([HEADER.slice(0, -1), ...ROWS.map((row) => row.slice(0, -1))]))).toEqual({ ok: true, value: [response()] });
  });

  it('accepts the file as Excel re-saves it: no BOM, every cell quoted, LF, trailing empty lines and cells', () => {
    const quoted = [HEADER, ...ROWS].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n');
    expect(read(`${quoted}\n\n,,,,,,,,,,\n\n`)).toEqual({ ok: true, value: [response()] });
  });

  it('accepts a file re-saved with semicolons, as Excel does in many locales', () => {
    const text = [HEADER, ...ROWS].map((row) => row.join(';')).join('\r\n');
    expect(read(text)).toEqual({ ok: true, value: [response()] });
  });

  it('accepts rows of one response in any order, and the same answer twice', () => {
    const rows = [ROWS[2], ROWS[0], ROWS[1], ROWS[0]] as string[][];
    const result = read(csv([HEADER, ...rows]));
    expect(result.ok && [...result.value[0]!.answers].sort()).toEqual([...response().answers].sort());
  });

  it('refuses an empty file', () => {
    expect(where(issuesOf(read('')))).toEqual([['csv.empty', undefined, '']]);
    expect(where(issuesOf(read('\uFEFF\r\n')))).toEqual([['csv.empty', undefined, '']]);
  });

  it('reads a file with a header and no rows as no responses', () => {
    expect(read(csv([HEADER]))).toEqual({ ok: true, value: [] });
  });

  it('refuses a missing column, an unknown column and a header twice, listing all three', () => {
    const header = [...HEADER.filter((name) => name !== 'rating_label'), 'notes', 'rating'];
    expect(where(issuesOf(read(csv([header]))))).toEqual([
      ['csv.duplicate-header', 1, 'rating'],
      ['csv.unknown-column', 1, 'notes'],
      ['csv.missing-column', 1, 'rating_label'],
    ]);
  });

  it.each([['5'], ['0'], ['three'], ['2.5'], ['3.0'], ['-1']])('refuses a rating of "%s", naming file, row and column', (rating) => {
    const rows = ROWS.map((row, index) => (index === 1 ? [...row.slice(0, 9), rating, 'Independently'] : row));
    const issues = issuesOf(read(csv([HEADER, ...rows])));
    expect(where(issues)).toEqual([['csv.bad-rating', 3, 'rating']]);
    expect(issues[0]?.file).toBe('team.csv');
  });

  it('accepts a rating with stray spaces', () => {
    const rows = ROWS.map((row, index) => (index === 0 ? [...row.slice(0, 9), ' 3 ', row[10] ?? ''] : row));
    expect(read(csv([HEADER, ...rows])).ok).toBe(true);
  });

  it('refuses an unknown statement, framework, rater group and date, every one listed', () => {
    const rows = [
      [...HEAD, 'emerging-09', 'emerging', '', '3', 'Independently'],
      ['r-2', 'no-such-framework', 'no-such-framework.self', 'ana', 'self', '2024-05-01T09:30:00Z', 'emerging-01', 'emerging', '', '3', 'Independently'],
      ['r-3', 'mini-levelled', 'mini-levelled.360', 'ana', 'boss', '2024-05-01T09:30:00Z', 'emerging-01', 'emerging', '', '3', 'Independently'],
      ['r-4', 'mini-levelled', 'mini-levelled.self', 'ana', 'self', '01/05/2024 09:30', 'emerging-01', 'emerging', '', '3', 'Independently'],
    ];
    expect(where(issuesOf(read(csv([HEADER, ...rows]))))).toEqual([
      ['csv.unknown-statement', 2, 'statement_id'],
      ['response.unknown-framework', 3, 'framework_id'],
      ['response.bad-rater-group', 4, 'rater_group'],
      ['response.bad-date', 5, 'submitted_at'],
    ]);
  });

  it('refuses rows of one response that disagree on its subject, once per response', () => {
    const rows = ROWS.map((row, index) => (index === 0 ? row : ['r-1', 'mini-levelled', 'mini-levelled.self', 'bob', ...row.slice(4)]));
    const issues = issuesOf(read(csv([HEADER, ...rows])));
    expect(where(issues)).toEqual([['csv.inconsistent-response', 3, 'subject_id']]);
    expect(issues[0]?.message).toContain('"ana" in row 2, "bob" here');
  });

  it('refuses the same statement rated twice differently in one response', () => {
    const rows = [...ROWS, [...HEAD, 'emerging-01', 'emerging', '', '4', 'Consistently, and can guide others']];
    expect(where(issuesOf(read(csv([HEADER, ...rows]))))).toEqual([['csv.conflicting-answer', 5, 'statement_id']]);
  });

  it('takes the rating, not the label, when a spreadsheet user changed one and not the other', () => {
    const rows = [
      [...HEAD, 'emerging-01', 'advanced', 'talking', '3', 'Not yet'],
      [...HEAD, 'emerging-02', '', '', '', ''],
      [...HEAD, 'advanced-02', 'advanced', '', '1', 'Consistently, and can guide others'],
    ];
    expect(read(csv([HEADER, ...rows]))).toEqual({ ok: true, value: [response()] });
  });

  it('refuses a papaparse error, with the row it is on', () => {
    const text = `${csv([HEADER, ...ROWS])}r-2,"unclosed,mini-levelled\r\n`;
    const issues = issuesOf(read(text));
    expect(issues.map((issue) => issue.code)).toContain('csv.missing-quotes');
    expect(issues.find((issue) => issue.code === 'csv.missing-quotes')?.row).toBe(5);
  });

  it('refuses values past the header\'s columns, but not empty ones', () => {
    const rows = ROWS.map((row, index) => (index === 2 ? [...row, '', 'extra'] : [...row, '']));
    expect(where(issuesOf(read(csv([HEADER, ...rows]))))).toEqual([['csv.too-many-cells', 4, 'column 14']]);
  });

  it('counts blank lines in row numbers, as a spreadsheet shows them', () => {
    const text = csv([HEADER, ROWS[0] ?? [], [''], [...HEAD, 'emerging-02', 'emerging', '', 'x', '']]);
    expect(where(issuesOf(read(text)))).toEqual([['csv.bad-rating', 4, 'rating']]);
  });

  it('reads the same from papaparse step, row by row, as from the whole text', () => {
    const text = writeResponsesLongCsv([response(), response({ responseId: 'r-2', raterGroup: 'peer' })], lookup);
    const reader = createLongCsvReader('team.csv', lookup);
    Papa.parse<string[]>(text, csvStepConfig(reader, 'team.csv'));
    expect(reader.finish()).toEqual(read(text));
  });

  it('gives back any responses exactly after writing them, formula-like ids included (1,000 runs)', () => {
    fc.assert(
      fc.property(arbitraryResponses({ atLeastOne: true }), (responses: SurveyResponse[]) => {
        expect(read(writeResponsesLongCsv(responses, lookup))).toEqual({ ok: true, value: responses });
      }),
      { numRuns: 1000 },
    );
  });
});
