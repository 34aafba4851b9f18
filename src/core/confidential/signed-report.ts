import { readJson } from '../input/read-json.ts';
import { excerpt } from '../model/echo.ts';
import { LEVEL_IDS } from '../model/framework.ts';
import { own } from '../model/json-value.ts';
import { MAX_COMMENT_CHARS } from '../model/limits.ts';
import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import { type Result, fail, formatIssue } from '../model/result.ts';
import type { HiddenReason } from '../score/anonymity.ts';
import type { AttainedLevel } from '../score/attained-level.ts';
import type { AxisKind } from '../score/axes.ts';
import { compareText } from '../score/comments.ts';
import type { GapFlag } from '../score/gaps.ts';
import { SCORE_GROUPS, type ScoreGroup } from '../score/score-groups.ts';
import {
  type FrameworkRef, readExpectedFingerprint, readFrameworkRef, readLearner, readThresholds, type Thresholds,
} from './campaign-manifest.ts';
import { coachFingerprint, coachKeys, isFingerprint, openCompactJws, signCompactJws } from './coach-signing-key.ts';
import { SignedFieldReader } from './signed-fields.ts';
import type { SummaryRow } from '../io/summary-csv.ts';

/**
 * The signed 360 report (issue 10, "Report"): exactly what the learner may see of a confidential
 * 360, signed by the coach. Figures of shown groups per axis and per statement, flags, comments
 * of shown groups, every suppression notice; no per-rater row, no token, no time finer than
 * the day. Building it from scores is the report step's; this file is its type, its signature
 * and the checks a reader makes, which refuse a report that shows what the rules hide.
 */
export const REPORT_FORMAT = 'skillscope-report';
export const REPORT_VERSION = 1;
export const REPORT_TYP = 'skillscope-report+jws';

/**
 * Why a group's figures or comments are missing. The first two are scoring's (anonymity.ts);
 * `comments-below-threshold` hides a shown group's comments under the comment threshold.
 */
export type NoticeReason = HiddenReason | 'comments-below-threshold';
export const NOTICE_REASONS = ['hidden-below-3', 'folded-to-protect-remainder', 'comments-below-threshold'] as const satisfies readonly NoticeReason[];
// A reason scoring adds must be added here too, or reports that use it would not verify.
const everyReasonListed: [Exclude<NoticeReason, (typeof NOTICE_REASONS)[number]>] extends [never] ? true : false = true;
void everyReasonListed;

export type ReportNotice = {
  group: OtherGroup | 'others';
  reason: NoticeReason;
  /** How many responses the group has, where the report step tells it. */
  responses?: number;
};

/** An axis row: the fields of a summary.csv row, without subject and framework (the report's own). */
export type ReportAxis = Omit<SummaryRow, 'subject_id' | 'framework_id'>;

export type ReportStatement = {
  statement_id: string;
  rater_group: ScoreGroup;
  mean: number | null;
  sd: number | null;
  ratings: number;
  /** Self against others: only on a statement's `others` row. */
  flag?: GapFlag;
};

export type ReportComment = { rater_group: ScoreGroup; topic: string; text: string };

export type Report360 = {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  campaign_id: string;
  /** YYYY-MM-DD. */
  issued_on: string;
  framework: FrameworkRef;
  learner: { name: string; subject_id: string };
  /**
   * The coach's name, age recipient and fingerprint. The recipient is there so that a reader can
   * recompute the fingerprint from it and the key that signed the report: a fingerprint alone
   * would be a claim anyone could copy into a report they sign themselves.
   */
  coach: { name: string; recipient: string; fingerprint: string };
  thresholds: Thresholds;
  /** In SCORE_GROUPS order. Only these groups have figures or comments below. */
  groups_shown: ScoreGroup[];
  notices: ReportNotice[];
  axes: ReportAxis[];
  statements: ReportStatement[];
  /** Sorted by group, topic and text, never in the order they came in. */
  comments: ReportComment[];
};

