/**
 * Which response of a list has a given id, for finding a response read twice. The table holds
 * only indexes into the caller's list, in one Int32Array probed by a hash of the id (open
 * addressing): a Map or Set of a million ids costs about 70 bytes each on V8's heap, plus the
 * garbage of every time it grows, which kept a million-response read's memory hundreds of MB
 * higher; this costs 8 to 16 bytes per id, outside the heap.
 *
 * Ids come from files an attacker may write: the hash is seeded at random per table and its
 * bits mixed, so a file cannot be made of ids that all land in the same few slots (which would
 * make every lookup walk them all).
 */
export class ResponseIdTable {
  /** Index + 1 of a response, 0 for an empty slot; the length is a power of two. */
  private slots: Int32Array;
  private count = 0;
  private readonly seed = (Math.random() * 0x1_0000_0000) >>> 0;

  /**
   * `idAt(index)` is the id of the caller's response at `index`, for as long as the table lives.
   * `expected`, when the caller knows how many ids it will add, sizes the table once: grown
   * from 1,024 slots to a million ids, it left 16 MB of outgrown arrays behind.
   */
  constructor(
    private readonly idAt: (index: number) => string,
    expected = 0,
  ) {
    this.slots = new Int32Array(Math.max(1024, 2 ** Math.ceil(Math.log2(2 * expected + 1))));
  }

  /** The index of the response with this id, or -1. */
  find(id: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(id, this.seed) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot] ?? 0;
      if (stored === 0) return -1;
      if (this.idAt(stored - 1) === id) return stored - 1;
    }
  }

  /** Adds the response at `index`; its id must not be in the table yet (find it first). */
  add(index: number): void {
    // Kept under half full, so a probe ends after a step or two.
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(index);
    this.count += 1;
  }

  private place(index: number): void {
    const mask = this.slots.length - 1;
    let slot = hashOf(this.idAt(index), this.seed) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (const stored of old) if (stored !== 0) this.place(stored - 1);
  }
}

/** FNV-1a over the UTF-16 code units from a seed, then MurmurHash3's finalizer, so every bit counts. */
function hashOf(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
