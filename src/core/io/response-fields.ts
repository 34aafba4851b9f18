import { excerpt } from '../model/echo.ts';
import type { Framework } from '../model/framework.ts';
import { isIsoInstant } from '../model/instant.ts';
import { MAX_ID_CHARS, MAX_NAME_CHARS } from '../model/limits.ts';
import { raterGroupNamed, type RaterGroup } from '../model/response.ts';
import { surveyIdOf, surveyKindOf } from '../model/survey-id.ts';

/**
 * The fields every serial form of a response shares (JSON keys and CSV columns have the same
 * names), and the checks they all get, so that JSON, long and wide CSV refuse the same things.
 */

export const RESPONSE_FIELDS = [
  'response_id',
  'framework_id',
  'survey_id',
  'subject_id',
  'rater_group',
  'submitted_at',
] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

export type FrameworkLookup = (frameworkId: string) => Framework | undefined;

/** A problem without its place in the file: the reader adds file and row. */
export type FieldIssue = { code: string; path: string; message: string };

export type ResponseHead = {
  responseId: string;
  frameworkId: string;
  surveyId: string;
  subjectId: string;
  raterGroup: string;
  submittedAt: string;
};

const HEAD_KEYS: Record<ResponseField, keyof ResponseHead> = {
  response_id: 'responseId',
  framework_id: 'frameworkId',
  survey_id: 'surveyId',
  subject_id: 'subjectId',
  rater_group: 'raterGroup',
  submitted_at: 'submittedAt',
};

export type CheckedHead = { framework: Framework | undefined; raterGroup: RaterGroup | undefined };

export function checkResponseHead(head: ResponseHead, lookup: FrameworkLookup, issues: FieldIssue[]): CheckedHead {
  const add = (code: string, path: ResponseField, message: string) => issues.push({ code, path, message });
  // Ids past the cap are refused before any other check reads them.
  const tooLong = RESPONSE_FIELDS.filter((field) => head[HEAD_KEYS[field]].length > MAX_ID_CHARS);
  for (const field of tooLong) {
    add('response.too-long', field, `${field} has ${head[HEAD_KEYS[field]].length.toLocaleString('en')} characters, starting ${excerpt(head[HEAD_KEYS[field]], 20)}; at most ${MAX_ID_CHARS} are allowed.`);
  }
  if (tooLong.length > 0) return { framework: undefined, raterGroup: undefined };
  if (head.responseId.trim() === '') add('response.missing-id', 'response_id', 'The response has no response_id.');
  if (head.subjectId.trim() === '') add('response.missing-subject', 'subject_id', 'The response has no subject_id: whose survey is it?');

  let framework: Framework | undefined;
  if (head.frameworkId === '') {
    add('response.missing-framework', 'framework_id', 'The response has no framework_id.');
  } else {
    framework = lookup(head.frameworkId);
    if (framework === undefined) {
      // No command-line flag here: the app and the CLI each say how to add a framework, keyed
      // on the code (an unknown id is never built in, so it came from a framework file).
      add('response.unknown-framework', 'framework_id', `Framework ${excerpt(head.frameworkId)} is not known: it is not built in, so it was opened from a framework file; add that file, or check the id.`);
    }
  }

  const raterGroup = raterGroupNamed(head.raterGroup);
  if (raterGroup === undefined) {
    add('response.bad-rater-group', 'rater_group', `Rater group ${excerpt(head.raterGroup)} is not one of self, manager, peer, direct-report, other.`);
  }
  if (!isIsoInstant(head.submittedAt)) {
    add('response.bad-date', 'submitted_at', `submitted_at ${excerpt(head.submittedAt)} is not an ISO 8601 date and time with a time zone, such as 2024-05-01T09:30:00Z.`);
  }
  if (head.frameworkId !== '' && raterGroup !== undefined) {
    const expected = surveyIdOf(head.frameworkId, surveyKindOf(raterGroup));
    if (head.surveyId !== expected) {
      add('response.survey-mismatch', 'survey_id', `survey_id ${excerpt(head.surveyId)} does not match a ${raterGroup} response to ${head.frameworkId}: expected "${expected}".`);
    }
  }
  return { framework, raterGroup };
}

/**
 * Characters a display name may not hold: C0 and C1 controls, line and paragraph separators,
 * and the bidirectional embeddings, overrides and isolates. A name is shown in tables, links and
 * mail bodies; such a character could start a fake line or reorder what follows it.
 */
const NAME_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Why `name` cannot be a learner's display name (`subject_name` of a response, the learner's
 * name in an invitation link), or undefined when it can: not blank, within MAX_NAME_CHARS, no
 * character of NAME_UNSAFE. `field` names the field in the sentence.
 */
export function displayNameProblem(name: string, field: string): { code: 'too-long' | 'blank' | 'control-character'; message: string } | undefined {
  if (name.length > MAX_NAME_CHARS) {
    return { code: 'too-long', message: `${field} has ${name.length.toLocaleString('en')} characters, starting ${excerpt(name, 20)}; a name may have at most ${MAX_NAME_CHARS}.` };
  }
  if (name.trim() === '') return { code: 'blank', message: `${field} is blank: leave the field out when there is no name.` };
  if (NAME_UNSAFE.test(name)) return { code: 'control-character', message: `${field} ${excerpt(name)} holds a line break, control or text-direction character, which a name never has.` };
  return undefined;
}

/**
 * A name typed by a user, made fit for a response file or a link: unsafe characters become
 * spaces, runs of space one, cut to MAX_NAME_CHARS. `{}` when nothing is left, so a response
 * without a name is written without the field (exactOptionalPropertyTypes: no `undefined`).
 */
export function subjectNameField(name: string): { subjectName?: string } {
  const cleaned = name.replace(new RegExp(NAME_UNSAFE.source, 'g'), ' ').replace(/\s+/g, ' ').trim();
  const cut = cleaned.length > MAX_NAME_CHARS ? cleaned.slice(0, MAX_NAME_CHARS).replace(/[\uD800-\uDBFF]$/, '').trim() : cleaned;
  return cut === '' ? {} : { subjectName: cut };
}
