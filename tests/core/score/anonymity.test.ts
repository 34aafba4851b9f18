import { describe, expect, it } from 'vitest';
import { decideShownGroups } from '../../../src/core/score/anonymity.ts';

function counts(partial: { self?: number; manager?: number; peer?: number; 'direct-report'?: number; other?: number }) {
  const manager = partial.manager ?? 0;
  const peer = partial.peer ?? 0;
  const directReport = partial['direct-report'] ?? 0;
  const other = partial.other ?? 0;
  return { self: partial.self ?? 1, manager, peer, 'direct-report': directReport, other, others: manager + peer + directReport + other };
}

describe('decideShownGroups', () => {
  it('shows only self for a subject with only a self response', () => {
    expect(decideShownGroups(counts({}))).toEqual({ shown: ['self'], hidden: [] });
  });

  it('hides a peer group of two and folds the manager into the remainder', () => {
    // others = 1 + 2 = 3 is shown; the remainder (peers) would be 2, so the manager (1) folds: 3.
    expect(decideShownGroups(counts({ manager: 1, peer: 2 }))).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'manager', reason: 'folded-to-protect-remainder', responses: 1 },
        { group: 'peer', reason: 'hidden-below-3', responses: 2 },
      ],
    });
  });

  it('folds until a remainder of one is at least 3', () => {
    // manager 1, peer 4, other 1: remainder 1 -> fold manager (1) -> 2 -> fold peer (4) -> 6.
    expect(decideShownGroups(counts({ manager: 1, peer: 4, other: 1 }))).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'manager', reason: 'folded-to-protect-remainder', responses: 1 },
        { group: 'peer', reason: 'folded-to-protect-remainder', responses: 4 },
        { group: 'other', reason: 'hidden-below-3', responses: 1 },
      ],
    });
  });

  it('breaks a tie in folding in the order manager, peer, direct-report, other', () => {
    // peer 3 and direct-report 3 are shown; other 1 is the remainder; the peers fold (tie, peer
    // first), making the remainder 4, and the direct reports stay.
    expect(decideShownGroups(counts({ peer: 3, 'direct-report': 3, other: 1 }))).toEqual({
      shown: ['self', 'direct-report', 'others'],
      hidden: [
        { group: 'peer', reason: 'folded-to-protect-remainder', responses: 3 },
        { group: 'other', reason: 'hidden-below-3', responses: 1 },
      ],
    });
  });

  it('prefers folding the manager over a peer group of the same size', () => {
    // manager 3 (shown on its own anyway), peer 3, other 2: remainder 2; manager folds first: 5.
    expect(decideShownGroups(counts({ manager: 3, peer: 3, other: 2 })).shown).toEqual(['self', 'peer', 'others']);
  });

  it('shows every group on its own when nothing is left over', () => {
    expect(decideShownGroups(counts({ manager: 1, peer: 3 }))).toEqual({
      shown: ['self', 'manager', 'peer', 'others'],
      hidden: [],
    });
  });

  it('keeps a remainder of 3 or more as it is', () => {
    expect(decideShownGroups(counts({ manager: 1, peer: 3, other: 2, 'direct-report': 1 })).shown).toEqual([
      'self',
      'manager',
      'peer',
      'others',
    ]);
  });

  it('folds a lone manager when one peer is the remainder, even though others is under 3', () => {
    // DESIGN.md: the remainder must be 0 or at least 3. manager 1, peer 1: remainder 1 -> the
    // manager folds -> 2, and nothing is left to fold; others (2) is hidden too.
    expect(decideShownGroups(counts({ manager: 1, peer: 1 }))).toEqual({
      shown: ['self'],
      hidden: [
        { group: 'manager', reason: 'folded-to-protect-remainder', responses: 1 },
        { group: 'peer', reason: 'hidden-below-3', responses: 1 },
        { group: 'others', reason: 'hidden-below-3', responses: 2 },
      ],
    });
  });

  it('shows a manager who is the only rater', () => {
    expect(decideShownGroups(counts({ manager: 1 })).shown).toEqual(['self', 'manager']);
  });

  it('shows no self where there is no self response', () => {
    expect(decideShownGroups(counts({ self: 0, peer: 3 })).shown).toEqual(['peer', 'others']);
  });
});
