import { memo, useId, useMemo } from 'react';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import type { CoachCampaign } from '../storage/campaigns.ts';
import { confidentialLink, confidentialMailto } from './invitation-mail.ts';

/**
 * The campaign's invitation links, one per rater, each to copy or e-mail (issue 10: tokens never
 * pass through the learner). Each link carries the signed manifest, compressed: made once per
 * campaign, and not again when the page around it changes (hundreds of links take seconds).
 */
export const CampaignLinks = memo(function CampaignLinks({ campaign, fingerprint }: { campaign: CoachCampaign; fingerprint: string }) {
  const id = useId();
  const numbers = new Map<string, number>();
  const raters = new Map(campaign.raters.map((rater) => [rater.invitationId, rater]));
  const links = useMemo(
    () => new Map(campaign.invitations.map((invitation) => [invitation.invitationId, confidentialLink(campaign.jws, invitation.invitationId, invitation.token, campaign.endpoint)])),
    [campaign],
  );
  return (
    <section aria-labelledby={`${id}-title`} className="campaign-links">
      <h3 id={`${id}-title`}>Invitation links</h3>
      <p>
        <strong>Each link is for that rater only.</strong> It carries their own secret token: whoever opens it answers as that rater, once. Send each one
        to its rater directly, never through {campaign.manifest.learner.name}, and keep this list to yourself.
      </p>
      {campaign.endpoint !== null && <p>Each link names the collection address <code>{campaign.endpoint}</code>: raters&apos; browsers also send their sealed response there.</p>}
      <ol className="invitation-list">
        {campaign.invitations.map((invitation) => {
          const n = (numbers.get(invitation.group) ?? 0) + 1;
          numbers.set(invitation.group, n);
          const rater = raters.get(invitation.invitationId);
          const label = rater === undefined ? `${GROUP_NAMES[invitation.group].singular} ${n}` : rater.name;
          const link = links.get(invitation.invitationId) ?? '';
          const inputId = `${id}-${invitation.invitationId}`;
          return (
            <li key={invitation.invitationId} className="invitation" data-group={invitation.group}>
              <label htmlFor={inputId}>{label}</label>
              {rater !== undefined && <p className="hint">{GROUP_NAMES[invitation.group].singular} {n} · {rater.email}</p>}
              <input id={inputId} className="link-box" readOnly value={link} onFocus={(event) => event.target.select()} />
              <p className="actions">
                <CopyButton text={link} label={`Copy the link for ${label}`} targetId={inputId} />
                <a href={confidentialMailto(campaign.manifest, invitation.group, link, fingerprint, rater)}>E-mail the link to {label}</a>
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
