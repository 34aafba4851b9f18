import { sameAnswers } from '../model/answers.ts';
import { compareInstants } from '../model/instant.ts';
import { excerpt } from '../model/echo.ts';
import type { SurveyResponse } from '../model/response.ts';
import { fail, type Issue, ok, type Result } from '../model/result.ts';
import { ResponseIdTable } from './response-id-table.ts';

export type ResponseBatch = { file: string; responses: readonly SurveyResponse[] };

/**
 * DESIGN.md: the same response_id imported twice with the same content counts once; with
 * different content it is an error naming both files. Order is kept: first seen, first out.
 */
export function mergeResponses(batches: readonly ResponseBatch[]): Result<readonly SurveyResponse[]> {
  // The usual case, every id once, is found with a table of indexes alone (response-id-table.ts).
  // One file (what npm run score is usually given) is not copied: a million references are 8 MB.
  const all = batches.length === 1 ? (batches[0] as ResponseBatch).responses : batches.flatMap((batch) => batch.responses);
  if (everyIdOnce(all)) return ok(all);
  const merged = new Map<string, { response: SurveyResponse; file: string }>();
  const issues: Issue[] = [];
  for (const { file, responses } of batches) {
    for (const response of responses) {
      const before = merged.get(response.responseId);
      if (before === undefined) {
        merged.set(response.responseId, { response, file });
      } else if (!sameResponseContent(before.response, response)) {
        issues.push({
          code: 'response.conflicting-duplicate',
          file,
          path: 'response_id',
          message: `Response ${excerpt(response.responseId)} is in ${before.file} and in ${file} with different content: remove the wrong one.`,
        });
      } else if (before.response.comments.size === 0 && response.comments.size > 0) {
        // A CSV cannot carry comments: the copy from a response file keeps them.
        merged.set(response.responseId, { response, file: before.file });
      }
    }
  }
  return issues.length > 0 ? fail(issues) : ok([...merged.values()].map((entry) => entry.response));
}

function everyIdOnce(responses: readonly SurveyResponse[]): boolean {
  const ids = new ResponseIdTable((index) => (responses[index] as SurveyResponse).responseId, responses.length);
  for (let index = 0; index < responses.length; index += 1) {
    if (ids.find((responses[index] as SurveyResponse).responseId) >= 0) return false;
    ids.add(index);
  }
  return true;
}

/**
 * Same fields, same answers (in any order), the same instant however it is written, and the
 * same comments, unless one copy has none because it came through a CSV, which has no comment
 * column.
 */
export function sameResponseContent(a: SurveyResponse, b: SurveyResponse): boolean {
  return (
    a.responseId === b.responseId &&
    a.frameworkId === b.frameworkId &&
    a.surveyId === b.surveyId &&
    a.subjectId === b.subjectId &&
    a.raterGroup === b.raterGroup &&
    (a.submittedAt === b.submittedAt || compareInstants(a.submittedAt, b.submittedAt) === 0) &&
    sameAnswers(a.answers, b.answers) &&
    (a.comments.size === 0 || b.comments.size === 0 || sameEntries(a.comments, b.comments))
  );
}

function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    if (!b.has(key) || b.get(key) !== value) return false;
  }
  return true;
}
