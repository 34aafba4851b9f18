import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OTHER_GROUPS, type OtherGroup, type RaterGroup } from '../../../src/core/model/response.ts';
import {
  decideCommentGroups,
  decideShownGroups,
  type HiddenGroup,
  responsesNeeded,
  type Visibility,
} from '../../../src/core/score/anonymity.ts';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import type { GroupCounts, ScoreGroup } from '../../../src/core/score/score-groups.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { type AnonymityThresholds, DEFAULT_THRESHOLDS } from '../../../src/core/score/thresholds.ts';
import { levelled, response } from './fixtures.ts';

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

// ---------------------------------------------------------------------------------------------
// Issue 10: thresholds the coach sets.

const withThresholds = (changes: Partial<AnonymityThresholds>): AnonymityThresholds => ({ ...DEFAULT_THRESHOLDS, ...changes });

describe('decideShownGroups with thresholds the coach sets', () => {
  it('hides four peers when peers need 5, and shows them pooled in all others', () => {
    expect(decideShownGroups(counts({ peer: 4, other: 1 }), withThresholds({ peer: 5 }))).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'peer', reason: 'hidden-below-3', responses: 4 },
        { group: 'other', reason: 'hidden-below-3', responses: 1 },
      ],
    });
  });

  it('folds a manager shown alone when all others minus the manager would be four peers, with peers at 5', () => {
    // With the defaults manager 1 and peers 4 are all shown. With peers at 5, `others` minus the
    // manager would be the four peers' figure, which the peer threshold withholds: the manager folds.
    expect(decideShownGroups(counts({ manager: 1, peer: 4 })).shown).toEqual(['self', 'manager', 'peer', 'others']);
    expect(decideShownGroups(counts({ manager: 1, peer: 4 }), withThresholds({ peer: 5 }))).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'manager', reason: 'folded-to-protect-remainder', responses: 1 },
        { group: 'peer', reason: 'hidden-below-3', responses: 4 },
      ],
    });
  });

  it('shows no all-others figure that is only four peers when peers need 5, whatever the all-others threshold', () => {
    expect(decideShownGroups(counts({ peer: 4 }), withThresholds({ peer: 5, others: 2 }))).toEqual({
      shown: ['self'],
      hidden: [
        { group: 'peer', reason: 'hidden-below-3', responses: 4 },
        { group: 'others', reason: 'hidden-below-3', responses: 4 },
      ],
    });
    expect(responsesNeeded('others', counts({ peer: 4 }), withThresholds({ peer: 5, others: 2 }))).toBe(5);
  });

  it('shows five peers when peers need 5', () => {
    expect(decideShownGroups(counts({ manager: 1, peer: 5 }), withThresholds({ peer: 5 })).shown).toEqual(['self', 'manager', 'peer', 'others']);
  });

  it('hides a lone manager when managers need 2, and folds the peers so that the manager is not the remainder', () => {
    // manager 1 < 2 is hidden; peers 3 are shown; `others` minus peers would be the manager alone.
    expect(decideShownGroups(counts({ manager: 1, peer: 3 }), withThresholds({ manager: 2 }))).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'manager', reason: 'hidden-below-3', responses: 1 },
        { group: 'peer', reason: 'folded-to-protect-remainder', responses: 3 },
      ],
    });
  });

  it('shows nothing but self for a lone manager when managers need 2', () => {
    expect(decideShownGroups(counts({ manager: 1 }), withThresholds({ manager: 2 }))).toEqual({
      shown: ['self'],
      hidden: [
        { group: 'manager', reason: 'hidden-below-3', responses: 1 },
        { group: 'others', reason: 'hidden-below-3', responses: 1 },
      ],
    });
  });

  it('shows two managers when managers need 2', () => {
    expect(decideShownGroups(counts({ manager: 2, peer: 3 }), withThresholds({ manager: 2 })).shown).toEqual(['self', 'manager', 'peer', 'others']);
  });

  it('holds the remainder to the all-others threshold: with it at 5, two direct reports left over fold the manager and the peers', () => {
    // others 6 >= 5; remainder 2 -> fold manager (1) -> 3 -> fold peers (3) -> 6.
    expect(decideShownGroups(counts({ manager: 1, peer: 3, 'direct-report': 2 }), withThresholds({ others: 5 }))).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'manager', reason: 'folded-to-protect-remainder', responses: 1 },
        { group: 'peer', reason: 'folded-to-protect-remainder', responses: 3 },
        { group: 'direct-report', reason: 'hidden-below-3', responses: 2 },
      ],
    });
  });

  it('hides all others under its own threshold while a group of three is shown on its own', () => {
    expect(decideShownGroups(counts({ peer: 3 }), withThresholds({ others: 4 }))).toEqual({
      shown: ['self', 'peer'],
      hidden: [{ group: 'others', reason: 'hidden-below-3', responses: 3 }],
    });
  });

  it('accepts a remainder of two at the lowest thresholds', () => {
    const lowest = { manager: 1, peer: 2, 'direct-report': 2, other: 2, others: 2, comments: 2 };
    expect(decideShownGroups(counts({ manager: 1, peer: 2, other: 1, 'direct-report': 1 }), lowest).shown).toEqual(['self', 'manager', 'peer', 'others']);
  });

  it('throws on thresholds that did not go through checkThresholds: a bug of the caller', () => {
    expect(() => decideShownGroups(counts({ peer: 3 }), withThresholds({ peer: 1 }))).toThrow(/checkThresholds/);
    expect(() => decideShownGroups(counts({ peer: 3 }), withThresholds({ others: 2.5 }))).toThrow(/checkThresholds/);
  });
});

