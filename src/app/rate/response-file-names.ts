import { slug } from '../../core/model/ids.ts';

/**
 * The invitation's short id in a file name: every rater of a group would otherwise download a
 * file of the same name, and three peers' files would overwrite each other in a Downloads
 * folder. An open invitation's id is a UUID (its first 8 characters); a confidential one's is
 * `inv-` and 8 random characters (those 8, as the coach's counted.csv names them).
 */
export function invitationShortId(invitationId: string): string {
  // The id comes from a link anyone can write: only characters safe in any file name.
  const safe = invitationId.replace(/^inv-/, '').replace(/[^A-Za-z0-9_-]/g, '');
  return safe.slice(0, 8) || 'link';
}

/** `skillscope-response-ana-ruiz-peer-2026-11-23-3f1c2b9e.json` */
export function responseFileName(learnerName: string, group: string, submittedAt: string, invitationId: string): string {
  return `skillscope-response-${slug(learnerName, 40, 'learner')}-${group}-${submittedAt.slice(0, 10)}-${invitationShortId(invitationId)}.json`;
}

/** `skillscope-sealed-ana-ruiz-Ab3_x9Qz.age`: no group, which the learner relaying it need not learn. */
export function sealedFileName(learnerName: string, invitationId: string): string {
  return `skillscope-sealed-${slug(learnerName, 40, 'learner')}-${invitationShortId(invitationId)}.age`;
}
