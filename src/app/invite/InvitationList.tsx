import { CopyButton } from '../components/CopyButton.tsx';
import { GROUP_NAMES } from '../components/group-names.ts';
import { invitationLink, mailtoLink, type SentInvitation } from './invitations.ts';

export function InvitationList({ sent, frameworkTitle }: { sent: readonly SentInvitation[]; frameworkTitle: string }) {
  if (sent.length === 0) return null;
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">Your invitation links</h2>
      <p>Send each link to one person. Links stay here, so you can copy them again later.</p>
      <ol className="invitation-list">
        {sent.map(({ invitation, createdAt }, index) => {
          const link = invitationLink(invitation);
          const inputId = `link-${invitation.invitationId}`;
          return (
            <li key={invitation.invitationId} className="invitation">
              <label htmlFor={inputId}>{GROUP_NAMES[invitation.group].singular} {index + 1} <span className="muted">· created {new Date(createdAt).toLocaleDateString()}</span></label>
              <input id={inputId} readOnly value={link} onFocus={(event) => event.currentTarget.select()} className="link-box" />
              <p className="actions">
                <CopyButton text={link} label="Copy link" targetId={inputId} />
                <a href={mailtoLink(invitation, link, frameworkTitle)}>E-mail it<span className="visually-hidden"> ({GROUP_NAMES[invitation.group].singular} {index + 1})</span></a>
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
