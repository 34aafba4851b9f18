import { excerpt, showValue } from '../model/echo.ts';
import { type Answers, answersFromEntries } from '../model/answers.ts';
import type { Framework } from '../model/framework.ts';
import { instantMillis } from '../model/instant.ts';
import { isRecord, own, pathKey } from '../model/json-value.ts';
import { MAX_COMMENT_CHARS, MAX_ID_CHARS } from '../model/limits.ts';
import type { Rating } from '../model/rating-scale.ts';
import { fail, type Issue, ok, type Result } from '../model/result.ts';

/**
 * What a rater seals to the coach (issue 10): the answers and comments, the campaign and the
 * invitation token, and the day. No group and no subject: the coach takes both from the signed
 * campaign manifest by the token, never from what a response claims, so a response cannot move
 * itself into another group. No time finer than the day, which the report may not carry either.
 */
export const SEALED_FORMAT = 'skillscope-sealed-response';
export const SEALED_VERSION = 1;

export type SealedResponseContent = {
  campaignId: string;
  /** The invitation's secret token; the manifest holds its hash and its group. */
  token: string;
  /** YYYY-MM-DD. */
  submittedOn: string;
  /** statement id -> rating, or null for "Not observed". An unanswered statement is absent. */
  answers: Answers;
  /** Free text keyed by where it was asked (a page id or `general`). */
  comments: ReadonlyMap<string, string>;
};

/** The framework of a campaign, from its manifest; undefined for a campaign not loaded here. */
export type CampaignFrameworkLookup = (campaignId: string) => Framework | undefined;

const KEYS = ['format', 'version', 'campaign_id', 'token', 'submitted_on', 'answers', 'comments'];
/** Fields of an open response file that a sealed one must not carry, and why. */
const CLAIMS: Record<string, string> = {
  rater_group: 'the group comes from the invitation in the campaign manifest',
  subject_id: 'the learner comes from the campaign manifest',
  subject_name: 'the learner comes from the campaign manifest',
  submitted_at: 'a sealed response carries only the day (submitted_on), never a time',
};

/** The UTC day of a submission: the finest time a sealed response carries. */
export function submissionDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function isSubmissionDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && instantMillis(`${text}T00:00:00Z`) !== undefined;
}

