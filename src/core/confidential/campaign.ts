import { randomBytes } from '@noble/hashes/utils.js';
import { encodeBase64Url } from '../io/base64url.ts';
import type { Framework } from '../model/framework.ts';
import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import type { AnonymityThresholds } from '../score/thresholds.ts';
import { type CampaignManifest, frameworkSha256, MANIFEST_FORMAT, MANIFEST_VERSION, manifestCoach, signManifest, tokenSha256 } from './campaign-manifest.ts';

/**
 * A confidential 360 for one learner (issue 10): one invitation per rater, each with a secret
 * token that only the coach hands out. The signed manifest holds each token's hash and group,
 * so the coach can later tell a real invitation's response from a forged one, and take the
 * group from the invitation rather than from what a response claims.
 */
export type CampaignPlan = {
  framework: Framework;
  learner: { name: string; subjectId: string };
  coachName: string;
  /** How many raters to invite in each group. */
  groups: Readonly<Partial<Record<OtherGroup, number>>>;
  thresholds: AnonymityThresholds;
  /** Days, YYYY-MM-DD. */
  createdOn: string;
  closesOn: string;
};

/** What the coach hands each rater (in a link), never the learner. */
export type IssuedInvitation = { invitationId: string; group: OtherGroup; token: string };

export type Campaign = { manifest: CampaignManifest; jws: string; invitations: IssuedInvitation[] };

/** 128 random bits, base64url: a token is never guessed, and the manifest holds only its hash. */
const newSecret = (bytes: number): string => encodeBase64Url(randomBytes(bytes));

export async function createCampaign(plan: CampaignPlan, identity: string): Promise<Campaign> {
  // Invitation ids are random too: numbered ids would say in which order raters were invited.
  // A token starts with letters: base64url can start with `-`, which a CSV writer must guard
  // against spreadsheets with a `'`, and a token copied with that quote would no longer match.
  const invitations: IssuedInvitation[] = OTHER_GROUPS.flatMap((group) =>
    Array.from({ length: plan.groups[group] ?? 0 }, () => ({ invitationId: `inv-${newSecret(6)}`, group, token: `tok_${newSecret(16)}` })),
  );
  const manifest: CampaignManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    campaign_id: `cmp-${newSecret(9)}`,
    created_on: plan.createdOn,
    closes_on: plan.closesOn,
    framework: { id: plan.framework.id, version: plan.framework.version, sha256: frameworkSha256(plan.framework), title: plan.framework.title },
    learner: { name: plan.learner.name, subject_id: plan.learner.subjectId },
    coach: await manifestCoach(identity, plan.coachName),
    thresholds: { ...plan.thresholds },
    invitations: invitations.map(({ invitationId, group, token }) => ({ invitation_id: invitationId, group, token_sha256: tokenSha256(token) })),
  };
  return { manifest, jws: await signManifest(manifest, identity), invitations };
}
