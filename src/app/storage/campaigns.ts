import { type CampaignManifest, tokenSha256, verifyManifest } from '../../core/confidential/campaign-manifest.ts';
import type { IssuedInvitation } from '../../core/confidential/campaign.ts';
import { isPlainEmail } from '../../core/confidential/nomination.ts';
import { isSubmissionDay } from '../../core/confidential/sealed-content.ts';
import type { CountedInvitation } from '../../core/confidential/late-responses.ts';
import { instantMillis } from '../../core/model/instant.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { MAX_NAME_CHARS } from '../../core/model/limits.ts';
import { OTHER_GROUPS, type OtherGroup } from '../../core/model/response.ts';
import { collectionEndpointProblem } from '../../core/share/invitation.ts';
import { database, type StoredCampaign } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** What the last report of a campaign counted (issue 10, "Late responses"). */
export type IssuedReport = { issuedOn: string; counted: CountedInvitation[] };

/** The rater the learner nominated for one invitation: the link is labelled and e-mailed to them. */
export type InvitedRater = { invitationId: string; name: string; email: string };

/** What the coach adds to a campaign beside the signed manifest; campaigns stored before these have none. */
export type CampaignDelivery = {
  /** Nominated raters, by invitation; an invitation with none is labelled by its group. */
  raters: InvitedRater[];
  /** The HTTPS address each link names for the sealed response, or null. */
  endpoint: string | null;
};

/** A campaign as it verified when read back: its manifest, and each invitation with its token. */
export type CoachCampaign = {
  campaignId: string; jws: string; manifest: CampaignManifest; invitations: IssuedInvitation[]; createdAt: string; issued: IssuedReport | null;
} & CampaignDelivery;

/** The stored record: db.ts's, with the delivery fields that later versions add (optional, so older records read). */
type CampaignRecord = StoredCampaign & { raters?: InvitedRater[]; endpoint?: string | null };

export type CoachCampaigns = { campaigns: CoachCampaign[]; unreadable: number };

/**
 * Every stored campaign, newest first. The manifest's signature and fields are checked on each
 * read, and every invitation's token must be the one whose hash the signed manifest lists, in the
 * manifest's group: storage is not trusted, and a token that changed would make links that the
 * coach's own import refuses.
 */
export async function loadCampaigns(): Promise<CoachCampaigns> {
  const stored: unknown[] = await (await database()).getAll('campaigns');
  const read = await Promise.all(stored.map(readStoredCampaign));
  const campaigns = read.flatMap((entry) => entry ?? []).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { campaigns, unreadable: stored.length - campaigns.length };
}

export function saveCampaign(
  campaign: { jws: string; manifest: CampaignManifest; invitations: readonly IssuedInvitation[] },
  delivery: CampaignDelivery = { raters: [], endpoint: null },
): Promise<boolean> {
  const record: CampaignRecord = {
    campaignId: campaign.manifest.campaign_id,
    jws: campaign.jws,
    invitations: campaign.invitations.map(({ invitationId, group, token }) => ({ invitationId, group, token })),
    createdAt: new Date().toISOString(),
    issued: null,
    raters: delivery.raters.map(({ invitationId, name, email }) => ({ invitationId, name, email })),
    endpoint: delivery.endpoint,
  };
  return guardedWrite(async () => (await database()).put('campaigns', record));
}

/** Records the report just issued, so that a later one is checked for late responses against it. */
export function recordIssuedReport(campaign: CoachCampaign, issued: IssuedReport): Promise<boolean> {
  const record: CampaignRecord = {
    campaignId: campaign.campaignId,
    jws: campaign.jws,
    invitations: campaign.invitations.map(({ invitationId, group, token }) => ({ invitationId, group, token })),
    createdAt: campaign.createdAt,
    issued: { issuedOn: issued.issuedOn, counted: issued.counted.map(({ invitationId, group }) => ({ invitationId, group })) },
    raters: campaign.raters.map(({ invitationId, name, email }) => ({ invitationId, name, email })),
    endpoint: campaign.endpoint,
  };
  return guardedWrite(async () => (await database()).put('campaigns', record));
}

