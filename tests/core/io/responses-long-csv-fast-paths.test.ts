import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { CSV_BOM, guardFormula, writeCsvCells } from '../../../src/core/io/csv-format.ts';
import { LONG_COLUMNS, ratingLabel, readResponsesLongCsv, writeResponsesLongCsv, writeResponsesLongCsvChunks } from '../../../src/core/io/responses-long-csv.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';
import type { SurveyResponse } from '../../../src/core/model/response.ts';
import { arbitraryResponses, typedText } from './arbitrary-response.ts';
import { csv, LEVELLED, lookup, response } from './fixtures.ts';

/**
 * The long writer puts rows together from texts papaparse wrote once per response and once per
 * statement and rating, and the long reader compares a response's later rows with its first
 * without `===`. These pin both to what papaparse alone does, on text written to hurt.
 */

/** The file as papaparse writes it when handed every row whole: what the writer used to do. */
function papaparseWhole(responses: readonly SurveyResponse[]): string {
  const rows = responses.flatMap((r) => {
    const framework = lookup(r.frameworkId);
    if (framework === undefined) throw new Error('fixture missing');
    return framework.statements.flatMap((s) => {
      const rating = r.answers.get(s.id);
      if (rating === undefined) return [];
      const text = [r.responseId, r.frameworkId, r.surveyId, r.subjectId].map(guardFormula);
      return [[...text, r.raterGroup, guardFormula(r.submittedAt), guardFormula(s.id), guardFormula(s.level ?? ''), guardFormula(s.domain ?? ''), rating, ratingLabel(rating, r.raterGroup), guardFormula(s.caseItem?.uri ?? '')]];
    });
  });
  const header = Papa.unparse({ fields: [...LONG_COLUMNS], data: [] }, { newline: '\r\n' });
  const body = rows.length === 0 ? '' : `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
  return `${CSV_BOM}${header}${header.endsWith('\r\n') ? '' : '\r\n'}${body}`;
}

describe('writing responses-long.csv from pieces papaparse wrote once', () => {
  it('writes byte for byte what papaparse writes row by row, for any ids: quotes, commas, line breaks, spaces, formulas', () => {
    fc.assert(
      fc.property(arbitraryResponses(), (responses) => {
        expect(writeResponsesLongCsv(responses, lookup)).toBe(papaparseWhole(responses));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same bytes whatever order a response keeps its answers in', () => {
    const inOrder = response({ answers: [['emerging-01', 3], ['emerging-02', null], ['advanced-02', 1]] });
    const reversed = { ...inOrder, answers: answersFromEntries([...inOrder.answers].reverse()) };
    expect(reversed.answers.order).not.toBe(inOrder.answers.order);
    expect(writeResponsesLongCsv([reversed], lookup)).toBe(writeResponsesLongCsv([inOrder], lookup));
  });

  it('refuses, as a bug, a response answering a statement its framework does not have', () => {
    const stray = response({ answers: [['emerging-01', 3]] });
    const withStray = { ...stray, answers: answersFromEntries([['emerging-01', 3], ['not-in-framework', 2]]) };
    expect(() => writeResponsesLongCsv([withStray], lookup)).toThrow(/does not have/);
  });

  it('ends every piece at a row end, one piece per so many rows', () => {
    const many = Array.from({ length: 5 }, (_, index) => response({ responseId: `r-${index}` }));
    const pieces = [...writeResponsesLongCsvChunks(many, lookup, 4)];
    // A header, then 15 rows four at a time.
    expect(pieces.map((piece) => piece.split('\r\n').length - 1)).toEqual([1, 4, 4, 4, 3]);
  });

  it('writes one row\'s cells as papaparse writes them inside a whole file', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(typedText, fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 6 }), (cells) => {
        const guarded = cells.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell));
        expect(`${writeCsvCells(guarded)}\r\n${writeCsvCells(guarded)}`).toBe(Papa.unparse([guarded, guarded], { newline: '\r\n' }));
      }),
    );
  });
});

describe('reading a later row of a response', () => {
  const HEADER = [...LONG_COLUMNS];
  const head = (subject: string) => ['r-long-enough-to-be-a-slice', LEVELLED.id, `${LEVELLED.id}.self`, subject, 'self', '2024-05-01T09:30:00Z'];
  const row = (subject: string, statement: string, rating: string) => [...head(subject), statement, '', '', rating, '', ''];

  it('says a field differs even when only one character of a long cell does, at the same length', () => {
    const result = readResponsesLongCsv(
      csv([HEADER, row('subject-with-a-long-id-0001', 'emerging-01', '3'), row('subject-with-a-long-id-0002', 'emerging-02', '2')]),
      'team.csv',
      lookup,
    );
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.row, issue.path])).toEqual([['csv.inconsistent-response', 3, 'subject_id']]);
  });

  it('reads a statement other than the expected next one, of the same length, by its own id', () => {
    const result = readResponsesLongCsv(csv([HEADER, row('ana-the-learner-here', 'emerging-01', '3'), row('ana-the-learner-here', 'advanced-02', '1'), row('ana-the-learner-here', 'emerging-02', '2')]), 'team.csv', lookup);
    expect(result.ok && [...(result.value[0]?.answers ?? [])]).toEqual([['emerging-01', 3], ['emerging-02', 2], ['advanced-02', 1]]);
  });
});
