import { readJson } from '../input/read-json.ts';
import { excerpt } from '../model/echo.ts';
import type { Framework } from '../model/framework.ts';
import { isKebabId } from '../model/ids.ts';
import { isRecord, own } from '../model/json-value.ts';
import { MAX_NAME_CHARS } from '../model/limits.ts';
import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import { type Result, fail, formatIssue, ok } from '../model/result.ts';
import { type AnonymityThresholds, checkThresholds, DEFAULT_THRESHOLDS } from '../score/thresholds.ts';
import {
  coachFingerprint, coachKeys, type Ed25519PublicJwk, openCompactJws, publicJwkProblem, readFingerprint,
  sha256Base64Url, sha256Hex, signCompactJws,
} from './coach-signing-key.ts';
import { SignedFieldReader } from './signed-fields.ts';

/**
 * The campaign manifest (issue 10, "Campaign"): what a coach sets up for one learner's
 * confidential 360, signed by the coach. A rater's page checks it before anything is sealed,
 * and the coach's import takes each response's group from it, by the invitation's token.
 * Field names are snake_case, like the response file's, since the manifest is a file others read.
 */
export const MANIFEST_FORMAT = 'skillscope-campaign';
export const MANIFEST_VERSION = 1;
export const MANIFEST_TYP = 'skillscope-campaign+jws';

/** The coach's anonymity thresholds, as scoring applies them (score/thresholds.ts). */
export type Thresholds = AnonymityThresholds;

export type FrameworkRef = {
  id: string;
  version: string;
  /** Lower-case hex SHA-256 of the framework's canonical JSON (frameworkSha256). */
  sha256: string;
  title: string;
};

export type Invitation360 = {
  invitation_id: string;
  group: OtherGroup;
  /** base64url SHA-256 of the invitation's secret token: the manifest never holds a token. */
  token_sha256: string;
};

export type CampaignManifest = {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  campaign_id: string;
  /** Days (YYYY-MM-DD), never a time: nothing finer is needed, and a day says less about anyone. */
  created_on: string;
  closes_on: string;
  framework: FrameworkRef;
  learner: { name: string; subject_id: string };
  coach: { name: string; /** The age recipient (age1…) responses are sealed to. */ recipient: string; signing_key: Ed25519PublicJwk };
  thresholds: Thresholds;
  invitations: Invitation360[];
};

/** A campaign for one learner; generous for a bench that opens 10,000 sealed files. */
export const MAX_INVITATIONS = 20_000;
export const MAX_MANIFEST_CHARS = 8_000_000;

/**
 * The framework's content hash: SHA-256 of its model as JSON with every object's keys sorted
 * (code-unit order) and no white space. There is no Skillscope framework file writer in core
 * to take the text from, and a hash of the model does not change with how a file was
 * formatted. For a framework (strings, booleans, lists; no numbers) this is the RFC 8785
 * canonical form, so any JCS library gives the same hash.
 */
