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

  it('treats ids as plain text: __proto__, control characters and ids differing only in case are distinct', () => {
    const ids = ['__proto__', 'constructor', 'a\u0000b', 'a\u001bb', 'R-1', 'r-1', '\u{1F600}'];
    const table = tableOf(ids);
    expect(ids.map((id) => table.find(id))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(table.find('toString')).toBe(-1);
  });
});
