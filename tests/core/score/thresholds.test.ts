import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkThresholds,
  DEFAULT_THRESHOLDS,
  LOWEST_THRESHOLDS,
  MIN_GROUP_RESPONSES,
  THRESHOLD_KEYS,
} from '../../../src/core/score/thresholds.ts';

function issuesOf(value: unknown) {
  const result = checkThresholds(value);
  if (result.ok) throw new Error('expected the thresholds to be refused');
  return result.issues.map(({ code, path }) => `${code} ${path}`);
}

describe('DEFAULT_THRESHOLDS', () => {
  it("are DESIGN.md's: the manager shown alone, every other group, all others and comments at 3", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ manager: 1, peer: 3, 'direct-report': 3, other: 3, others: 3, comments: 3 });
    expect(DEFAULT_THRESHOLDS.peer).toBe(MIN_GROUP_RESPONSES);
  });

  it('cannot be changed by a caller that holds them', () => {
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
  });
});

describe('checkThresholds', () => {
  it('accepts the defaults and gives back an equal, separate object', () => {
    const result = checkThresholds({ ...DEFAULT_THRESHOLDS });
    expect(result).toEqual({ ok: true, value: DEFAULT_THRESHOLDS });
    if (result.ok) expect(Object.isFrozen(result.value)).toBe(false);
  });

  it('accepts a manager at 1 and every other threshold at 2, the lowest allowed', () => {
    expect(checkThresholds({ manager: 1, peer: 2, 'direct-report': 2, other: 2, others: 2, comments: 2 }).ok).toBe(true);
  });

  it('accepts high thresholds, such as peers at 5 and comments at 6', () => {
    expect(checkThresholds({ ...DEFAULT_THRESHOLDS, peer: 5, comments: 6 })).toEqual({ ok: true, value: { ...DEFAULT_THRESHOLDS, peer: 5, comments: 6 } });
  });

  it('refuses a peer, direct-report, other, all-others or comment threshold of 1', () => {
    for (const key of THRESHOLD_KEYS.filter((k) => k !== 'manager')) {
      expect(issuesOf({ ...DEFAULT_THRESHOLDS, [key]: 1 })).toEqual([`thresholds.too-low thresholds.${key}`]);
    }
  });

  it('refuses a manager threshold of 0, or below', () => {
    expect(issuesOf({ ...DEFAULT_THRESHOLDS, manager: 0 })).toEqual(['thresholds.too-low thresholds.manager']);
    expect(issuesOf({ ...DEFAULT_THRESHOLDS, manager: -2 })).toEqual(['thresholds.too-low thresholds.manager']);
  });

  it('says in the message what the lowest value is and what was found', () => {
    const result = checkThresholds({ ...DEFAULT_THRESHOLDS, peer: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/peer threshold must be at least 2.*found 1/);
  });

  it('refuses fractions, text, null, infinities and numbers past the safe integers', () => {
    for (const bad of [2.5, '3', null, Number.POSITIVE_INFINITY, Number.NaN, 2 ** 60, true]) {
      expect(issuesOf({ ...DEFAULT_THRESHOLDS, others: bad })).toEqual(['thresholds.not-integer thresholds.others']);
    }
  });

  it('refuses a missing and an unknown key, the usual typo', () => {
    const { peer: _peer, ...withoutPeer } = DEFAULT_THRESHOLDS;
    expect(issuesOf({ ...withoutPeer, peers: 4 })).toEqual(['thresholds.unknown-key thresholds.peers', 'thresholds.missing thresholds.peer']);
  });

  it('lists every problem, not only the first', () => {
    expect(issuesOf({ manager: 0, peer: 1, 'direct-report': 'x', others: 2.5, comments: 1 })).toEqual([
      'thresholds.too-low thresholds.manager',
      'thresholds.too-low thresholds.peer',
      'thresholds.not-integer thresholds.direct-report',
      'thresholds.missing thresholds.other',
      'thresholds.not-integer thresholds.others',
      'thresholds.too-low thresholds.comments',
    ]);
  });

  it('refuses what is not an object, whole', () => {
    for (const bad of [undefined, null, 3, 'peer=5', [3, 3, 3]]) expect(issuesOf(bad)).toEqual(['thresholds.not-object thresholds']);
  });

  it('names the path it is given, for thresholds inside a larger file', () => {
    const result = checkThresholds({ ...DEFAULT_THRESHOLDS, other: 0 }, 'campaign.thresholds');
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['campaign.thresholds.other']);
  });

  it('takes a __proto__ key from JSON as an unknown key, harmlessly', () => {
    const parsed: unknown = JSON.parse('{"manager":1,"peer":3,"direct-report":3,"other":3,"others":3,"comments":3,"__proto__":{"peer":1}}');
    expect(issuesOf(parsed)).toEqual(['thresholds.unknown-key thresholds.__proto__']);
  });

  it('accepts exactly the objects whose every threshold is a whole number at or above its lowest', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double(), fc.constant(null));
    const fine = (key: (typeof THRESHOLD_KEYS)[number], v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= LOWEST_THRESHOLDS[key];
    fc.assert(
      fc.property(fc.tuple(value, value, value, value, value, value), (values) => {
        const given = Object.fromEntries(THRESHOLD_KEYS.map((key, i) => [key, values[i]]));
        const result = checkThresholds(given);
        const bad = THRESHOLD_KEYS.filter((key) => !fine(key, given[key]));
        if (result.ok) expect(result.value).toEqual(given);
        else expect(result.issues.map((issue) => issue.path)).toEqual(bad.map((key) => `thresholds.${key}`));
        expect(result.ok).toBe(bad.length === 0);
      }),
    );
  });
});
