import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readResponsesWideCsv, writeResponsesWideCsv, writeResponsesWideCsvChunks } from '../../../src/core/io/responses-wide-csv.ts';
import type { Issue, Result } from '../../../src/core/model/result.ts';
import { arbitraryResponses } from './arbitrary-response.ts';
import { csv, DOMAINS, LEVELLED, lookup, response, UNLEVELLED } from './fixtures.ts';

const FIELDS = ['response_id', 'framework_id', 'survey_id', 'subject_id', 'rater_group', 'submitted_at'];
const LEVELLED_IDS = LEVELLED.statements.map((statement) => statement.id);
const HEADER = [...FIELDS, ...LEVELLED_IDS];
// emerging-01 3, emerging-02 N/A, advanced-02 1, the rest unanswered.
const ROW = ['r-1', 'mini-levelled', 'mini-levelled.self', 'ana', 'self', '2024-05-01T09:30:00Z', '3', 'NA', '', '', '', '', '', '1'];
const read = (text: string) => readResponsesWideCsv(text, 'wide.csv', lookup);
const issuesOf = <T>(result: Result<T>): Issue[] => (result.ok ? [] : result.issues);
const where = (issues: Issue[]) => issues.map((issue) => [issue.code, issue.row, issue.path]);

describe('writeResponsesWideCsv', () => {
  it('writes one row per response: 1-4, NA for N/A, empty where unanswered', () => {
    expect(writeResponsesWideCsv([response()], lookup)).toBe(csv([HEADER, ROW]));
  });

  it('writes the union of statement columns, in framework then statement order, a shared id once', () => {
    const text = writeResponsesWideCsv(
      [response({ frameworkId: DOMAINS.id, answers: [['talking-01', 2]] }), response({ responseId: 'r-2' }), response({ responseId: 'r-3', frameworkId: UNLEVELLED.id, answers: [] })],
      lookup,
    );
    const header = Papa.parse<string[]>(text.slice(1)).data[0];
    const domainIds = DOMAINS.statements.map((statement) => statement.id);
    expect(header).toEqual([...FIELDS, ...domainIds, ...LEVELLED_IDS.filter((id) => !domainIds.includes(id)), 'ws-01', 'ws-02']);
  });

  it('keeps a response with no answer as a row', () => {
    expect(read(writeResponsesWideCsv([response({ answers: [] })], lookup))).toEqual({ ok: true, value: [response({ answers: [] })] });
  });

  it('writes the same bytes in chunks as in one piece', () => {
    const many = Array.from({ length: 12 }, (_, index) => response({ responseId: `r-${index}` }));
    expect([...writeResponsesWideCsvChunks(many, lookup, 5)].join('')).toBe(writeResponsesWideCsv(many, lookup));
  });
});

describe('readResponsesWideCsv', () => {
  it('reads back what it writes', () => {
    expect(read(csv([HEADER, ROW]))).toEqual({ ok: true, value: [response()] });
  });

  it('accepts the file as Excel re-saves it: no BOM, quoted numbers, LF, trailing empty lines', () => {
    const text = [HEADER, ROW].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n');
    expect(read(`${text}\n\n\n`)).toEqual({ ok: true, value: [response()] });
  });

  it('reads a row of another framework, whose columns are empty for this one', () => {
    const text = writeResponsesWideCsv([response(), response({ responseId: 'r-2', frameworkId: UNLEVELLED.id, answers: [['ws-01', 4]] })], lookup);
    expect(read(text)).toEqual({ ok: true, value: [response(), response({ responseId: 'r-2', frameworkId: UNLEVELLED.id, answers: [['ws-01', 4]] })] });
  });

  it.each([['5'], ['three'], ['2.5'], ['N.A.']])('refuses a rating of "%s", naming row and column', (rating) => {
    const row = [...ROW.slice(0, 7), rating, ...ROW.slice(8)];
    expect(where(issuesOf(read(csv([HEADER, row]))))).toEqual([['csv.bad-rating', 2, 'emerging-02']]);
  });

  it('refuses a missing field column, a header twice and an unknown column together', () => {
    const header = [...HEADER.filter((name) => name !== 'submitted_at'), 'advanced-02'];
    expect(where(issuesOf(read(csv([header]))))).toEqual([
      ['csv.duplicate-header', 1, 'advanced-02'],
      ['csv.missing-column', 1, 'submitted_at'],
    ]);
    const extra = [...HEADER, 'favourite-colour'];
    expect(where(issuesOf(read(csv([extra, [...ROW, '']]))))).toEqual([['csv.unknown-column', 1, 'favourite-colour']]);
  });

  it('refuses a file missing a statement column of a framework its rows name', () => {
    const header = HEADER.filter((id) => id !== 'proficient-01');
    const row = ROW.filter((_, index) => HEADER[index] !== 'proficient-01');
    expect(where(issuesOf(read(csv([header, row]))))).toEqual([['csv.missing-column', 1, 'proficient-01']]);
  });

  it('refuses a rating in a column that is not a statement of the row\'s framework', () => {
    const text = writeResponsesWideCsv([response(), response({ responseId: 'r-2', frameworkId: UNLEVELLED.id, answers: [] })], lookup);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const header = rows[0] ?? [];
    const wrong = rows[2]?.map((cell, index) => (header[index] === 'emerging-01' ? '2' : cell)) ?? [];
    expect(where(issuesOf(read(csv([header, rows[1] ?? [], wrong]))))).toEqual([['csv.unknown-statement', 3, 'emerging-01']]);
  });

  it('refuses an unknown framework, a bad group and a bad date', () => {
    const rows = [
      ['r-1', 'nope', 'nope.self', 'ana', 'self', '2024-05-01T09:30:00Z', ...ROW.slice(6)],
      ['r-2', 'mini-levelled', 'mini-levelled.360', 'ana', 'mentor', '2024-05-01T09:30:00Z', ...ROW.slice(6)],
      ['r-3', 'mini-levelled', 'mini-levelled.self', 'ana', 'self', 'yesterday', ...ROW.slice(6)],
    ];
    expect(where(issuesOf(read(csv([HEADER, ...rows]))))).toEqual([
      ['response.unknown-framework', 2, 'framework_id'],
      ['response.bad-rater-group', 3, 'rater_group'],
      ['response.bad-date', 4, 'submitted_at'],
    ]);
  });

  it('counts a response in two identical rows once, and refuses two rows of one response that differ', () => {
    expect(read(csv([HEADER, ROW, ROW]))).toEqual({ ok: true, value: [response()] });
    const other = [...ROW.slice(0, 6), '4', ...ROW.slice(7)];
    const issues = issuesOf(read(csv([HEADER, ROW, other])));
    expect(where(issues)).toEqual([['csv.conflicting-response', 3, 'response_id']]);
    expect(issues[0]?.message).toContain('row 2');
  });

  it('refuses an empty file', () => {
    expect(issuesOf(read('')).map((issue) => issue.code)).toEqual(['csv.empty']);
  });

  it('gives back any responses exactly after writing them, formula-like ids included (1,000 runs)', () => {
    fc.assert(
      fc.property(arbitraryResponses(), (responses) => {
        expect(read(writeResponsesWideCsv(responses, lookup))).toEqual({ ok: true, value: responses });
      }),
      { numRuns: 1000 },
    );
  });
});
