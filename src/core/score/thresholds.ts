import { showValue } from '../model/echo.ts';
import { fail, type Issue, ok, type Result } from '../model/result.ts';

/**
 * Every threshold of DESIGN.md's scoring rules, named once. The rules and the app's sentences
 * read them from here, so a sentence can never state a bar the scoring does not use.
 */

/** "Anonymity": a rater group (or `others`) needs this many responses to be shown on its own. */
export const MIN_GROUP_RESPONSES = 3;
/** "Anonymity": the manager is shown on its own, from one response. */
export const MANAGER_SHOWN_ALONE = 1;

/**
 * Issue 10, "Thresholds the coach sets": how many responses each group needs to be shown on its
 * own, `others` to be shown at all, and a group to have its comments shown. A threshold of 1
 * (the manager's only) says the group is not anonymous: it is shown, comments included, from
 * its first response.
 */
export type AnonymityThresholds = {
  manager: number;
  peer: number;
  'direct-report': number;
  other: number;
  others: number;
  comments: number;
};

export const THRESHOLD_KEYS = ['manager', 'peer', 'direct-report', 'other', 'others', 'comments'] as const satisfies readonly (keyof AnonymityThresholds)[];

/** DESIGN.md's rule: the manager shown alone, every other group, `others` and comments at 3. */
export const DEFAULT_THRESHOLDS: Readonly<AnonymityThresholds> = Object.freeze({
  manager: MANAGER_SHOWN_ALONE,
  peer: MIN_GROUP_RESPONSES,
  'direct-report': MIN_GROUP_RESPONSES,
  other: MIN_GROUP_RESPONSES,
  others: MIN_GROUP_RESPONSES,
  comments: MIN_GROUP_RESPONSES,
});

/**
 * The lowest each threshold may be set: 2 for every group that pools raters, so no figure or
 * comment set is ever one anonymous rater's; 1 for the manager, whom DESIGN.md shows alone.
 */
export const LOWEST_THRESHOLDS: Readonly<AnonymityThresholds> = Object.freeze({
  manager: 1,
  peer: 2,
  'direct-report': 2,
  other: 2,
  others: 2,
  comments: 2,
});

const NAMES: Readonly<Record<keyof AnonymityThresholds, string>> = {
  manager: 'manager',
  peer: 'peer',
  'direct-report': 'direct-report',
  other: 'other-rater',
  others: 'all-others',
  comments: 'comment',
};

/**
 * Thresholds as a coach or a file gives them: an object with exactly the six keys, each a whole
 * number no lower than LOWEST_THRESHOLDS. Every problem is listed; `path` names where the object
 * sits in its file. A caller that lets a user give only some keys spreads DEFAULT_THRESHOLDS
 * under them first.
 */
export function checkThresholds(value: unknown, path = 'thresholds'): Result<AnonymityThresholds> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail([{ code: 'thresholds.not-object', path, message: `The anonymity thresholds must be an object with ${THRESHOLD_KEYS.map((key) => `"${key}"`).join(', ')}; found ${showValue(value)}.` }]);
  }
  const issues: Issue[] = [];
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(THRESHOLD_KEYS as readonly string[]).includes(key)) {
      issues.push({ code: 'thresholds.unknown-key', path: `${path}.${key}`, message: `${showValue(key)} is not an anonymity threshold; the thresholds are ${THRESHOLD_KEYS.map((k) => `"${k}"`).join(', ')}.` });
    }
  }
  const checked = { ...DEFAULT_THRESHOLDS };
  for (const key of THRESHOLD_KEYS) {
    const at = `${path}.${key}`;
    const lowest = LOWEST_THRESHOLDS[key];
    const given = Object.hasOwn(record, key) ? record[key] : undefined;
    if (given === undefined) {
      issues.push({ code: 'thresholds.missing', path: at, message: `The ${NAMES[key]} threshold is missing: give a whole number of responses, at least ${lowest}.` });
    } else if (typeof given !== 'number' || !Number.isSafeInteger(given)) {
      issues.push({ code: 'thresholds.not-integer', path: at, message: `The ${NAMES[key]} threshold must be a whole number of responses, at least ${lowest}; found ${showValue(given)}.` });
    } else if (given < lowest) {
      const why = key === 'manager' ? 'a group needs at least one response to be shown' : "with fewer, one rater's answers could be shown on their own";
      issues.push({ code: 'thresholds.too-low', path: at, message: `The ${NAMES[key]} threshold must be at least ${lowest} (${why}); found ${given}.` });
    } else {
      checked[key] = given;
    }
  }
  return issues.length === 0 ? ok(checked) : fail(issues);
}

/** "Attained level": a level is met when its mean is at least this ("Independently")... */
export const ATTAINMENT_MEAN = 3;
/** ...and at least this share of its statements is rated. */
export const ATTAINMENT_COVERAGE = 0.5;

/** "Gap": a statement is a blind spot or hidden strength when self and others differ this much. */
export const FLAG_THRESHOLD = 1.0;

/**
 * Decision (DESIGN.md is silent): a strength is a statement whose mean rating from the group is
 * at least this. For one response (self, a lone manager) that is exactly a 4, "Consistently,
 * and can guide others"; for a group a mean nearer 4 than 3.
 */
export const STRENGTH_MEAN = 3.5;