export const MAX_REPORT_CHARS = 32_000_000;
const MAX_ROWS = 200_000;
const AXIS_KINDS = ['framework', 'level', 'domain'] as const satisfies readonly AxisKind[];
const ATTAINED: readonly AttainedLevel[] = [...LEVEL_IDS, 'not-yet'];
const GAP_FLAGS = ['blind-spot', 'hidden-strength'] as const satisfies readonly GapFlag[];
const NOTICE_GROUPS: readonly (OtherGroup | 'others')[] = [...OTHER_GROUPS, 'others'];
/** The largest sd of ratings from 1 to 4 (two ratings, 1 and 4): 3/√2. */
const MAX_SD = 2.2;

/** Signs a report: like signManifest, with `typ: skillscope-report+jws`. An invalid report or another coach's is a bug and throws. */
export async function signReport(report: Report360, identity: string): Promise<string> {
  const checked = readReport(report, 'report');
  if (!checked.ok) throw new Error(`signReport: the report is not valid: ${checked.issues.map(formatIssue).join('; ')}`);
  const keys = await coachKeys(identity);
  const { coach } = checked.value;
  if (coach.recipient !== keys.recipient || coach.fingerprint !== keys.fingerprint) {
    throw new Error('signReport: the report names another coach\'s keys than the identity signing it');
  }
  return signCompactJws(JSON.stringify(checked.value), REPORT_TYP, keys.signingKey);
}

export type ExpectedReport = {
  /** The coach's fingerprint, from the campaign manifest or as read aloud. */
  fingerprint?: string;
  /** The learner's campaign: a report of another campaign is refused. */
  campaignId?: string;
};

/**
 * A report, only when its signature holds, the key that signed it is the coach's the report
 * names (its fingerprint recomputed from that key and the recipient), and every field is valid;
 * and, when given, from the expected coach and for the expected campaign.
 */
export async function verifyReport(jws: string, file: string, expected: ExpectedReport = {}): Promise<Result<Report360>> {
  const fingerprint = readExpectedFingerprint(expected.fingerprint, file);
  if (!fingerprint.ok) return fingerprint;
  const opened = openCompactJws(jws, { file, typ: REPORT_TYP, maxChars: MAX_REPORT_CHARS });
  if (!opened.ok) return opened;
  const json = readJson(opened.value.payloadText, { file });
  if (!json.ok) return json;
  const report = readReport(json.value, file);
  if (!report.ok) return report;
  const { coach, campaign_id: campaignId } = report.value;
  const actual = coachFingerprint(opened.value.publicJwk, coach.recipient);
  if (actual !== coach.fingerprint) {
    return fail([{
      code: 'report.key-mismatch', file, path: 'coach.fingerprint',
      message: `The report is signed by a key other than the coach's it names (its fingerprint would be ${actual}, not ${coach.fingerprint}): someone other than the coach signed it. Do not use it.`,
    }]);
  }
  if (fingerprint.value !== undefined && actual !== fingerprint.value) {
    return fail([{
      code: 'report.unexpected-coach', file, path: 'coach',
      message: `The report is signed by the coach key ${actual}, not ${fingerprint.value}, the key of your campaign's coach: it comes from someone else.`,
    }]);
  }
  if (expected.campaignId !== undefined && campaignId !== expected.campaignId) {
    return fail([{
      code: 'report.other-campaign', file, path: 'campaign_id',
      message: `The report is for campaign ${excerpt(campaignId)}, not ${excerpt(expected.campaignId)}: it belongs to another 360.`,
    }]);
  }
  return report;
}

const REPORT_KEYS = ['format', 'version', 'campaign_id', 'issued_on', 'framework', 'learner', 'coach', 'thresholds', 'groups_shown', 'notices', 'axes', 'statements', 'comments'];

/**
 * Every field of a report checked, every problem listed. Beyond types and ranges, the rules a
 * learner relies on: figures and comments only for shown groups, a hidden group not also
 * shown, comments in an order that says nothing about who wrote them, no key the format lacks.
 */
