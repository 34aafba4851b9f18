import { readJson } from '../input/read-json.ts';
import { excerpt, showValue } from '../model/echo.ts';
import { isKebabId } from '../model/ids.ts';
import { isRecord, own, pathKey } from '../model/json-value.ts';
import { MAX_ID_CHARS, MAX_NAME_CHARS } from '../model/limits.ts';
import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import type { Issue, Result } from '../model/result.ts';

/**
 * The nomination file (issue 10, step 3): the raters a learner proposes for a confidential 360,
 * by name, e-mail address and group. The learner hands it to the coach, who issues the links:
 * the file holds no token and no link, so nothing the learner holds lets them answer as a rater.
 */
export const NOMINATION_FORMAT = 'skillscope-nomination';
export const NOMINATION_VERSION = 1;
/** The coach's campaign form invites at most this many raters to one group. */
export const MAX_NOMINEES_PER_GROUP = 50;
/** RFC 5321's limit on a forward path, less its angle brackets. */
export const MAX_EMAIL_CHARS = 254;

export type NominatedRater = { name: string; email: string; group: OtherGroup };
export type Nomination = { learner: { name: string; subjectId: string }; frameworkId: string; raters: NominatedRater[] };

/**
 * A plain `local@domain.tld`: letters (any script), digits and `. _ + ' -`, one `@`, a dotted
 * domain. Deliberately narrower than RFC 5322 (no quoted local parts, no comments): the address
 * goes into a `mailto:` link, where `?`, `&`, `#`, `%`, `,` or spaces would add a second
 * recipient or a header.
 */
const EMAIL = /^[\p{L}\p{N}._+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const TOP_KEYS = ['format', 'version', 'learner', 'framework_id', 'raters'];
const LEARNER_KEYS = ['name', 'subject_id'];
const RATER_KEYS = ['name', 'email', 'group'];

export function isPlainEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_CHARS && EMAIL.test(value) && !value.startsWith('.') && !value.includes('..') && !value.includes('.@');
}

