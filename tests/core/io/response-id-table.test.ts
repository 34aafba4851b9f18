import { describe, expect, it } from 'vitest';
import { ResponseIdTable } from '../../../src/core/io/response-id-table.ts';

function tableOf(ids: string[]): ResponseIdTable {
  const table = new ResponseIdTable((index) => ids[index] ?? '');
  ids.forEach((_, index) => table.add(index));
  return table;
}

describe('ResponseIdTable', () => {
  it('finds each response by its id, and says -1 for an id it does not hold', () => {
    const ids = ['r-1', 'r-2', 'r-10'];
    const table = tableOf(ids);
    expect(ids.map((id) => table.find(id))).toEqual([0, 1, 2]);
    expect(table.find('r-3')).toBe(-1);
    expect(table.find('')).toBe(-1);
  });

  it('keeps finding every id as it grows past its first size', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `subject-${i % 97}-response-${i}`);
    const table = tableOf(ids);
    expect(ids.every((id, index) => table.find(id) === index)).toBe(true);
    expect(table.find('subject-0-response-50000')).toBe(-1);
  });

  it('finds every id in a table sized for them at the start, and in one told too few', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `r-${i}`);
    for (const expected of [ids.length, 10]) {
      const table = new ResponseIdTable((index) => ids[index] ?? '', expected);
      ids.forEach((_, index) => table.add(index));
      expect(ids.every((id, index) => table.find(id) === index)).toBe(true);
      expect(table.find('r-20000')).toBe(-1);
    }
  });

  it('treats ids as plain text: __proto__, control characters and ids differing only in case are distinct', () => {
    const ids = ['__proto__', 'constructor', 'a\u0000b', 'a\u001bb', 'R-1', 'r-1', '\u{1F600}'];
    const table = tableOf(ids);
    expect(ids.map((id) => table.find(id))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(table.find('toString')).toBe(-1);
  });
});

/**
 * Ids whose unseeded FNV-1a hash ends in 16 zero bits: the last character is chosen to cancel
 * the low bits of the rest. A table hashing them that way puts every one in the same slot.
 */
function collidingIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const prefix = `r-${i}-`;
    let hash = 0x811c9dc5;
    for (let k = 0; k < prefix.length; k += 1) hash = Math.imul(hash ^ prefix.charCodeAt(k), 0x01000193);
    return prefix + String.fromCharCode(hash & 0xffff);
  });
}

describe('ResponseIdTable against a crafted file', () => {
  it('reads each id a few times, not once per other id, when the ids are made to collide', () => {
    const ids = collidingIds(20_000);
    let reads = 0;
    const table = new ResponseIdTable((index) => {
      reads += 1;
      return ids[index] ?? '';
    });
    ids.forEach((id, index) => {
      expect(table.find(id)).toBe(-1);
      table.add(index);
    });
    expect(ids.every((id, index) => table.find(id) === index)).toBe(true);
    // Adding, growing and finding each id twice: a handful of reads per id. Were the ids to share
    // one slot, it would be about 20,000 / 2 per id.
    expect(reads / ids.length).toBeLessThan(20);
  });
});
