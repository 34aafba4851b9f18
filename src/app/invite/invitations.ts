import { encodeInvitation, type Invitation } from '../../core/share/invitation.ts';
import { database } from '../storage/db.ts';
import { guardedWrite } from '../storage/storage-status.ts';

/** Invitations the learner created, kept so the links can be copied again after a reload. */
export type SentInvitation = { invitation: Invitation; createdAt: string };

const keyOf = (frameworkId: string, subjectId: string) => `invitations:${JSON.stringify([frameworkId, subjectId])}`;

export async function loadInvitations(frameworkId: string, subjectId: string): Promise<SentInvitation[]> {
  const stored = await (await database()).get('settings', keyOf(frameworkId, subjectId));
  return Array.isArray(stored) ? (stored as SentInvitation[]) : [];
}

/**
 * Adds invitations to the stored list, read and written in one transaction, so links made
 * earlier are never lost, whatever the page had managed to read. Returns the whole list.
 */
export async function appendInvitations(frameworkId: string, subjectId: string, fresh: readonly SentInvitation[]): Promise<SentInvitation[] | null> {
  let all: SentInvitation[] | null = null;
  const saved = await guardedWrite(async () => {
    const tx = (await database()).transaction('settings', 'readwrite');
    const stored = await tx.store.get(keyOf(frameworkId, subjectId));
    all = [...(Array.isArray(stored) ? (stored as SentInvitation[]) : []), ...fresh];
    await Promise.all([tx.store.put(all, keyOf(frameworkId, subjectId)), tx.done]);
  });
  return saved ? all : null;
}

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