async function readStoredCampaign(entry: unknown): Promise<CoachCampaign | undefined> {
  if (!isRecord(entry)) return undefined;
  const campaignId = own(entry, 'campaignId');
  const jws = own(entry, 'jws');
  const createdAt = own(entry, 'createdAt');
  const invitations = own(entry, 'invitations');
  if (typeof campaignId !== 'string' || typeof jws !== 'string' || typeof createdAt !== 'string' || instantMillis(createdAt) === undefined || !Array.isArray(invitations)) return undefined;
  const verified = await verifyManifest(jws, 'stored campaign');
  if (!verified.ok || verified.value.campaign_id !== campaignId) return undefined;
  const manifest = verified.value;
  const byId = new Map(manifest.invitations.map((invitation) => [invitation.invitation_id, invitation]));
  const issued: IssuedInvitation[] = [];
  for (const item of invitations as unknown[]) {
    if (!isRecord(item)) return undefined;
    const invitationId = own(item, 'invitationId');
    const token = own(item, 'token');
    const listed = typeof invitationId === 'string' ? byId.get(invitationId) : undefined;
    if (listed === undefined || typeof token !== 'string' || listed.token_sha256 !== tokenSha256(token) || own(item, 'group') !== listed.group) return undefined;
    issued.push({ invitationId: listed.invitation_id, group: listed.group, token });
  }
  if (issued.length !== manifest.invitations.length) return undefined;
  const report = readIssued(own(entry, 'issued'), byId);
  if (report === undefined) return undefined;
  const raters = readRaters(own(entry, 'raters'), byId);
  const endpoint = own(entry, 'endpoint') ?? null;
  // A changed address would mail a rater's secret link to someone else, or send the responses elsewhere: refuse, as for a changed token.
  if (raters === undefined || (endpoint !== null && (typeof endpoint !== 'string' || collectionEndpointProblem(endpoint) !== undefined))) return undefined;
  return { campaignId, jws, manifest, invitations: issued, createdAt, issued: report, raters, endpoint: endpoint as string | null };
}

/** The nominated raters: absent in campaigns stored before nomination; otherwise each for one listed invitation, with a name and a plain address. */
function readRaters(value: unknown, invitations: ReadonlyMap<string, unknown>): InvitedRater[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const raters: InvitedRater[] = [];
  const seen = new Set<string>();
  for (const item of value as unknown[]) {
    if (!isRecord(item)) return undefined;
    const invitationId = own(item, 'invitationId');
    const name = own(item, 'name');
    const email = own(item, 'email');
    if (typeof invitationId !== 'string' || !invitations.has(invitationId) || seen.has(invitationId)) return undefined;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_CHARS || typeof email !== 'string' || !isPlainEmail(email)) return undefined;
    seen.add(invitationId);
    raters.push({ invitationId, name, email });
  }
  return raters;
}

/** The issued report's record: null before the first, otherwise a day and invitations of this manifest. */
function readIssued(value: unknown, invitations: ReadonlyMap<string, { group: OtherGroup }>): IssuedReport | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return undefined;
  const issuedOn = own(value, 'issuedOn');
  const counted = own(value, 'counted');
  if (typeof issuedOn !== 'string' || !isSubmissionDay(issuedOn) || !Array.isArray(counted)) return undefined;
  const entries: CountedInvitation[] = [];
  for (const item of counted as unknown[]) {
    const invitationId = isRecord(item) ? own(item, 'invitationId') : undefined;
    const group = isRecord(item) ? own(item, 'group') : undefined;
    const listed = typeof invitationId === 'string' ? invitations.get(invitationId) : undefined;
    if (listed === undefined || typeof group !== 'string' || !(OTHER_GROUPS as readonly string[]).includes(group) || group !== listed.group) return undefined;
    entries.push({ invitationId: invitationId as string, group: listed.group });
  }
  return { issuedOn, counted: entries };
}
