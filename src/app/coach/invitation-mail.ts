import type { CampaignManifest } from '../../core/confidential/campaign-manifest.ts';
import { encodeConfidentialInvitation } from '../../core/confidential/confidential-invitation.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import type { OtherGroup } from '../../core/model/response.ts';

/** The link one rater opens: this app's own address, the invitation after the `#`, where no server sees it. */
export function confidentialLink(manifestJws: string, invitationId: string, token: string): string {
  return `${window.location.origin}${window.location.pathname}#/rate/${encodeConfidentialInvitation(manifestJws, invitationId, token)}`;
}

/** An e-mail the coach sends one rater, from their own mail program; nothing goes through Skillscope. */
export function confidentialMailto(manifest: CampaignManifest, group: OtherGroup, link: string, fingerprint: string): string {
  const { learner, coach, framework } = manifest;
  const subject = `Confidential feedback for ${learner.name}`;
  const body = [
    'Hello,',
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
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