describe('decideCommentGroups', () => {
  it('withholds the comments of three peers when comments need 4, and folds the manager so they cannot be subtracted out', () => {
    // Figures: all shown. Comments: peers 3 < 4; `others` 4 >= 4; `others` minus the manager's
    // comments would be the three peers' own, so the manager's comments fold into all others.
    const c = counts({ manager: 1, peer: 3 });
    const thresholds = withThresholds({ comments: 4 });
    const figures = decideShownGroups(c, thresholds);
    expect(figures.shown).toEqual(['self', 'manager', 'peer', 'others']);
    expect(decideCommentGroups(c, figures.shown, thresholds)).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'manager', reason: 'folded-to-protect-remainder', responses: 1 },
        { group: 'peer', reason: 'hidden-below-3', responses: 3 },
      ],
    });
    expect(responsesNeeded('peer', c, thresholds, 'comments')).toBe(4);
  });

  it('shows the comments of four peers and a manager shown alone when comments need 4', () => {
    const c = counts({ manager: 1, peer: 4 });
    const thresholds = withThresholds({ comments: 4 });
    expect(decideCommentGroups(c, decideShownGroups(c, thresholds).shown, thresholds)).toEqual({
      shown: ['self', 'manager', 'peer', 'others'],
      hidden: [],
    });
  });

  it('gives no comments to a group whose figures are not shown, and does not list it again', () => {
    const c = counts({ manager: 1, peer: 2 });
    const figures = decideShownGroups(c);
    expect(decideCommentGroups(c, figures.shown)).toEqual({ shown: ['self', 'others'], hidden: [] });
  });

  it('holds managers at 2 to the comment threshold too: a manager is anonymous there', () => {
    const c = counts({ manager: 2, peer: 4 });
    const thresholds = withThresholds({ manager: 2, comments: 4 });
    // Figures: manager 2, peers 4, all others 6. Comments: managers 2 < 4 and become the remainder:
    // 2 < 4, so the peers fold too and only all others keeps its comments.
    expect(decideCommentGroups(c, decideShownGroups(c, thresholds).shown, thresholds)).toEqual({
      shown: ['self', 'others'],
      hidden: [
        { group: 'manager', reason: 'hidden-below-3', responses: 2 },
        { group: 'peer', reason: 'folded-to-protect-remainder', responses: 4 },
      ],
    });
  });
});

