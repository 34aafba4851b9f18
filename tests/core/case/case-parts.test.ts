import { describe, expect, it } from 'vitest';
import { readCasePackage } from '../../../src/core/case/import-case.ts';
import { MAX_PICKABLE_PARTS, MAX_SUGGESTIONS } from '../../../src/core/case/case-subtrees.ts';
import { type TestItem, testPackage } from './case-package-builder.ts';

/** A package of `grades` grades with `per` standards each: too many statements for one survey once grades x per > 300. */
function grades(count: number, per: number): TestItem[] {
  return Array.from({ length: count }, (_, g) => [
    { id: `g${g + 1}`, text: `Grade ${g + 1}`, code: `G${g + 1}`, sequence: g + 1 },
    ...Array.from({ length: per }, (_, s) => ({ id: `g${g + 1}-s${s + 1}`, text: `Standard ${g + 1}.${s + 1}`, parent: `g${g + 1}`, sequence: s + 1 })),
  ]).flat();
}

describe('the parts of a package too large for one survey, as data for a picker', () => {
  it('gives each part that fits with its identifier, title and size, in the order the message lists them', () => {
    const result = readCasePackage(testPackage(grades(4, 120)), 'wide.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.parts).toEqual({
      subtrees: [1, 2, 3, 4].map((g) => ({ identifier: `g${g}`, title: `G${g} Grade ${g}`, items: 121, statements: 120 })),
      more: 0,
    });
    expect(result.issues.filter((issue) => issue.code === 'case.subtree').map((issue) => issue.path)).toEqual(result.parts?.subtrees.map((part) => part.identifier));
  });

  it('offers every part to pick although the message lists only the first 40 and counts the rest', () => {
    const result = readCasePackage(testPackage(grades(60, 10)), 'many.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.parts?.subtrees).toHaveLength(60);
    expect(result.parts?.more).toBe(0);
    const listed = result.issues.filter((issue) => issue.code === 'case.subtree');
    expect(listed).toHaveLength(MAX_SUGGESTIONS + 1);
    expect(listed.at(-1)?.message).toBe('20 more parts of this size.');
  });

  it('stops offering parts at 2,000, counting the rest, so a crafted package cannot make a list of millions', () => {
    const result = readCasePackage(testPackage(grades(MAX_PICKABLE_PARTS + 5, 1)), 'huge.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.parts?.subtrees).toHaveLength(MAX_PICKABLE_PARTS);
    expect(result.parts?.more).toBe(5);
    expect(result.issues.at(-1)?.message).toBe(`${(MAX_PICKABLE_PARTS + 5 - MAX_SUGGESTIONS).toLocaleString('en')} more parts of this size.`);
  });

  it('has no parts for any other refusal, and the part picked opens', () => {
    const cycle = readCasePackage(testPackage([{ id: 'a', text: 'A', parent: 'b' }, { id: 'b', text: 'B', parent: 'a' }]), 'cycle.json');
    expect(cycle.ok || cycle.parts).toBeUndefined();
    const picked = readCasePackage(testPackage(grades(4, 120)), 'wide.json', { subtree: 'g2' });
    expect(picked.ok && picked.value.framework.title).toBe('Test Framework: Grade 2');
  });
});