/** The file's text: snake_case fields like Skillscope's other files, one rater per entry. */
export function writeNomination(nomination: Nomination): string {
  const file = {
    format: NOMINATION_FORMAT,
    version: NOMINATION_VERSION,
    learner: { name: nomination.learner.name, subject_id: nomination.learner.subjectId },
    framework_id: nomination.frameworkId,
    raters: nomination.raters.map(({ name, email, group }) => ({ name, email, group })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadNominationOptions = {
  /**
   * A list still being written (the learner's stored rows): names and addresses may be blank or
   * not yet an address, the list may be empty and may repeat an address. Types, caps and groups
   * are checked all the same.
   */
  draft?: boolean;
};

/**
 * Reads a nomination file, listing every problem with its path. `lookupFramework` says whether
 * this browser has the framework; without it the framework id is checked only for its form.
 */
export function readNomination(text: string, file: string, lookupFramework?: (id: string) => boolean, options: ReadNominationOptions = {}): Result<Nomination> {
  const json = readJson(text, { file, maxDepth: 8 });
  if (!json.ok) return json;
  const draft = options.draft === true;
  const issues: Issue[] = [];
  const problem = (code: string, path: string, message: string) => issues.push({ code: `nomination.${code}`, file, path, message });
  const root = json.value;
  if (!isRecord(root) || own(root, 'format') !== NOMINATION_FORMAT) {
    problem('unknown-format', 'format', `This is not a nomination file: its format must be "${NOMINATION_FORMAT}".`);
    return { ok: false, issues };
  }
  if (own(root, 'version') !== NOMINATION_VERSION) {
    problem('unsupported-version', 'version', `This Skillscope reads version ${NOMINATION_VERSION} of nomination files, not ${showValue(own(root, 'version'))}; update Skillscope to read this one.`);
    return { ok: false, issues };
  }

  const unknownKeys = (record: Record<string, unknown>, path: string, keys: readonly string[]) => {
    for (const key of Object.keys(record)) {
      if (!keys.includes(key)) problem('unknown-field', pathKey(path, key), `${excerpt(key)} is not a field of a nomination file.`);
    }
  };
  const field = (record: Record<string, unknown>, key: string, path: string, max: number, blankAllowed: boolean): string => {
    const at = pathKey(path, key);
    const value = own(record, key);
    if (value === undefined) {
      problem('missing-field', at, `${at} is missing.`);
      return '';
    }
    if (typeof value !== 'string') {
      problem('bad-type', at, `${at} must be text, not ${showValue(value)}.`);
      return '';
    }
    if (value.length > max) {
      problem('too-long', at, `${at} has ${value.length.toLocaleString('en')} characters, starting ${excerpt(value, 20)}; at most ${max.toLocaleString('en')} are allowed.`);
      return '';
    }
    if (CONTROL.test(value)) {
      problem('control-character', at, `${at} ${excerpt(value)} holds a line break or control character.`);
      return '';
    }
    if (!blankAllowed && value.trim() === '') problem('blank', at, `${at} is blank.`);
    return value.trim();
  };

  unknownKeys(root, '', TOP_KEYS);

  let learner = { name: '', subjectId: '' };
  const learnerValue = own(root, 'learner');
  if (!isRecord(learnerValue)) {
    problem(learnerValue === undefined ? 'missing-field' : 'bad-type', 'learner', 'learner must be an object with the learner\'s name and subject_id.');
  } else {
    unknownKeys(learnerValue, 'learner', LEARNER_KEYS);
    learner = { name: field(learnerValue, 'name', 'learner', MAX_NAME_CHARS, false), subjectId: field(learnerValue, 'subject_id', 'learner', MAX_ID_CHARS, false) };
  }

  const frameworkId = field(root, 'framework_id', '', MAX_ID_CHARS, false);
  if (frameworkId !== '') {
    if (!isKebabId(frameworkId)) problem('bad-framework-id', 'framework_id', `framework_id ${excerpt(frameworkId)} is not a framework id (lower-case letters, digits and dashes).`);
    else if (lookupFramework !== undefined && !lookupFramework(frameworkId)) {
      problem('unknown-framework', 'framework_id', `The nomination is for framework ${excerpt(frameworkId)}, which this browser does not have: open its framework file first.`);
    }
  }

  const raters: NominatedRater[] = [];
  const ratersValue = own(root, 'raters');
  if (!Array.isArray(ratersValue)) {
    problem(ratersValue === undefined ? 'missing-field' : 'bad-type', 'raters', 'raters must be a list of the people nominated, each with a name, an e-mail address and a group.');
  } else if (ratersValue.length > MAX_NOMINEES_PER_GROUP * OTHER_GROUPS.length) {
    problem('too-many', 'raters', `raters has ${ratersValue.length.toLocaleString('en')} entries; at most ${MAX_NOMINEES_PER_GROUP * OTHER_GROUPS.length} are allowed.`);
  } else {
    if (ratersValue.length === 0 && !draft) problem('no-raters', 'raters', 'Nominate at least one rater.');
    const seen = new Map<string, number>();
    const perGroup = new Map<OtherGroup, number>();
    (ratersValue as unknown[]).forEach((item, index) => {
      const path = `raters[${index}]`;
      if (!isRecord(item)) {
        problem('bad-type', path, `${path} must be an object with a name, an e-mail address and a group.`);
        return;
      }
      unknownKeys(item, path, RATER_KEYS);
      const name = field(item, 'name', path, MAX_NAME_CHARS, draft);
      const email = field(item, 'email', path, MAX_EMAIL_CHARS, draft);
      if (!draft && email !== '' && !isPlainEmail(email)) {
        problem('bad-email', `${path}.email`, `${path}.email ${excerpt(email)} is not an e-mail address written name@example.org.`);
      }
      const group = own(item, 'group');
      if (!(OTHER_GROUPS as readonly unknown[]).includes(group)) {
        problem(group === undefined ? 'missing-field' : 'bad-group', `${path}.group`, `${path}.group must be one of ${OTHER_GROUPS.join(', ')}, not ${showValue(group)}.`);
        return;
      }
      const known = group as OtherGroup;
      perGroup.set(known, (perGroup.get(known) ?? 0) + 1);
      const key = email.toLowerCase();
      const first = seen.get(key);
      if (!draft && email !== '' && first !== undefined) {
        problem('duplicate-email', `${path}.email`, `${path}.email ${excerpt(email)} is also raters[${first}]'s: each rater gets one invitation, so nominate each person once.`);
      } else if (email !== '') {
        seen.set(key, index);
      }
      raters.push({ name, email, group: known });
    });
    for (const [group, count] of perGroup) {
      if (count > MAX_NOMINEES_PER_GROUP) problem('too-many', 'raters', `${count} raters are nominated as ${group}; at most ${MAX_NOMINEES_PER_GROUP} per group are allowed.`);
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { learner, frameworkId, raters } };
}

/** How many raters the nomination puts in each group: the counts the coach's campaign starts from. */
export function nominatedCounts(raters: readonly NominatedRater[]): Record<OtherGroup, number> {
  const counts: Record<OtherGroup, number> = { manager: 0, peer: 0, 'direct-report': 0, other: 0 };
  for (const rater of raters) counts[rater.group] += 1;
  return counts;
}

/**
 * Which nominated rater each invitation is for: within a group, the raters in the order the
 * learner listed them take the group's invitations in the order they were issued. A group
 * given more invitations than nominees leaves the rest unnamed; fewer leaves the last nominees
 * without one (`uninvited`).
 */
export function pairNominees<I extends { invitationId: string; group: OtherGroup }>(
  invitations: readonly I[], raters: readonly NominatedRater[],
): { named: Map<string, NominatedRater>; uninvited: NominatedRater[] } {
  const waiting = new Map<OtherGroup, NominatedRater[]>(OTHER_GROUPS.map((group) => [group, raters.filter((rater) => rater.group === group)]));
  const named = new Map<string, NominatedRater>();
  for (const invitation of invitations) {
    const next = waiting.get(invitation.group)?.shift();
    if (next !== undefined) named.set(invitation.invitationId, next);
  }
  return { named, uninvited: OTHER_GROUPS.flatMap((group) => waiting.get(group) ?? []) };
}
