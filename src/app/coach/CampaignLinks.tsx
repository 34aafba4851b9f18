import { useId } from 'react';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import type { CoachCampaign } from '../storage/campaigns.ts';
import { confidentialLink, confidentialMailto } from './invitation-mail.ts';

/** The campaign's invitation links, one per rater, each to copy or e-mail (issue 10: tokens never pass through the learner). */
export function CampaignLinks({ campaign, fingerprint }: { campaign: CoachCampaign; fingerprint: string }) {
  const id = useId();
  const numbers = new Map<string, number>();
  return (
    <section aria-labelledby={`${id}-title`} className="campaign-links">
      <h3 id={`${id}-title`}>Invitation links</h3>
      <p>
        <strong>Each link is for that rater only.</strong> It carries their own secret token: whoever opens it answers as that rater, once. Send each one
        to its rater directly, never through {campaign.manifest.learner.name}, and keep this list to yourself.
      </p>
      <ol className="invitation-list">
        {campaign.invitations.map((invitation) => {
          const n = (numbers.get(invitation.group) ?? 0) + 1;
          numbers.set(invitation.group, n);
          const label = `${GROUP_NAMES[invitation.group].singular} ${n}`;
          const link = confidentialLink(campaign.jws, invitation.invitationId, invitation.token);
          const inputId = `${id}-${invitation.invitationId}`;
          return (
            <li key={invitation.invitationId} className="invitation" data-group={invitation.group}>
              <label htmlFor={inputId}>{label}</label>
              <input id={inputId} className="link-box" readOnly value={link} onFocus={(event) => event.target.select()} />
              <p className="actions">
                <CopyButton text={link} label={`Copy the link for ${label}`} targetId={inputId} />
                <a href={confidentialMailto(campaign.manifest, invitation.group, link, fingerprint)}>E-mail the link to {label}</a>
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
