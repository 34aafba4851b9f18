import type { Framework } from '../model/framework.ts';
import { isRaterGroup, type RaterGroup } from '../model/response.ts';

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

export type CheckedHead = { framework: Framework | undefined; raterGroup: RaterGroup | undefined };

/** DESIGN.md: the self survey is `<framework>.self`, the rater survey `<framework>.360`. */
export function expectedSurveyId(frameworkId: string, group: RaterGroup): string {
  return `${frameworkId}.${group === 'self' ? 'self' : '360'}`;
}

export function checkResponseHead(head: ResponseHead, lookup: FrameworkLookup, issues: FieldIssue[]): CheckedHead {
  const add = (code: string, path: ResponseField, message: string) => issues.push({ code, path, message });
  if (head.responseId.trim() === '') add('response.missing-id', 'response_id', 'The response has no response_id.');
  if (head.subjectId.trim() === '') add('response.missing-subject', 'subject_id', 'The response has no subject_id: whose survey is it?');

  let framework: Framework | undefined;
  if (head.frameworkId === '') {
    add('response.missing-framework', 'framework_id', 'The response has no framework_id.');
  } else {
    framework = lookup(head.frameworkId);
    if (framework === undefined) {
      add('response.unknown-framework', 'framework_id', `Framework "${head.frameworkId}" is not known: load it with --framework, or check the id.`);
    }
  }

  const raterGroup = isRaterGroup(head.raterGroup) ? head.raterGroup : undefined;
  if (raterGroup === undefined) {
    add('response.bad-rater-group', 'rater_group', `Rater group "${head.raterGroup}" is not one of self, manager, peer, direct-report, other.`);
  }
  if (!isIsoInstant(head.submittedAt)) {
    add('response.bad-date', 'submitted_at', `submitted_at "${head.submittedAt}" is not an ISO 8601 date and time with a time zone, such as 2024-05-01T09:30:00Z.`);
  }
  if (head.frameworkId !== '' && raterGroup !== undefined) {
    const expected = expectedSurveyId(head.frameworkId, raterGroup);
    if (head.surveyId !== expected) {
      add('response.survey-mismatch', 'survey_id', `survey_id "${head.surveyId}" does not match a ${raterGroup} response to ${head.frameworkId}: expected "${expected}".`);
    }
  }
  return { framework, raterGroup };
}

/** RFC 3339's profile of ISO 8601, which every browser's Date.parse reads alike. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A full date and time with a zone (Z or an offset such as +02:00), on a day that exists. */
export function isIsoInstant(text: string): boolean {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return (
    m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth &&
    Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59 &&
    Number(offsetHours) <= 23 && Number(offsetMinutes) <= 59
  );
}

/** Each framework's statement positions by id, built once per framework and reused for every row. */
export function createStatementIndex(): (framework: Framework) => ReadonlyMap<string, number> {
  const cache = new Map<string, ReadonlyMap<string, number>>();
  return (framework) => {
    let index = cache.get(framework.id);
    if (index === undefined) {
      index = new Map(framework.statements.map((statement, position) => [statement.id, position]));
      cache.set(framework.id, index);
    }
    return index;
  };
}

/** A JSON path segment: `answers.emerging-01`, or `answers["a b"]` for keys that need quoting. */
export function pathKey(parent: string, key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
