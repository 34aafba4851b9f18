import { readJson } from '../input/read-json.ts';
import { excerpt, showValue } from '../model/echo.ts';
import { isRecord, own, pathKey } from '../model/json-value.ts';
import { MAX_COMMENT_CHARS, MAX_ID_CHARS } from '../model/limits.ts';
import { answersFromEntries } from '../model/answers.ts';
import type { Rating } from '../model/rating-scale.ts';
import type { SurveyResponse } from '../model/response.ts';
import { fail, type Issue, ok, type Result } from '../model/result.ts';
import { checkResponseHead, displayNameProblem, type FieldIssue, type FrameworkLookup, RESPONSE_FIELDS } from './response-fields.ts';

/** DESIGN.md's response file: what the app saves, a rater sends back and `score` reads. */
export const RESPONSE_FORMAT = 'skillscope-response';
export const RESPONSE_VERSION = 1;

/** `subject_name` is optional (the learner's display name); the CSVs do not carry it. */
const KEYS = ['format', 'version', ...RESPONSE_FIELDS, 'subject_name', 'answers', 'comments'] as const;

/** Keys in a fixed order, two-space indent, a final line break: the same response, the same bytes. */
export function writeResponseFile(response: SurveyResponse): string {
  // Null-prototype objects: a key of `__proto__` is written as a key, not as a prototype.
  const answers: Record<string, Rating | null> = Object.create(null);
  for (const [id, rating] of response.answers) answers[id] = rating;
  const comments: Record<string, string> = Object.create(null);
  for (const [key, text] of response.comments) comments[key] = text;
  const file = {
    format: RESPONSE_FORMAT,
    version: RESPONSE_VERSION,
    response_id: response.responseId,
    framework_id: response.frameworkId,
    survey_id: response.surveyId,
    subject_id: response.subjectId,
    // Left out when there is no name, so that such a file keeps the bytes it always had.
    ...(response.subjectName === undefined ? {} : { subject_name: response.subjectName }),
    rater_group: response.raterGroup,
    submitted_at: response.submittedAt,
    answers,
    comments,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a response file, listing every problem with its JSON path; the response only if there are none. */
export function parseResponseFile(text: string, file: string, lookup: FrameworkLookup): Result<SurveyResponse> {
  const json = readJson(text, { file });
  return json.ok ? readResponseValue(json.value, file, lookup) : json;
}

/** Checks a parsed response file (or a response code's fields), every problem listed. */
export function readResponseValue(data: unknown, file: string, lookup: FrameworkLookup): Result<SurveyResponse> {
  const found: FieldIssue[] = [];
  const add = (code: string, path: string, message: string) => found.push({ code, path, message });
  if (!isRecord(data)) {
    add('response.not-an-object', '', 'The file holds JSON but not a response: a response file is one JSON object.');
    return fail(inFile(found, file));
  }

  if (own(data, 'format') !== RESPONSE_FORMAT) {
    add('response.bad-format', 'format', `format is ${showValue(own(data, 'format'))}, not "${RESPONSE_FORMAT}": this is not a Skillscope response file.`);
  }
  if (own(data, 'version') !== RESPONSE_VERSION) {
    add('response.bad-version', 'version', `version is ${showValue(own(data, 'version'))}: this Skillscope reads version ${RESPONSE_VERSION}.`);
  }
  for (const key of Object.keys(data)) {
    if (!(KEYS as readonly string[]).includes(key)) add('response.unknown-field', pathKey('', key), `Field ${excerpt(key)} is not part of a response file.`);
  }

  const text_ = (key: (typeof KEYS)[number]): string => {
    const value = own(data, key);
    if (typeof value === 'string') return value;
    add(value === undefined ? 'response.missing-field' : 'response.wrong-type', key, value === undefined ? `Field ${key} is missing.` : `${key} must be text, not ${showValue(value)}.`);
    return '';
  };
  const head = {
    responseId: text_('response_id'),
    frameworkId: text_('framework_id'),
    surveyId: text_('survey_id'),
    subjectId: text_('subject_id'),
    raterGroup: text_('rater_group'),
    submittedAt: text_('submitted_at'),
  };
  // A wrong type is already said; checking the empty text that stands for it would say it twice.
  const typed = found.length;
  const headIssues: FieldIssue[] = [];
  const checked = checkResponseHead(head, lookup, headIssues);
  const alreadySaid = new Set(found.slice(0, typed).map((issue) => issue.path));
  found.push(...headIssues.filter((issue) => !alreadySaid.has(issue.path)));

  const subjectName = readSubjectName(own(data, 'subject_name'), add);

  const answers: [string, Rating | null][] = [];
  const rawAnswers = own(data, 'answers');
  if (rawAnswers === undefined) {
    add('response.missing-field', 'answers', 'Field answers is missing (an empty {} when nothing was answered).');
  } else if (!isRecord(rawAnswers)) {
    add('response.wrong-type', 'answers', `answers must be an object of statement id to rating, not ${showValue(rawAnswers)}.`);
  } else {
    const known = checked.framework === undefined ? undefined : new Set(checked.framework.statements.map((s) => s.id));
    for (const [id, value] of Object.entries(rawAnswers)) {
      const path = pathKey('answers', id);
      if (known !== undefined && !known.has(id)) add('response.unknown-statement', path, `Statement ${excerpt(id)} is not in framework ${head.frameworkId}.`);
      if (value === null || value === 1 || value === 2 || value === 3 || value === 4) answers.push([id, value]);
      else add('response.bad-rating', path, `Rating ${showValue(value)} is not 1, 2, 3, 4 or null (N/A).`);
    }
  }

  const comments = new Map<string, string>();
  const rawComments = own(data, 'comments');
  if (rawComments === undefined) {
    add('response.missing-field', 'comments', 'Field comments is missing (an empty {} when there are none).');
  } else if (!isRecord(rawComments)) {
    add('response.wrong-type', 'comments', `comments must be an object of text, not ${showValue(rawComments)}.`);
  } else {
    for (const [key, value] of Object.entries(rawComments)) {
      const path = pathKey('comments', key);
      if (typeof value !== 'string') add('response.wrong-type', path, `A comment must be text, not ${showValue(value)}.`);
      else if (value.length > MAX_COMMENT_CHARS) add('response.too-long', path, `This comment has ${value.length.toLocaleString('en')} characters; a comment may have at most ${MAX_COMMENT_CHARS.toLocaleString('en')}.`);
      else if (key.length > MAX_ID_CHARS) add('response.too-long', path, `A comment's key may have at most ${MAX_ID_CHARS} characters.`);
      else comments.set(key, value);
    }
  }

  if (found.length > 0 || checked.raterGroup === undefined) return fail(inFile(found, file));
  return ok({ ...head, ...(subjectName === undefined ? {} : { subjectName }), raterGroup: checked.raterGroup, answers: answersFromEntries(answers, checked.framework), comments });
}

/** The optional display name: absent is fine; anything present must be a name (displayNameProblem). */
function readSubjectName(value: unknown, add: (code: string, path: string, message: string) => void): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    add('response.wrong-type', 'subject_name', `subject_name must be text, not ${showValue(value)}.`);
    return undefined;
  }
  const problem = displayNameProblem(value, 'subject_name');
  if (problem !== undefined) {
    add(problem.code === 'too-long' ? 'response.too-long' : `response.name-${problem.code}`, 'subject_name', problem.message);
    return undefined;
  }
  return value;
}

function inFile(found: FieldIssue[], file: string): Issue[] {
  return found.map((issue) => ({ ...issue, file }));
}
