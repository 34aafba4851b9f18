import type { CampaignManifest } from '../../core/confidential/campaign-manifest.ts';
import { encodeConfidentialInvitation } from '../../core/confidential/confidential-invitation.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import type { OtherGroup } from '../../core/model/response.ts';

/**
 * The link one rater opens: this app's own address, the invitation after the `#`, where no server
 * sees it; with the campaign's collection address, if it has one, for the sealed response.
 */
export function confidentialLink(manifestJws: string, invitationId: string, token: string, endpoint: string | null = null): string {
  return `${window.location.origin}${window.location.pathname}#/rate/${encodeConfidentialInvitation(manifestJws, invitationId, token, endpoint)}`;
}

/**
 * An e-mail the coach sends one rater, from their own mail program; nothing goes through
 * Skillscope. With a nominated rater it is addressed to them (core's plain address check
 * leaves no `?`, `&` or `,` that could add a recipient or a header) and greets them by name.
 */
export function confidentialMailto(manifest: CampaignManifest, group: OtherGroup, link: string, fingerprint: string, to?: { name: string; email: string }): string {
  const { learner, coach, framework } = manifest;
  const subject = `Confidential feedback for ${learner.name}`;
  const body = [
    to === undefined ? 'Hello,' : `Hello ${to.name},`,
    '',
    `I am running a confidential 360 for ${learner.name} on ${framework.title}, and would value your feedback as a ${GROUP_NAMES[group].singular.toLowerCase()}. It takes about 10 minutes in your browser.`,
    '',
    `Only I can read your answers: they are sealed to my key before they leave your browser, and ${learner.name} sees only figures for groups large enough to keep everyone anonymous.`,
    '',
    `This link is for you only: please do not forward it. ${link}`,
    '',
    `The page shows my key's fingerprint; it should be ${fingerprint}.`,
    `When you finish, send me the sealed file or code it gives you, by ${manifest.closes_on}.`,
    '',
    'Thank you,',
    coach.name,
  ].join('\n');
  const address = to === undefined ? '' : encodeURIComponent(to.email).replace(/%40/g, '@');
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