export function frameworkSha256(framework: Framework): string {
  return sha256Hex(canonicalJson(framework));
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How an invitation's secret token is held in the manifest: base64url SHA-256 of its UTF-8. */
export function tokenSha256(token: string): string {
  return sha256Base64Url(token);
}

/** The coach part of a manifest from the coach's identity and name. */
export async function manifestCoach(identity: string, name: string): Promise<CampaignManifest['coach']> {
  const { recipient, publicJwk } = await coachKeys(identity);
  return { name, recipient, signing_key: publicJwk };
}

/**
 * Signs a manifest with the coach's identity: compact JWS, `alg: EdDSA`, `typ:
 * skillscope-campaign+jws`, the public key in the header's `jwk`. The campaign builder checks
 * what a person typed (readCampaignManifest) before it gets here, so a manifest that would not
 * verify, or that names another coach's keys, is a bug and throws.
 */
export async function signManifest(manifest: CampaignManifest, identity: string): Promise<string> {
  const checked = readCampaignManifest(manifest, 'manifest');
  if (!checked.ok) throw new Error(`signManifest: the manifest is not valid: ${checked.issues.map(formatIssue).join('; ')}`);
  const keys = await coachKeys(identity);
  const { coach } = checked.value;
  if (coach.signing_key.x !== keys.publicJwk.x || coach.recipient !== keys.recipient) {
    throw new Error('signManifest: the manifest names another coach\'s keys than the identity signing it');
  }
  return signCompactJws(JSON.stringify(checked.value), MANIFEST_TYP, keys.signingKey);
}

export type VerifyManifestOptions = {
  /** The coach's fingerprint as the reader knows it (read aloud, printed): the manifest must be theirs. */
  fingerprint?: string;
};

/**
 * A manifest, only when its signature holds, by the key the manifest itself names as the
 * coach's, and every field is valid. Without `fingerprint` that proves the file is whole and
 * self-consistent, not who made it: anyone can sign a manifest with a key of their own. The
 * rater's page shows the fingerprint for that; the coach's own app passes it.
 */
export async function verifyManifest(jws: string, file: string, options: VerifyManifestOptions = {}): Promise<Result<CampaignManifest>> {
  const expected = readExpectedFingerprint(options.fingerprint, file);
  if (!expected.ok) return expected;
  const opened = openCompactJws(jws, { file, typ: MANIFEST_TYP, maxChars: MAX_MANIFEST_CHARS });
  if (!opened.ok) return opened;
  const json = readJson(opened.value.payloadText, { file });
  if (!json.ok) return json;
  const manifest = readCampaignManifest(json.value, file);
  if (!manifest.ok) return manifest;
  const { coach } = manifest.value;
  if (coach.signing_key.x !== opened.value.publicJwk.x) {
    return fail([{
      code: 'manifest.key-mismatch', file, path: 'coach.signing_key',
      message: 'The manifest is signed by a key other than the coach\'s signing key it names: someone other than the coach signed it. Do not use it.',
    }]);
  }
  const actual = coachFingerprint(coach.signing_key, coach.recipient);
  if (expected.value !== undefined && actual !== expected.value) {
    return fail([{
      code: 'manifest.unexpected-coach', file, path: 'coach',
      message: `The manifest is signed by the coach key ${actual}, not ${expected.value} as expected: it comes from someone else, or the coach has a new key. Check with the coach before answering.`,
    }]);
  }
  return manifest;
}

/** A fingerprint given to a verifier, as a person typed it. */
export function readExpectedFingerprint(text: string | undefined, file: string): Result<string | undefined> {
  if (text === undefined) return ok(undefined);
  const fingerprint = readFingerprint(text);
  if (fingerprint !== undefined) return ok(fingerprint);
  return fail([{
    code: 'fingerprint.malformed', file, path: 'fingerprint',
    message: `${excerpt(text, 30)} is not a key fingerprint: one has 16 letters and digits in four groups, such as K7QD-2MXA-9FZR-4TNE.`,
  }]);
}

const MANIFEST_KEYS = ['format', 'version', 'campaign_id', 'created_on', 'closes_on', 'framework', 'learner', 'coach', 'thresholds', 'invitations'];

/** Every field of a manifest checked, every problem listed; the value rebuilt in field order. */
export function readCampaignManifest(value: unknown, file: string): Result<CampaignManifest> {
  const r = new SignedFieldReader(file, 'manifest', 'a campaign manifest');
  const root = r.root(value, MANIFEST_FORMAT, MANIFEST_VERSION, MANIFEST_KEYS);
  if (root === undefined) return fail(r.issues);
  const campaignId = r.id(root, 'campaign_id', '');
  const createdOn = r.day(root, 'created_on', '');
  const closesOn = r.day(root, 'closes_on', '');
  if (createdOn !== '' && closesOn !== '' && closesOn < createdOn) {
    r.problem('closes-before-created', 'closes_on', `The campaign closes on ${closesOn}, before it was created on ${createdOn}.`);
  }
  const framework = readFrameworkRef(r, root);
  const learner = readLearner(r, root);

  const coachRecord = r.object(own(root, 'coach'), 'coach', ['name', 'recipient', 'signing_key']);
  const coachName = coachRecord === undefined ? '' : r.name(coachRecord, 'name', 'coach');
  const recipient = coachRecord === undefined ? '' : r.recipient(coachRecord, 'recipient', 'coach');
  let signingKey: Ed25519PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: '' };
  if (coachRecord !== undefined) {
    const jwk = own(coachRecord, 'signing_key');
    const problem = jwk === undefined ? 'It is missing.' : publicJwkProblem(jwk);
    if (problem === undefined) signingKey = { kty: 'OKP', crv: 'Ed25519', x: own(jwk as Record<string, unknown>, 'x') as string };
    else r.problem('bad-key', 'coach.signing_key', `coach.signing_key must be the coach's Ed25519 public key as a JWK. ${problem}`);
  }
  const thresholds = readThresholds(r, root);

  const invitations: Invitation360[] = [];
  const ids = new Map<string, number>();
  const tokens = new Map<string, number>();
  r.list(root, 'invitations', '', MAX_INVITATIONS).forEach((item, index) => {
    const at = `invitations[${index}]`;
    const record = r.object(item, at, ['invitation_id', 'group', 'token_sha256']);
    if (record === undefined) return;
    const invitation: Invitation360 = {
      invitation_id: r.id(record, 'invitation_id', at),
      group: r.choice(record, 'group', at, OTHER_GROUPS) ?? 'peer',
      token_sha256: r.digest(record, 'token_sha256', at),
    };
    const sameId = ids.get(invitation.invitation_id);
    if (invitation.invitation_id !== '' && sameId !== undefined) {
      r.problem('duplicate-invitation', `${at}.invitation_id`, `Invitation id ${excerpt(invitation.invitation_id)} is also that of invitations[${sameId}]; each invitation needs its own.`);
    } else {
      ids.set(invitation.invitation_id, index);
    }
    const sameToken = tokens.get(invitation.token_sha256);
    if (invitation.token_sha256 !== '' && sameToken !== undefined) {
      r.problem('duplicate-token', `${at}.token_sha256`, `This token is also that of invitations[${sameToken}]: two raters could not be told apart, so each invitation needs its own token.`);
    } else {
      tokens.set(invitation.token_sha256, index);
    }
    invitations.push(invitation);
  });
  if (r.issues.length > 0) return fail(r.issues);
  return ok({
    format: MANIFEST_FORMAT, version: MANIFEST_VERSION, campaign_id: campaignId, created_on: createdOn, closes_on: closesOn, framework, learner,
    coach: { name: coachName, recipient, signing_key: signingKey }, thresholds, invitations,
  });
}

