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
  damaged: 'The code is incomplete or damaged; ask the rater to copy it again.',
  checksum: 'The code was changed after it was made (its checksum does not match); ask the rater to copy it again.',
  'too-large': 'The code is larger than any response; it is not a Skillscope response code.',
  'cut-short': 'The code looks cut short: its end is missing. Check that it was copied whole, to its last character, or ask the rater to copy it again.',
  // Only code characters, but its compressed data breaks off: most often the end is missing, sometimes a character was changed.
  'cut-short-or-changed': 'The code looks cut short, or a character in it was changed. Check that it was copied whole, to its last character, or ask the rater to copy it again.',
};

/** The characters of a code after its prefix (base64url: no padding, no dot). */
const CODE_BODY = /^[A-Za-z0-9_-]*$/;
/** What a chat app or a text box puts where it cut a long text. */
const CUT_MARK = /(?:\u2026|\.{2,})$/;

/**
 * Why a code that passed its prefix does not unpack, in words a learner can act on. A code cut
 * short has only code characters (or a "…" where it was cut) and fails on its length or its
 * compressed data; telling it "has characters a response code never has" sends the learner
 * looking for a typo that is not there.
 */
function whyNotUnpacked(reason: 'characters' | 'damaged' | 'checksum' | 'too-large', body: string): [code: string, message: string] {
  const cutMark = CUT_MARK.test(body) && CODE_BODY.test(body.replace(CUT_MARK, ''));
  // Only code characters, and a length base64url never has: characters are missing.
  if ((reason === 'characters' && CODE_BODY.test(body)) || cutMark) return ['code.cut-short', REASONS['cut-short'] ?? ''];
  if (reason === 'damaged' && CODE_BODY.test(body)) return ['code.cut-short', REASONS['cut-short-or-changed'] ?? ''];
  if (reason === 'characters') {
    const at = [...body].findIndex((char) => !CODE_BODY.test(char));
    const char = [...body][at] ?? '';
    return ['code.characters', `The code has ${excerpt(char)} at character ${RESPONSE_CODE_PREFIX.length + at + 1}, which no response code has; check that it was copied unchanged.`];
  }
  return [`code.${reason}`, REASONS[reason] ?? ''];
}

/** Decodes a pasted code and validates it exactly as a response file is validated. */
export function decodeResponseCode(code: string, where: string, lookup: (id: string) => Framework | undefined): Result<SurveyResponse> {
  const fail = (codeId: string, message: string): Result<SurveyResponse> => ({ ok: false, issues: [{ code: codeId, file: where, path: '', message } satisfies Issue] });
  if (code.length > MAX_CODE_CHARS) return fail('code.too-large', REASONS['too-large'] ?? '');
  // Chat apps wrap long codes and add spaces; no code character is white space.
  const compact = code.replace(/\s+/g, '');
  const unpacked = unpackPayload(RESPONSE_CODE_PREFIX, compact, MAX_JSON_BYTES, where);
  if (!unpacked.ok) {
    if (unpacked.reason === 'json') return { ok: false, issues: unpacked.issues };
    if (unpacked.reason === 'prefix') return fail('code.prefix', REASONS.prefix ?? '');
    return fail(...whyNotUnpacked(unpacked.reason, compact.slice(RESPONSE_CODE_PREFIX.length)));
  }
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