describe('scoreSubject and scoreCohort with thresholds', () => {
  const framework = levelled(1);
  const rated = (group: RaterGroup, text: string) => response({ group, framework, answers: { 'emerging-01': 3 }, comments: { general: text } });
  const responses = [rated('self', 'Mine'), rated('manager', 'Boss'), rated('peer', 'P1'), rated('peer', 'P2'), rated('peer', 'P3'), rated('peer', 'P4')];

  it('gives the same score with the defaults given or left out', () => {
    expect(scoreSubject(framework, responses, 'learner-1', { thresholds: DEFAULT_THRESHOLDS })).toEqual(scoreSubject(framework, responses, 'learner-1'));
  });

  it('passes the thresholds down: peers at 5 leave no figure and no comment for the manager or the peers', () => {
    const thresholds = withThresholds({ peer: 5 });
    const score = scoreSubject(framework, responses, 'learner-1', { thresholds });
    expect(score.thresholds).toEqual(thresholds);
    expect(score.visibility.shown).toEqual(['self', 'others']);
    expect(score.axes[0]?.groups.map((g) => g.group)).toEqual(['self', 'others']);
    expect(score.comments.map((c) => c.group)).toEqual(['self', 'others']);
    expect(score.comments[1]?.comments.map((c) => c.text)).toEqual(['Boss', 'P1', 'P2', 'P3', 'P4']);
  });

  it('withholds comments, not figures, when only the comment threshold is raised', () => {
    const score = scoreSubject(framework, responses, 'learner-1', { thresholds: withThresholds({ comments: 5 }) });
    expect(score.visibility.shown).toEqual(['self', 'manager', 'peer', 'others']);
    // Peers 4 < 5: hidden; the remainder would be those four, so the manager's comments fold.
    expect(score.comments.map((c) => c.group)).toEqual(['self', 'others']);
    expect(score.commentsHidden).toEqual([
      { group: 'manager', reason: 'folded-to-protect-remainder', responses: 1 },
      { group: 'peer', reason: 'hidden-below-3', responses: 4 },
    ]);
  });

  it('scores every subject of a cohort with the thresholds given', () => {
    const thresholds = withThresholds({ peer: 5 });
    const frameworks = new Map([[framework.id, framework]]);
    const [score] = scoreCohort(frameworks, responses, { thresholds });
    expect(score?.visibility).toEqual(scoreSubject(framework, responses, 'learner-1', { thresholds }).visibility);
    expect(scoreCohort(frameworks, responses)[0]?.visibility.shown).toEqual(['self', 'manager', 'peer', 'others']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over any thresholds and counts.

/** decideShownGroups as it was before thresholds, copied literally: the oracle for the defaults. */
function decideShownGroupsBeforeThresholds(counts: GroupCounts): Visibility {
  const MIN_GROUP_RESPONSES = 3;
  const ownShown = new Set<OtherGroup>();
  for (const group of OTHER_GROUPS) {
    const count = counts[group];
    if (count > 0 && (group === 'manager' || count >= MIN_GROUP_RESPONSES)) ownShown.add(group);
  }
  const othersShown = counts.others >= MIN_GROUP_RESPONSES;
  const folded = new Set<OtherGroup>();
  let remainder = counts.others;
  for (const group of ownShown) remainder -= counts[group];
  while (remainder === 1 || remainder === 2) {
    let smallest: OtherGroup | undefined;
    for (const group of OTHER_GROUPS) {
      if (ownShown.has(group) && (smallest === undefined || counts[group] < counts[smallest])) smallest = group;
    }
    if (smallest === undefined) break;
    ownShown.delete(smallest);
    folded.add(smallest);
    remainder += counts[smallest];
  }
  const shown: ScoreGroup[] = counts.self > 0 ? ['self'] : [];
  const hidden: HiddenGroup[] = [];
  for (const group of OTHER_GROUPS) {
    if (ownShown.has(group)) shown.push(group);
    else if (folded.has(group)) hidden.push({ group, reason: 'folded-to-protect-remainder', responses: counts[group] });
    else if (counts[group] > 0) hidden.push({ group, reason: 'hidden-below-3', responses: counts[group] });
  }
  if (othersShown) shown.push('others');
  else if (counts.others > 0) hidden.push({ group: 'others', reason: 'hidden-below-3', responses: counts.others });
  return { shown, hidden };
}

const countsArb = fc
  .record({
    self: fc.integer({ min: 0, max: 1 }),
    manager: fc.integer({ min: 0, max: 4 }),
    peer: fc.integer({ min: 0, max: 9 }),
    'direct-report': fc.integer({ min: 0, max: 9 }),
    other: fc.integer({ min: 0, max: 9 }),
  })
  .map((c): GroupCounts => ({ ...c, others: c.manager + c.peer + c['direct-report'] + c.other }));

const thresholdsArb: fc.Arbitrary<AnonymityThresholds> = fc.record({
  manager: fc.integer({ min: 1, max: 4 }),
  peer: fc.integer({ min: 2, max: 7 }),
  'direct-report': fc.integer({ min: 2, max: 7 }),
  other: fc.integer({ min: 2, max: 7 }),
  others: fc.integer({ min: 2, max: 9 }),
  comments: fc.integer({ min: 2, max: 9 }),
});

type Bars = Readonly<Record<OtherGroup | 'others', number>>;

/**
 * What a reader of the figures can recover by subtraction, and whether it is protected. The
 * reader sees each shown group's pooled figures and response count; the rater groups are
 * disjoint and together make `others`. So when `others` is shown, every `others` minus some
 * groups shown on their own is a pool the reader can work out, and each holds the remainder (the
 * responses in no group shown on its own), the smallest of them exactly that. Such a pool
 * protects a rater of a group not shown on its own when it is empty of them, or has at least the
 * `others` threshold of responses and at least that group's threshold. Gives the pools that fail.
 */
function unprotectedPools(c: GroupCounts, visibility: Visibility, bars: Bars): string[] {
  if (!visibility.shown.includes('others')) return [];
  const own = OTHER_GROUPS.filter((group) => visibility.shown.includes(group));
  const notOwn = OTHER_GROUPS.filter((group) => !own.includes(group) && c[group] > 0);
  const failing: string[] = [];
  for (let mask = 0; mask < 1 << own.length; mask += 1) {
    const subtracted = own.filter((_, i) => (mask & (1 << i)) !== 0);
    const size = c.others - subtracted.reduce((sum, group) => sum + c[group], 0);
    const hiddenRaters = notOwn.reduce((sum, group) => sum + c[group], 0);
    if (hiddenRaters === 0) continue;
    const bar = Math.max(bars.others, ...notOwn.map((group) => bars[group]));
    if (size < bar) failing.push(`others - [${subtracted.join(', ')}] = ${size} < ${bar}`);
  }
  return failing;
}

const commentBarsOf = (t: AnonymityThresholds): Bars => {
  const bar = (own: number) => (own === 1 ? 1 : Math.max(own, t.comments));
  return { manager: bar(t.manager), peer: bar(t.peer), 'direct-report': bar(t['direct-report']), other: bar(t.other), others: bar(t.others) };
};

describe('anonymity properties, for any thresholds', () => {
  it('with the defaults gives exactly what the rule gave before thresholds, figures and comments alike', () => {
    fc.assert(
      fc.property(countsArb, (c) => {
        const before = decideShownGroupsBeforeThresholds(c);
        expect(decideShownGroups(c)).toEqual(before);
        expect(decideShownGroups(c, { ...DEFAULT_THRESHOLDS })).toEqual(before);
        expect(decideCommentGroups(c, before.shown)).toEqual({ shown: before.shown, hidden: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('shows no group but self with fewer responses than its threshold, nor all others with fewer than any group in it needs', () => {
    fc.assert(
      fc.property(countsArb, thresholdsArb, (c, t) => {
        const { shown } = decideShownGroups(c, t);
        for (const group of shown) {
          if (group === 'self') expect(c.self).toBeGreaterThan(0);
          else expect(c[group]).toBeGreaterThanOrEqual(Math.max(1, t[group]));
        }
        if (shown.includes('others')) {
          for (const group of OTHER_GROUPS) if (c[group] > 0) expect(c.others).toBeGreaterThanOrEqual(t[group]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves a remainder that subtraction could recover', () => {
    fc.assert(
      fc.property(countsArb, thresholdsArb, (c, t) => {
        expect(unprotectedPools(c, decideShownGroups(c, t), t)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('accounts for every group with responses once, as shown or hidden with a reason that holds', () => {
    fc.assert(
      fc.property(countsArb, thresholdsArb, (c, t) => {
        const { shown, hidden } = decideShownGroups(c, t);
        for (const group of [...OTHER_GROUPS, 'others'] as const) {
          const times = (shown.includes(group) ? 1 : 0) + hidden.filter((h) => h.group === group).length;
          expect(times).toBe(c[group] > 0 ? 1 : 0);
        }
        for (const h of hidden) {
          expect(h.responses).toBe(c[h.group]);
          if (h.reason === 'folded-to-protect-remainder') expect(c[h.group]).toBeGreaterThanOrEqual(t[h.group]);
          else expect(c[h.group]).toBeLessThan(responsesNeeded(h.group, c, t));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shows comments only under groups with figures shown, each at its comment bar, with no recoverable remainder', () => {
    fc.assert(
      fc.property(countsArb, thresholdsArb, (c, t) => {
        const figures = decideShownGroups(c, t);
        const comments = decideCommentGroups(c, figures.shown, t);
        const bars = commentBarsOf(t);
        for (const group of comments.shown) {
          expect(figures.shown).toContain(group);
          if (group !== 'self') expect(c[group]).toBeGreaterThanOrEqual(bars[group]);
        }
        for (const h of comments.hidden) expect(figures.shown).toContain(h.group);
        expect([...comments.shown, ...comments.hidden.map((h) => h.group)].sort()).toEqual([...figures.shown].sort());
        expect(unprotectedPools(c, comments, bars)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows comments wherever figures are when the comment threshold is no higher than any anonymous group needs', () => {
    fc.assert(
      fc.property(countsArb, thresholdsArb, (c, drawn) => {
        const anonymous = [drawn.peer, drawn['direct-report'], drawn.other, drawn.others, ...(drawn.manager > 1 ? [drawn.manager] : [])];
        const t = { ...drawn, comments: Math.min(...anonymous) };
        const figures = decideShownGroups(c, t);
        expect(decideCommentGroups(c, figures.shown, t)).toEqual({ shown: figures.shown, hidden: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('never shows a group that has no response, nor self without a self response', () => {
    fc.assert(
      fc.property(countsArb, thresholdsArb, (c, t) => {
        for (const group of decideShownGroups(c, t).shown) expect(c[group]).toBeGreaterThan(0);
      }),
    );
  });
});
