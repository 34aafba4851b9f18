import { CopyButton } from '../components/CopyButton.tsx';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import type { SentInvitation } from '../storage/invitations.ts';
import { invitationLink, mailtoLink } from './invitations.ts';

export function InvitationList({ sent, frameworkTitle }: { sent: readonly SentInvitation[]; frameworkTitle: string }) {
  if (sent.length === 0) return null;
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">Your invitation links</h2>
      <p>Send each link to one person. Links stay here, so you can copy them again later.</p>
      <ol className="invitation-list">
        {sent.map(({ invitation, createdAt }, index) => {
          // Numbered within the group: "Peer 1, Peer 2", whatever the order they were created in.
          const number = sent.slice(0, index + 1).filter((other) => other.invitation.group === invitation.group).length;
          const name = `${GROUP_NAMES[invitation.group].singular} ${number}`;
          const link = invitationLink(invitation);
          const inputId = `link-${invitation.invitationId}`;
          return (
            <li key={invitation.invitationId} className="invitation">
              <label htmlFor={inputId}>{name} <span className="muted">· created {new Date(createdAt).toLocaleDateString()}</span></label>
              <input id={inputId} readOnly value={link} onFocus={(event) => event.currentTarget.select()} className="link-box" />
              <p className="actions">
                <CopyButton text={link} label="Copy link" targetId={inputId} />
                <a href={mailtoLink(invitation, link, frameworkTitle)}>E-mail it<span className="visually-hidden"> ({name})</span></a>
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
