import { type CampaignManifest, frameworkSha256 } from '../../core/confidential/campaign-manifest.ts';
import { type ConfidentialInvitation, decodeConfidentialInvitation } from '../../core/confidential/confidential-invitation.ts';
import type { Framework } from '../../core/model/framework.ts';
import type { OtherGroup } from '../../core/model/response.ts';
import type { Issue } from '../../core/model/result.ts';
import { loadFramework, type LoadedFramework } from '../frameworks/framework-source.ts';

/** A confidential link whose manifest verified, with the campaign's own framework loaded. */
export type ReadyLink = { invitation: ConfidentialInvitation; group: OtherGroup; loaded: LoadedFramework };

export type OpenedLink =
  | { kind: 'ready'; link: ReadyLink }
  | { kind: 'bad-link'; issues: readonly Issue[] }
  /** The campaign rates with a framework this browser does not have. */
  | { kind: 'framework-missing'; manifest: CampaignManifest }
  /** It has one of that id, but not the one the coach signed: answers could go to other statements. */
  | { kind: 'framework-mismatch'; manifest: CampaignManifest; here: Framework };

/**
 * What a rater's confidential link leads to: the signed manifest checked (core's decoder), the
 * invitation's group read from it, never from anything the link says otherwise, and the
 * framework the manifest names, only when its content hash is the one the coach signed.
 */
export async function openConfidentialLink(payload: string): Promise<OpenedLink> {
  const decoded = await decodeConfidentialInvitation(payload);
  if (!decoded.ok) return { kind: 'bad-link', issues: decoded.issues };
  const invitation = decoded.value;
  const { manifest } = invitation;
  const group = manifest.invitations.find((entry) => entry.invitation_id === invitation.invitationId)?.group;
  if (group === undefined) {
    // decodeConfidentialInvitation accepts only an invitation of the manifest: this cannot happen.
    throw new Error('A verified confidential invitation is missing from its own manifest.');
  }
  const loaded = await loadFramework(manifest.framework.id).catch(() => undefined);
  if (loaded === undefined) return { kind: 'framework-missing', manifest };
  if (loaded.framework.id !== manifest.framework.id || frameworkSha256(loaded.framework) !== manifest.framework.sha256) {
    return { kind: 'framework-mismatch', manifest, here: loaded.framework };
  }
  return { kind: 'ready', link: { invitation, group, loaded } };
}