export function readReport(value: unknown, file: string): Result<Report360> {
  const r = new SignedFieldReader(file, 'report', 'a signed 360 report');
  const root = r.root(value, REPORT_FORMAT, REPORT_VERSION, REPORT_KEYS);
  if (root === undefined) return fail(r.issues);
  const campaignId = r.id(root, 'campaign_id', '');
  const issuedOn = r.day(root, 'issued_on', '');
  const framework = readFrameworkRef(r, root);
  const learner = readLearner(r, root);
  const coachRecord = r.object(own(root, 'coach'), 'coach', ['name', 'recipient', 'fingerprint']);
  const coach = { name: '', recipient: '', fingerprint: '' };
  if (coachRecord !== undefined) {
    coach.name = r.name(coachRecord, 'name', 'coach');
    coach.recipient = r.recipient(coachRecord, 'recipient', 'coach');
    coach.fingerprint = r.text(coachRecord, 'fingerprint', 'coach', 19);
    if (coach.fingerprint !== '' && !isFingerprint(coach.fingerprint)) r.problem('bad-fingerprint', 'coach.fingerprint', 'coach.fingerprint must be written as four groups of four, such as K7QD-2MXA-9FZR-4TNE.');
  }
  const thresholds = readThresholds(r, root);

  const shown = new Set<ScoreGroup>();
  r.list(root, 'groups_shown', '', SCORE_GROUPS.length).forEach((item, index) => {
    const at = `groups_shown[${index}]`;
    if (!(SCORE_GROUPS as readonly unknown[]).includes(item)) r.problem('bad-value', at, `${at} must be one of ${SCORE_GROUPS.join(', ')}.`);
    else if (shown.has(item as ScoreGroup)) r.problem('duplicate-group', at, `${item as string} is listed twice in groups_shown.`);
    else shown.add(item as ScoreGroup);
  });
  const groupsShown = SCORE_GROUPS.filter((group) => shown.has(group));
  /** A figure or comment of a group that is not shown is exactly what the report must never hold. */
  const shownGroup = (record: Record<string, unknown>, at: string): ScoreGroup => {
    const group = r.choice(record, 'rater_group', at, SCORE_GROUPS);
    if (group !== undefined && !shown.has(group)) {
      r.problem('hidden-group-shown', `${at}.rater_group`, `${at} gives the ${group} group, which the report does not show: a hidden group's figures and comments must not be in it.`);
    }
    return group ?? 'self';
  };

  const notices = r.list(root, 'notices', '', SCORE_GROUPS.length * NOTICE_REASONS.length).flatMap((item, index): ReportNotice[] => {
    const at = `notices[${index}]`;
    const record = r.object(item, at, ['group', 'reason', 'responses']);
    if (record === undefined) return [];
    const group = r.choice(record, 'group', at, NOTICE_GROUPS);
    const reason = r.choice(record, 'reason', at, NOTICE_REASONS);
    const notice: ReportNotice = { group: group ?? 'others', reason: reason ?? 'hidden-below-3' };
    if (own(record, 'responses') !== undefined) notice.responses = r.integer(record, 'responses', at, 0, Number.MAX_SAFE_INTEGER);
    if (group !== undefined && reason !== undefined && reason !== 'comments-below-threshold' && shown.has(group)) {
      r.problem('hidden-group-shown', `${at}.group`, `The ${group} group is both shown and noted as hidden.`);
    }
    return [notice];
  });

  const axisKeys = new Set<string>();
  const axes = r.list(root, 'axes', '', MAX_ROWS).flatMap((item, index): ReportAxis[] => {
    const at = `axes[${index}]`;
    const record = r.object(item, at, ['axis_kind', 'axis_id', 'rater_group', 'raters', 'ratings', 'mean', 'percent', 'sd', 'attained_level']);
    if (record === undefined) return [];
    const axisKind = r.choice(record, 'axis_kind', at, AXIS_KINDS) ?? 'framework';
    const row: ReportAxis = {
      axis_kind: axisKind,
      axis_id: r.id(record, 'axis_id', at),
      rater_group: shownGroup(record, at),
      raters: r.integer(record, 'raters', at, 0, Number.MAX_SAFE_INTEGER),
      ratings: r.integer(record, 'ratings', at, 0, Number.MAX_SAFE_INTEGER),
      mean: r.figure(record, 'mean', at, 1, 4),
      percent: r.figure(record, 'percent', at, 0, 100),
      sd: r.figure(record, 'sd', at, 0, MAX_SD),
      attained_level: attainedLevel(r, record, at, axisKind),
    };
    checkFigures(r, at, row.ratings, row.mean, row.sd, row.raters);
    if ((row.mean === null) !== (row.percent === null)) r.problem('inconsistent', `${at}.percent`, `${at} must give percent exactly when it gives a mean.`);
    unique(r, axisKeys, [row.axis_kind, row.axis_id, row.rater_group], `${at}`, 'axis row');
    return [row];
  });

  const statementKeys = new Set<string>();
  const statements = r.list(root, 'statements', '', MAX_ROWS).flatMap((item, index): ReportStatement[] => {
    const at = `statements[${index}]`;
    const record = r.object(item, at, ['statement_id', 'rater_group', 'mean', 'sd', 'ratings', 'flag']);
    if (record === undefined) return [];
    const row: ReportStatement = {
      statement_id: r.id(record, 'statement_id', at),
      rater_group: shownGroup(record, at),
      mean: r.figure(record, 'mean', at, 1, 4),
      sd: r.figure(record, 'sd', at, 0, MAX_SD),
      ratings: r.integer(record, 'ratings', at, 0, Number.MAX_SAFE_INTEGER),
    };
    if (own(record, 'flag') !== undefined) {
      const flag = r.choice(record, 'flag', at, GAP_FLAGS);
      if (flag !== undefined) row.flag = flag;
      if (row.rater_group !== 'others') r.problem('inconsistent', `${at}.flag`, `${at} has a flag, which compares self with others and sits on the statement's others row only.`);
    }
    checkFigures(r, at, row.ratings, row.mean, row.sd, undefined);
    unique(r, statementKeys, [row.statement_id, row.rater_group], at, 'statement row');
    return [row];
  });

  let previous: ReportComment | undefined;
  const comments = r.list(root, 'comments', '', MAX_ROWS).flatMap((item, index): ReportComment[] => {
    const at = `comments[${index}]`;
    const record = r.object(item, at, ['rater_group', 'topic', 'text']);
    if (record === undefined) return [];
    const comment: ReportComment = { rater_group: shownGroup(record, at), topic: r.id(record, 'topic', at), text: r.text(record, 'text', at, MAX_COMMENT_CHARS) };
    if (previous !== undefined && compareComments(previous, comment) > 0) {
      r.problem('comments-unsorted', at, 'Comments must be listed by group, then topic, then text, so that their order cannot tell who wrote them.');
    }
    previous = comment;
    return [comment];
  });

  if (r.issues.length > 0) return fail(r.issues);
  return {
    ok: true,
    value: {
      format: REPORT_FORMAT, version: REPORT_VERSION, campaign_id: campaignId, issued_on: issuedOn, framework, learner, coach, thresholds,
      groups_shown: groupsShown, notices, axes, statements, comments,
    },
  };
}

