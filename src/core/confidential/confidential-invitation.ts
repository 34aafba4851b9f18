import { packPayload, unpackPayload } from '../io/packed-payload.ts';
import { CONFIDENTIAL_INVITATION_PREFIX } from './confidential-prefix.ts';
import { isRecord, own } from '../model/json-value.ts';
import { MAX_ID_CHARS } from '../model/limits.ts';
import type { Issue, Result } from '../model/result.ts';
import { collectionEndpointProblem } from '../share/invitation.ts';
import { type CampaignManifest, MAX_MANIFEST_CHARS, tokenSha256, verifyManifest } from './campaign-manifest.ts';

/**
 * What a confidential invitation link carries after its `#`, where no server sees it: the signed
 * campaign manifest, the invitation's id and its secret token. The coach hands it to one rater;
 * the learner never holds it.
 */

export type ConfidentialInvitation = {
  /** The manifest, verified: the coach's signature holds and every field is valid. */
  manifest: CampaignManifest;
  manifestJws: string;
  invitationId: string;
  token: string;
  /** An HTTPS address the sealed response is also POSTed to; null when the rater sends it back by hand. */
  endpoint: string | null;
};

export function encodeConfidentialInvitation(manifestJws: string, invitationId: string, token: string, endpoint: string | null = null): string {
  return packPayload(CONFIDENTIAL_INVITATION_PREFIX, { manifest: manifestJws, invitation_id: invitationId, token, endpoint });
}

const WHY: Record<string, string> = {
  prefix: 'This is not a Skillscope confidential invitation.',
  characters: 'The link has been changed or cut short: part of it is missing or altered.',
  damaged: 'The link is incomplete: it was probably cut short when it was copied.',
  checksum: 'The link was changed after it was made.',
  'too-large': 'The link is larger than any invitation.',
};

/**
 * Reads a link's payload: the manifest must verify, and the invitation and its token must be
 * one the manifest lists (by the token's hash), or the link was not made by the coach who signed.
 */
export async function decodeConfidentialInvitation(payload: string): Promise<Result<ConfidentialInvitation>> {
  const refuse = (code: string, path: string, message: string): Result<ConfidentialInvitation> => ({ ok: false, issues: [{ code, path, message } satisfies Issue] });
  let text = payload;
  try {
    text = decodeURIComponent(payload);
  } catch {
    // Already plain base64url.
  }
  const unpacked = unpackPayload(CONFIDENTIAL_INVITATION_PREFIX, text, MAX_MANIFEST_CHARS, 'invitation link');
  if (!unpacked.ok) return unpacked.reason === 'json' ? { ok: false, issues: unpacked.issues } : refuse(`invitation.${unpacked.reason}`, '', WHY[unpacked.reason] ?? '');
  const value = unpacked.value;
  const jws = isRecord(value) ? own(value, 'manifest') : undefined;
  const invitationId = isRecord(value) ? own(value, 'invitation_id') : undefined;
  const token = isRecord(value) ? own(value, 'token') : undefined;
  const endpoint = isRecord(value) ? (own(value, 'endpoint') ?? null) : null;
  if (endpoint !== null) {
    const problem = typeof endpoint === 'string' ? collectionEndpointProblem(endpoint) : 'The collection address is not text.';
    if (problem !== undefined) return refuse('invitation.bad-endpoint', 'endpoint', problem);
  }
  if (typeof jws !== 'string' || typeof invitationId !== 'string' || typeof token !== 'string' || invitationId.length > MAX_ID_CHARS || token.length > MAX_ID_CHARS) {
    return refuse('invitation.damaged', '', WHY.damaged ?? '');
  }
  const manifest = await verifyManifest(jws, 'invitation link');
  if (!manifest.ok) return manifest;
  const invitation = manifest.value.invitations.find((entry) => entry.invitation_id === invitationId);
  if (invitation === undefined || invitation.token_sha256 !== tokenSha256(token)) {
    return refuse('invitation.unknown-token', 'token', 'This link\'s invitation is not one the campaign lists: it was not made by the coach who signed the campaign. Ask the coach for your link again.');
  }
  return { ok: true, value: { manifest: manifest.value, manifestJws: jws, invitationId, token, endpoint: typeof endpoint === 'string' ? endpoint : null } };
}
