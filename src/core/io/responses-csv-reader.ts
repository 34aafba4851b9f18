import type { SurveyResponse } from '../model/response.ts';
import { fail, type Issue, type Result } from '../model/result.ts';
import { detectCsvKind } from './csv-kind.ts';
import type { FrameworkLookup } from './response-fields.ts';
import { type CsvRowReader, feedCsvText } from './responses-csv-stream.ts';
import { createLongCsvReader } from './responses-long-csv-reader.ts';
import { createWideCsvReader } from './responses-wide-csv-reader.ts';

/**
 * Either responses CSV, told apart by its header, so that one import (or `score FILE...`)
 * takes both without asking which is which.
 */
export function createResponsesCsvReader(file: string, lookup: FrameworkLookup): CsvRowReader<SurveyResponse[]> {
  let inner: CsvRowReader<SurveyResponse[]> | undefined;
  const early: Issue[] = [];
  let refusal: Issue | undefined;
  let rows = 0;
  return {
    header(cells) {
      const kind = detectCsvKind(cells);
      if (kind === 'responses-long' || kind === 'responses-wide') {
        inner = kind === 'responses-long' ? createLongCsvReader(file, lookup) : createWideCsvReader(file, lookup);
        for (const issue of early) inner.issue(issue);
        inner.header(cells);
        return;
      }
      refusal = {
        code: 'csv.not-responses',
        file,
        row: 1,
        path: '',
        message:
          kind === undefined
            ? 'This CSV is not one Skillscope writes: a responses-long.csv or responses-wide.csv starts with response_id, framework_id, survey_id, ...'
            : `This is a ${kind}.csv, which holds figures, not answers: give responses-long.csv, responses-wide.csv or response files.`,
      };
    },
    row(cells, rowNumber) {
      rows += 1;
      inner?.row(cells, rowNumber);
    },
    issue(issue) {
      if (inner === undefined) early.push(issue);
      else inner.issue(issue);
    },
    finish(): Result<SurveyResponse[]> {
      if (inner !== undefined) {
        const read = inner.finish();
        // A header alone is most often an export made before anything was answered, or a
        // filter in a spreadsheet that hid every row: importing "0 responses" would hide that.
        if (read.ok && rows === 0) return fail([{ code: 'csv.no-rows', file, row: 1, path: '', message: 'The file has a header but no rows: there are no responses in it.' }]);
        return read;
      }
      if (refusal !== undefined) return fail([refusal, ...early]);
      return fail([...early, { code: 'csv.empty', file, path: '', message: 'The file is empty: a header row is expected.' }]);
    },
  };
}

export function readResponsesCsv(text: string, file: string, lookup: FrameworkLookup): Result<SurveyResponse[]> {
  return feedCsvText(text, file, createResponsesCsvReader(file, lookup));
}
