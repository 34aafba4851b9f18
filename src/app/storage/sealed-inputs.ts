import { MAX_SEALED_BYTES, SEALED_CODE_PREFIX } from '../../core/confidential/sealed-response.ts';
import { instantMillis } from '../../core/model/instant.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { MAX_RESPONSE_FILE_BYTES } from '../../core/io/read-response-input.ts';
import { database, type StoredSealedInput } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/**
 * What the coach imported for a campaign: sealed files and codes as they arrived (still sealed:
 * they are opened with the unlocked key each time the page shows the 360), and the learner's own
 * self-assessment as its plain file. Kept so that a reload, or closing the tab, loses nothing.
 */
export type SealedInputRecord = StoredSealedInput;

export type CampaignInputs = { inputs: SealedInputRecord[]; unreadable: number };

/** Every input of a campaign, in the order it was added. */
export async function loadCampaignInputs(campaignId: string): Promise<CampaignInputs> {
  const stored: unknown[] = await (await database()).getAllFromIndex('sealedInputs', 'byCampaign', campaignId);
  const inputs = stored.flatMap((entry) => {
    const input = readSealedInput(entry);
    return input !== undefined && input.campaignId === campaignId ? [input] : [];
  }).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { inputs, unreadable: stored.length - inputs.length };
}

/** Adds inputs (checked by the caller) all together or not at all: one transaction. */
export function addCampaignInputs(inputs: readonly Omit<SealedInputRecord, 'id' | 'addedAt'>[]): Promise<boolean> {
  const addedAt = new Date().toISOString();
  return guardedWrite(async () => {
    const tx = (await database()).transaction('sealedInputs', 'readwrite');
    await Promise.all([...inputs.map((input) => tx.store.put({ ...input, id: crypto.randomUUID(), addedAt })), tx.done]);
  });
}

export function removeCampaignInput(id: string): Promise<boolean> {
  return guardedWrite(async () => (await database()).delete('sealedInputs', id));
}

function readSealedInput(value: unknown): SealedInputRecord | undefined {
  if (!isRecord(value)) return undefined;
  const id = own(value, 'id');
  const campaignId = own(value, 'campaignId');
  const kind = own(value, 'kind');
  const name = own(value, 'name');
  const data = own(value, 'data');
  const addedAt = own(value, 'addedAt');
  if (typeof id !== 'string' || typeof campaignId !== 'string' || typeof name !== 'string' || typeof addedAt !== 'string' || instantMillis(addedAt) === undefined) return undefined;
  if (kind === 'sealed') {
    // A file as it arrived (binary or armored age); a code as pasted. Core's openSealed reads both again.
    const sealed = data instanceof Uint8Array ? data.length <= MAX_SEALED_BYTES : typeof data === 'string' && data.length <= MAX_SEALED_BYTES * 2 && data.trim().startsWith(SEALED_CODE_PREFIX);
    return sealed ? { id, campaignId, kind, name, data: data as Uint8Array | string, addedAt } : undefined;
  }
  if (kind === 'self' && typeof data === 'string' && data.length <= MAX_RESPONSE_FILE_BYTES) return { id, campaignId, kind, name, data, addedAt };
  return undefined;
}