export function readFrameworkRef(r: SignedFieldReader, root: Record<string, unknown>): FrameworkRef {
  const record = r.object(own(root, 'framework'), 'framework', ['id', 'version', 'sha256', 'title']);
  if (record === undefined) return { id: '', version: '', sha256: '', title: '' };
  const id = r.id(record, 'id', 'framework');
  if (id !== '' && !isKebabId(id)) r.problem('bad-id', 'framework.id', `Framework id ${excerpt(id)} must be lower-case kebab, such as css-durable-skills.`);
  const version = r.text(record, 'version', 'framework', MAX_NAME_CHARS, true);
  const sha256 = r.text(record, 'sha256', 'framework', 64, true);
  if (!/^[0-9a-f]{64}$/.test(sha256)) r.problem('bad-digest', 'framework.sha256', 'framework.sha256 must be the framework\'s SHA-256 in lower-case hex (64 characters).');
  return { id, version, sha256, title: r.name(record, 'title', 'framework') };
}

export function readLearner(r: SignedFieldReader, root: Record<string, unknown>): { name: string; subject_id: string } {
  const record = r.object(own(root, 'learner'), 'learner', ['name', 'subject_id']);
  if (record === undefined) return { name: '', subject_id: '' };
  return { name: r.name(record, 'name', 'learner'), subject_id: r.id(record, 'subject_id', 'learner') };
}

/** The thresholds, checked by the one rule scoring applies (checkThresholds): its issues, in this file. */
export function readThresholds(r: SignedFieldReader, root: Record<string, unknown>): Thresholds {
  const value = own(root, 'thresholds');
  if (value === undefined) {
    r.problem('missing-field', 'thresholds', 'thresholds is missing.');
    return { ...DEFAULT_THRESHOLDS };
  }
  const checked = checkThresholds(value, 'thresholds');
  if (checked.ok) return checked.value;
  r.adopt(checked.issues);
  return { ...DEFAULT_THRESHOLDS };
}
