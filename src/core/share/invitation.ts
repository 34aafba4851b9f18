import { excerpt } from '../model/echo.ts';
import type { Framework } from '../model/framework.ts';
import { MAX_ID_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS } from '../model/limits.ts';
import type { Issue, Result } from '../model/result.ts';
import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import { isRecord, own } from '../model/json-value.ts';
import { FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION, readSkillscopeFramework } from '../model/framework-file.ts';
import { packPayload, unpackPayload } from '../io/packed-payload.ts';
import { displayNameProblem } from '../io/response-fields.ts';

/**
 * What a rater's link carries, in the URL fragment so that no server sees it: the survey, the
 * learner, the invitation, and for a framework outside the built-in set the framework itself.
 */
export type Invitation = {
  invitationId: string;
  frameworkId: string;
  learnerName: string;
  subjectId: string;
  group: OtherGroup;
  note: string;
  /** An HTTPS address the response is also POSTed to; null when the rater sends the file back. */
  endpoint: string | null;
  /** Only for frameworks outside the built-in set. */
  framework: Framework | null;
};

export const INVITATION_PREFIX = 'SKI1.';
const MAX_LINK_CHARS = 400_000;
const MAX_JSON_BYTES = 4_000_000;

export function encodeInvitation(invitation: Invitation): string {
  const { framework, ...rest } = invitation;
  return packPayload(INVITATION_PREFIX, { ...rest, framework: framework === null ? null : { format: FRAMEWORK_FORMAT, version: FRAMEWORK_FORMAT_VERSION, framework } });
}

/**
 * Why an address cannot be a collection endpoint, or undefined when it can: HTTPS (plain HTTP
 * only on this machine, for testing), and no user name or password, which a link would hand to
 * every rater and which can dress a foreign host up as a known one (`https://trusted@evil`).
 */
export function collectionEndpointProblem(value: string): string | undefined {
  if (value.length > MAX_ENDPOINT_CHARS) return `The collection address is longer than ${MAX_ENDPOINT_CHARS} characters.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${excerpt(value)} is not a web address.`;
  }
  const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  if (url.protocol !== 'https:' && !local) return 'The collection address must start with https://.';
  if (url.username !== '' || url.password !== '') return 'The collection address holds a user name or password (before an @); remove them: every rater would receive them.';
  return undefined;
}

const MAX_ENDPOINT_CHARS = 2_000;

const WHY: Record<string, string> = {
  prefix: 'This is not a Skillscope invitation link.',
  characters: 'The link has been changed or cut short: part of it is missing or altered.',
  damaged: 'The link is incomplete: it was probably cut short when it was copied.',
  checksum: 'The link was changed after it was made.',
  'too-large': 'The link is larger than any invitation.',
};

/** Reads the fragment of an invitation link; every problem is a sentence for the rater. */
export function decodeInvitation(payload: string, builtin: (id: string) => boolean): Result<Invitation> {
  const issue = (code: string, path: string, message: string): Issue => ({ code, path, message });
  if (payload.length > MAX_LINK_CHARS) return { ok: false, issues: [issue('invitation.too-large', '', WHY['too-large'] ?? '')] };
  let text = payload;
  try {
    text = decodeURIComponent(payload);
  } catch {
    // Already plain base64url.
  }
  const unpacked = unpackPayload(INVITATION_PREFIX, text, MAX_JSON_BYTES, 'invitation link');
  if (!unpacked.ok) return { ok: false, issues: unpacked.reason === 'json' ? unpacked.issues : [issue(`invitation.${unpacked.reason}`, '', WHY[unpacked.reason] ?? '')] };
  const value = unpacked.value;
  if (!isRecord(value)) return { ok: false, issues: [issue('invitation.damaged', '', WHY.damaged ?? '')] };

  const issues: Issue[] = [];
  const text$ = (key: string, label: string, max: number): string => {
    const v = own(value, key);
    if (typeof v === 'string' && v.length > max) {
      issues.push(issue('invitation.too-long', key, `The link's ${label} has ${v.length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')} are allowed.`));
      return '';
    }
    if (typeof v === 'string' && (key === 'note' || v.trim() !== '')) return v;
    issues.push(issue('invitation.bad-field', key, `The link's ${label} is missing.`));
    return '';
  };
  const invitationId = text$('invitationId', 'invitation id', MAX_ID_CHARS);
  const frameworkId = text$('frameworkId', 'framework', MAX_ID_CHARS);
  const learnerName = text$('learnerName', "learner's name", MAX_NAME_CHARS);
  // The rater's response carries this name as its subject_name: a name the response reader
  // would refuse must be refused here, before anyone answers.
  const nameProblem = learnerName === '' ? undefined : displayNameProblem(learnerName, "The link's learner's name");
  if (nameProblem !== undefined) issues.push(issue('invitation.bad-field', 'learnerName', nameProblem.message));
  const subjectId = text$('subjectId', "learner's id", MAX_ID_CHARS);
  const note = text$('note', 'note', MAX_NOTE_CHARS);
  const group = own(value, 'group');
  if (!(OTHER_GROUPS as readonly unknown[]).includes(group)) issues.push(issue('invitation.bad-field', 'group', 'The link names no rater group.'));
  const endpoint = own(value, 'endpoint');
  if (endpoint !== null) {
    const problem = typeof endpoint === 'string' ? collectionEndpointProblem(endpoint) : 'The collection address is not text.';
    if (problem !== undefined) issues.push(issue('invitation.bad-endpoint', 'endpoint', problem));
  }
  let framework: Framework | null = null;
  const embedded = own(value, 'framework');
  if (embedded !== null) {
    const read = readSkillscopeFramework(embedded, 'invitation link');
    if (!read.ok) issues.push(...read.issues);
    else if (read.value.id !== frameworkId) issues.push(issue('invitation.framework-mismatch', 'framework', 'The framework inside the link is not the one it names.'));
    else framework = read.value;
  } else if (frameworkId !== '' && !builtin(frameworkId)) {
    issues.push(issue('invitation.unknown-framework', 'frameworkId', `The link is for framework ${excerpt(frameworkId)}, which this Skillscope does not have, and does not carry it.`));
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { invitationId, frameworkId, learnerName, subjectId, group: group as OtherGroup, note, endpoint: typeof endpoint === 'string' ? endpoint : null, framework },
  };
}
