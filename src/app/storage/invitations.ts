import { packPayload } from '../../core/io/packed-payload.ts';
import { FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION } from '../../core/model/framework-file.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { decodeInvitation, encodeInvitation, INVITATION_PREFIX, type Invitation } from '../../core/share/invitation.ts';
import { database } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** Invitations the learner created, kept so the links can be copied again after a reload. */
export type SentInvitation = { invitation: Invitation; createdAt: string };

/** The learner's invitations for one framework, oldest first, and how many stored ones no longer read back. */
export type SentInvitations = { sent: SentInvitation[]; unreadable: number };

export async function loadInvitations(frameworkId: string, subjectId: string): Promise<SentInvitations> {
  const stored = await (await database()).getAllFromIndex('invitations', 'byLearner', [frameworkId, subjectId]);
  return readInvitations(stored, frameworkId, subjectId);
}

/**
 * Adds invitations after those stored, and reads the whole list back in the same transaction,
 * so the page shows every link made so far, whatever it had managed to read. Null when the
 * browser refused to store them (reported by guardedWrite).
 */
export async function appendInvitations(frameworkId: string, subjectId: string, fresh: readonly SentInvitation[]): Promise<SentInvitations | null> {
  let all: SentInvitations | null = null;
  const saved = await guardedWrite(async () => {
    const tx = (await database()).transaction('invitations', 'readwrite');
    const added = fresh.map(({ invitation, createdAt }) => tx.store.add({ frameworkId, subjectId, code: encodeInvitation(invitation), createdAt }));
    const [stored] = await Promise.all([tx.store.index('byLearner').getAll([frameworkId, subjectId]), ...added, tx.done]);
    all = readInvitations(stored, frameworkId, subjectId);
  });
  return saved ? all : null;
}

function readInvitations(stored: readonly unknown[], frameworkId: string, subjectId: string): SentInvitations {
  const sent = stored.flatMap((entry) => readInvitation(entry, frameworkId, subjectId) ?? []);
  return { sent, unreadable: stored.length - sent.length };
}

/**
 * Core's decoder checks the invitation as a rater's browser would check the link. A built-in
 * framework is not in the code: the invitation is filed under the framework it names, which the
 * invite page has loaded, so that one is taken as present.
 */
function readInvitation(entry: unknown, frameworkId: string, subjectId: string): SentInvitation | undefined {
  if (!isRecord(entry)) return undefined;
  const { code, createdAt } = Object.hasOwn(entry, 'version1') ? fromVersion1(own(entry, 'version1')) : { code: own(entry, 'code'), createdAt: own(entry, 'createdAt') };
  if (typeof code !== 'string' || typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return undefined;
  const decoded = decodeInvitation(code, (id) => id === frameworkId);
  if (!decoded.ok || decoded.value.frameworkId !== frameworkId || decoded.value.subjectId !== subjectId) return undefined;
  return { invitation: decoded.value, createdAt };
}

/**
 * Version 1 kept `{ invitation, createdAt }`, the invitation's fields as they were and its
 * framework bare: packed as encodeInvitation packs them (the framework in its file format), they
 * go through the same decoder as any code.
 */
function fromVersion1(entry: unknown): { code: unknown; createdAt: unknown } {
  const invitation = isRecord(entry) ? own(entry, 'invitation') : undefined;
  if (!isRecord(entry) || !isRecord(invitation)) return { code: undefined, createdAt: undefined };
  const framework = own(invitation, 'framework') ?? null;
  const wire = { ...invitation, framework: framework === null ? null : { format: FRAMEWORK_FORMAT, version: FRAMEWORK_FORMAT_VERSION, framework } };
  return { code: packPayload(INVITATION_PREFIX, wire), createdAt: own(entry, 'createdAt') };
}
