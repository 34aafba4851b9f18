import { collectionEndpointProblem } from '../../core/share/invitation.ts';
import { allowedCollectionOrigins, connectAllowed } from './content-security-policy.ts';

/**
 * Why an invitation (open or confidential) cannot name this collection address, or null when it
 * can (or is left empty): core's rule for any collection address, then this build's
 * Content-Security-Policy, which would block a rater's browser from posting anywhere it does not
 * list.
 */
export function collectionAddressProblem(address: string): string | null {
  if (address === '') return null;
  const problem = collectionEndpointProblem(address);
  if (problem !== undefined) return problem;
  if (connectAllowed(address)) return null;
  const allowed = allowedCollectionOrigins();
  return `This copy of Skillscope may only send responses to ${allowed.length === 0 ? 'no collection address' : allowed.join(', ')}: browsers would block ${new URL(address).origin}. Ask whoever hosts it to add that address (SKILLSCOPE_COLLECTION_ORIGINS), or leave this empty and collect the files by hand.`;
}
