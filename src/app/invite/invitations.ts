import { encodeInvitation, type Invitation } from '../../core/share/invitation.ts';

/** The link a rater opens: this app's own address with the invitation in the fragment. */
export function invitationLink(invitation: Invitation): string {
  return `${window.location.origin}${window.location.pathname}#/rate/${encodeInvitation(invitation)}`;
}

export function mailtoLink(invitation: Invitation, link: string, frameworkTitle: string): string {
  const subject = `Feedback request from ${invitation.learnerName}`;
  const body = [
    `Hello,`,
    ``,
    `Could you give me feedback on the statements of ${frameworkTitle}? It takes about 10 minutes and runs in your browser.`,
    invitation.note.trim() === '' ? '' : `\n${invitation.note}\n`,
    `Open this link: ${link}`,
    ``,
    `When you finish, send me back the response file or the short code it gives you.`,
    ``,
    `Thank you,`,
    invitation.learnerName,
  ].join('\n');
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