function attainedLevel(r: SignedFieldReader, record: Record<string, unknown>, at: string, kind: AxisKind): AttainedLevel | null {
  const value = own(record, 'attained_level');
  if (kind === 'level') {
    if (value !== null) r.problem('inconsistent', `${at}.attained_level`, `${at} is a level axis: its attained_level must be null.`);
    return null;
  }
  return r.choice(record, 'attained_level', at, ATTAINED) ?? 'not-yet';
}

/** DESIGN.md: no mean without a rating, no sd under 2 ratings; raters only with ratings. */
function checkFigures(r: SignedFieldReader, at: string, ratings: number, mean: number | null, sd: number | null, raters: number | undefined): void {
  if ((ratings === 0) !== (mean === null)) r.problem('inconsistent', `${at}.mean`, `${at} must give a mean exactly when it has ratings.`);
  if (sd !== null && ratings < 2) r.problem('inconsistent', `${at}.sd`, `${at} gives an sd for fewer than 2 ratings.`);
  if (raters !== undefined && (raters > ratings || (raters === 0) !== (ratings === 0))) {
    r.problem('inconsistent', `${at}.raters`, `${at} has ${raters} raters for ${ratings} ratings.`);
  }
}

function unique(r: SignedFieldReader, seen: Set<string>, key: readonly string[], at: string, what: string): void {
  const joined = JSON.stringify(key);
  if (seen.has(joined)) r.problem('duplicate-row', at, `${at} repeats an earlier ${what} (${key.map((part) => excerpt(part, 30)).join(', ')}).`);
  seen.add(joined);
}

function compareComments(a: ReportComment, b: ReportComment): number {
  return SCORE_GROUPS.indexOf(a.rater_group) - SCORE_GROUPS.indexOf(b.rater_group) || compareText(a.topic, b.topic) || compareText(a.text, b.text);
}