/** The sealed JSON: keys in a fixed order, indented, so `age -d` shows a readable file. */
export function writeSealedJson(content: SealedResponseContent): string {
  // Null-prototype objects: a key of `__proto__` is written as a key, not as a prototype.
  const answers: Record<string, Rating | null> = Object.create(null);
  for (const [id, rating] of content.answers) answers[id] = rating;
  const comments: Record<string, string> = Object.create(null);
  for (const [key, text] of content.comments) comments[key] = text;
  const file = {
    format: SEALED_FORMAT,
    version: SEALED_VERSION,
    campaign_id: content.campaignId,
    token: content.token,
    submitted_on: content.submittedOn,
    answers,
    comments,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Checks the JSON inside a sealed response, every problem listed. Anyone may seal to a coach's
 * public key, so decrypting proves nothing about the content: it gets every check an open
 * response file gets. The token is never quoted back: it is the rater's credential.
 */
export function readSealedContent(data: unknown, file: string, lookup: CampaignFrameworkLookup): Result<SealedResponseContent> {
  const issues: Issue[] = [];
  const add = (code: string, path: string, message: string) => issues.push({ code, file, path, message });
  if (!isRecord(data)) {
    add('sealed.not-an-object', '', 'The sealed file holds JSON but not a response: a sealed response is one JSON object.');
    return fail(issues);
  }
  if (own(data, 'format') !== SEALED_FORMAT) {
    add('sealed.bad-format', 'format', `format is ${showValue(own(data, 'format'))}, not "${SEALED_FORMAT}": this is not a sealed Skillscope response.`);
  }
  if (own(data, 'version') !== SEALED_VERSION) {
    add('sealed.bad-version', 'version', `version is ${showValue(own(data, 'version'))}: this Skillscope reads version ${SEALED_VERSION}.`);
  }
  for (const key of Object.keys(data)) {
    if (KEYS.includes(key)) continue;
    const claim = Object.hasOwn(CLAIMS, key) ? CLAIMS[key] : undefined;
    add('sealed.unknown-field', pathKey('', key), claim === undefined ? `Field ${excerpt(key)} is not part of a sealed response.` : `A sealed response may not carry ${key}: ${claim}.`);
  }

  const text = (key: 'campaign_id' | 'token' | 'submitted_on'): string | undefined => {
    const value = own(data, key);
    if (typeof value !== 'string') {
      add(value === undefined ? 'sealed.missing-field' : 'sealed.wrong-type', key, value === undefined ? `Field ${key} is missing.` : `${key} must be text, not ${key === 'token' ? typeof value : showValue(value)}.`);
      return undefined;
    }
    if (value.length > MAX_ID_CHARS) {
      add('sealed.too-long', key, `${key} has ${value.length.toLocaleString('en')} characters; at most ${MAX_ID_CHARS} are allowed.`);
      return undefined;
    }
    if (value.trim() === '') {
      add('sealed.missing-field', key, `${key} is empty.`);
      return undefined;
    }
    return value;
  };
  const campaignId = text('campaign_id');
  const token = text('token');
  const submittedOn = text('submitted_on');
  if (submittedOn !== undefined && !isSubmissionDay(submittedOn)) {
    add('sealed.bad-day', 'submitted_on', `submitted_on ${excerpt(submittedOn)} is not a day such as 2026-05-01. A sealed response carries the day only: a finer time could tell the learner who answered when.`);
  }
  const framework = campaignId === undefined ? undefined : lookup(campaignId);
  if (campaignId !== undefined && framework === undefined) {
    add('sealed.unknown-campaign', 'campaign_id', `The response is for campaign ${excerpt(campaignId)}, which is not open here: open that campaign's manifest first, or check that the rater used this campaign's invitation.`);
  }
  const answers = readAnswers(own(data, 'answers'), framework, add);
  const comments = readComments(own(data, 'comments'), add);

  if (issues.length > 0 || campaignId === undefined || token === undefined || submittedOn === undefined) return fail(issues);
  return ok({ campaignId, token, submittedOn, answers, comments });
}

type Add = (code: string, path: string, message: string) => void;

function readAnswers(raw: unknown, framework: Framework | undefined, add: Add): Answers {
  const answers: [string, Rating | null][] = [];
  if (raw === undefined) {
    add('sealed.missing-field', 'answers', 'Field answers is missing (an empty {} when nothing was answered).');
    return answersFromEntries(answers, framework);
  }
  if (!isRecord(raw)) {
    add('sealed.wrong-type', 'answers', `answers must be an object of statement id to rating, not ${showValue(raw)}.`);
    return answersFromEntries(answers, framework);
  }
  const known = framework === undefined ? undefined : new Set(framework.statements.map((s) => s.id));
  for (const [id, value] of Object.entries(raw)) {
    const path = pathKey('answers', id);
    if (known !== undefined && !known.has(id)) add('sealed.unknown-statement', path, `Statement ${excerpt(id)} is not in the campaign's framework ${excerpt(framework?.id ?? '')}.`);
    if (value === null || value === 1 || value === 2 || value === 3 || value === 4) answers.push([id, value]);
    else add('sealed.bad-rating', path, `Rating ${showValue(value)} is not 1, 2, 3, 4 or null (Not observed).`);
  }
  return answersFromEntries(answers, framework);
}

function readComments(raw: unknown, add: Add): Map<string, string> {
  const comments = new Map<string, string>();
  if (raw === undefined) {
    add('sealed.missing-field', 'comments', 'Field comments is missing (an empty {} when there are none).');
    return comments;
  }
  if (!isRecord(raw)) {
    add('sealed.wrong-type', 'comments', `comments must be an object of text, not ${showValue(raw)}.`);
    return comments;
  }
  for (const [key, value] of Object.entries(raw)) {
    const path = pathKey('comments', key);
    if (typeof value !== 'string') add('sealed.wrong-type', path, `A comment must be text, not ${showValue(value)}.`);
    else if (value.length > MAX_COMMENT_CHARS) add('sealed.too-long', path, `This comment has ${value.length.toLocaleString('en')} characters; a comment may have at most ${MAX_COMMENT_CHARS.toLocaleString('en')}.`);
    else if (key.length > MAX_ID_CHARS) add('sealed.too-long', path, `A comment's key may have at most ${MAX_ID_CHARS} characters.`);
    else comments.set(key, value);
  }
  return comments;
}
