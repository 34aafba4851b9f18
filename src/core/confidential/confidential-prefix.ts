/**
 * The prefix of a confidential invitation in a link, in a module of its own that imports
 * nothing: the open rater page tells the two kinds of link apart with it, and must not pull in
 * the signing and sealing code to do so.
 */
export const CONFIDENTIAL_INVITATION_PREFIX = 'SKC1.';

export function isConfidentialInvitation(payload: string): boolean {
  return payload.startsWith(CONFIDENTIAL_INVITATION_PREFIX);
}
