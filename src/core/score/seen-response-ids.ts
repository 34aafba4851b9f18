import type { SurveyResponse } from '../model/response.ts';

/**
 * Which response ids one subject's responses repeat (DESIGN.md: a response imported twice counts
 * once), asked for every subject of a cohort: a Set per subject, grown from empty each time, was
 * a tenth of scoring a cohort. This table is reused subject after subject: a slot belongs to the
 * current subject when its stamp is the subject's, so nothing is cleared between subjects. It is
 * probed by a hash of a few characters of the id (its length, its first two and last four), which
 * tell ids apart as they are usually made; the ids in a slot are then compared in full.
 *
 * Ids come from files an attacker may write, and ids alike in those characters land in one run of
 * slots: past MAX_PROBE steps the table hands the subject's ids to a Set, so no file makes the
 * check quadratic.
 */
export type SeenResponseIds = {
  stamp: number;
  stamps: Int32Array;
  /** The index in the subject's response list of the response whose id holds the slot. */
  slots: Int32Array;
  seed: number;
  /** The subject's ids once the table gave up on them. */
  fallback: Set<string> | null;
};

const MAX_PROBE = 16;

export function createSeenResponseIds(): SeenResponseIds {
  return { stamp: 0, stamps: new Int32Array(256), slots: new Int32Array(256), seed: (Math.random() * 0x1_0000_0000) >>> 0, fallback: null };
}

/** Starts a subject with at most `responses` responses: no id is seen yet. */
export function beginSubject(seen: SeenResponseIds, responses: number): void {
  seen.fallback = null;
  if (seen.slots.length < 2 * responses) {
    // Under half full, so a probe ends after a step or two.
    const length = 2 ** Math.ceil(Math.log2(2 * responses));
    seen.stamps = new Int32Array(length);
    seen.slots = new Int32Array(length);
    seen.stamp = 0;
  }
  seen.stamp += 1;
}

/**
 * Whether an earlier response of this subject, in `responses`, has the id of `responses[i]`;
 * if not, its id is now seen. Every response asked about must come from the same list.
 */
export function seenBefore(seen: SeenResponseIds, responses: readonly SurveyResponse[], i: number): boolean {
  const id = (responses[i] as SurveyResponse).responseId;
  if (seen.fallback !== null) return seenInSet(seen.fallback, id);
  const { stamp, stamps, slots } = seen;
  const mask = slots.length - 1;
  let slot = fingerprint(id, seen.seed) & mask;
  for (let probes = 0; stamps[slot] === stamp; probes += 1, slot = (slot + 1) & mask) {
    if ((responses[slots[slot]!] as SurveyResponse).responseId === id) return true;
    if (probes === MAX_PROBE) {
      seen.fallback = new Set();
      for (let s = 0; s < slots.length; s += 1) if (stamps[s] === stamp) seen.fallback.add((responses[slots[s]!] as SurveyResponse).responseId);
      return seenInSet(seen.fallback, id);
    }
  }
  stamps[slot] = stamp;
  slots[slot] = i;
  return false;
}

function seenInSet(ids: Set<string>, id: string): boolean {
  if (ids.has(id)) return true;
  ids.add(id);
  return false;
}

/** The length and up to six characters of the id, mixed with the table's seed (MurmurHash3's finalizer). */
function fingerprint(id: string, seed: number): number {
  const n = id.length;
  let hash = Math.imul(seed ^ n, 0x9e3779b1);
  if (n > 0) {
    hash = Math.imul(hash ^ id.charCodeAt(0) ^ (id.charCodeAt(n > 1 ? 1 : 0) << 16), 0x85ebca6b);
    hash = Math.imul(hash ^ id.charCodeAt(n - 1) ^ (id.charCodeAt(n > 1 ? n - 2 : 0) << 16), 0xc2b2ae35);
    hash = Math.imul(hash ^ id.charCodeAt(n > 2 ? n - 3 : 0) ^ (id.charCodeAt(n > 3 ? n - 4 : 0) << 16), 0x85ebca6b);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
