import { excerpt } from '../model/echo.ts';
import type { Framework } from '../model/framework.ts';
import type { Issue, Result } from '../model/result.ts';
import type { SurveyResponse } from '../model/response.ts';
import { RESPONSE_FORMAT, RESPONSE_VERSION, readResponseValue } from './response-file.ts';
import { decodeRatings, encodeRatings, statementsFingerprint } from './rating-string.ts';
import { packPayload, unpackPayload } from './packed-payload.ts';

/**
 * A response as a short code a rater can paste in a chat message: the same response as the
 * response file, compressed and checksummed. Ratings travel as one character per statement in
 * the framework's order (0 unanswered, 1-4, n for N/A), with a fingerprint of the statement ids
 * so that a code made for another framework or version is refused, not misread.
 */
export const RESPONSE_CODE_PREFIX = 'SKR1.';
const MAX_CODE_CHARS = 200_000;
const MAX_JSON_BYTES = 1_000_000;

export function encodeResponseCode(response: SurveyResponse, framework: Framework): string {
  return packPayload(RESPONSE_CODE_PREFIX, [
    response.responseId, response.frameworkId, response.surveyId, response.subjectId, response.raterGroup, response.submittedAt,
    statementsFingerprint(framework), encodeRatings(response.answers, framework), Object.fromEntries(response.comments),
  ]);
}

const REASONS: Record<string, string> = {
  prefix: `A response code starts with ${RESPONSE_CODE_PREFIX}; check that the whole code was copied.`,
  characters: 'The code has characters a response code never has; check that it was copied whole and unchanged.',
  damaged: 'The code is incomplete or damaged; ask the rater to copy it again.',
  checksum: 'The code was changed after it was made (its checksum does not match); ask the rater to copy it again.',
  'too-large': 'The code is larger than any response; it is not a Skillscope response code.',
};

/** Decodes a pasted code and validates it exactly as a response file is validated. */
export function decodeResponseCode(code: string, where: string, lookup: (id: string) => Framework | undefined): Result<SurveyResponse> {
  const fail = (codeId: string, message: string): Result<SurveyResponse> => ({ ok: false, issues: [{ code: codeId, file: where, path: '', message } satisfies Issue] });
  if (code.length > MAX_CODE_CHARS) return fail('code.too-large', REASONS['too-large'] ?? '');
  const unpacked = unpackPayload(RESPONSE_CODE_PREFIX, code.replace(/\s+/g, ''), MAX_JSON_BYTES, where);
  if (!unpacked.ok) return unpacked.reason === 'json' ? { ok: false, issues: unpacked.issues } : fail(`code.${unpacked.reason}`, REASONS[unpacked.reason] ?? '');
  const value = unpacked.value;
  if (!Array.isArray(value) || value.length !== 9 || typeof value[1] !== 'string' || typeof value[7] !== 'string') {
    return fail('code.damaged', REASONS.damaged ?? '');
  }
  const [responseId, frameworkId, surveyId, subjectId, raterGroup, submittedAt, print, ratings, comments] = value as unknown[];
  const framework = lookup(frameworkId as string);
  if (framework === undefined) return fail('code.unknown-framework', `The code is for framework ${excerpt(String(frameworkId))}, which is not in this browser: open that framework first.`);
  if (print !== statementsFingerprint(framework) || (ratings as string).length !== framework.statements.length) {
    return fail('code.other-version', `The code was made for a different version of ${excerpt(framework.title)}: its statements do not match the ones here.`);
  }
  const answers = decodeRatings(ratings as string, framework);
  if (Object.values(answers).some((rating) => typeof rating === 'string')) return fail('code.damaged', REASONS.damaged ?? '');
  // The same fields as a response file, checked by the same reader.
  const fields = { format: RESPONSE_FORMAT, version: RESPONSE_VERSION, response_id: responseId, framework_id: frameworkId, survey_id: surveyId, subject_id: subjectId, rater_group: raterGroup, submitted_at: submittedAt, answers, comments };
  return readResponseValue(fields, where, lookup);
}
