import type { LevelId } from '../model/framework.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { meetsBar, poolSet, type RatingPools } from './pooled-stats.ts';
import type { RatingTally } from './rating-tally.ts';

export type AttainedLevel = LevelId | 'not-yet';

/**
 * DESIGN.md "Attained level" of group g on axis a (framework or domain): the highest level L such
 * that every level up to and including L meets the bar (mean >= 3.0, coverage >= 0.5); else
 * `not-yet`. The framework axis uses the level axes, a domain its statements at each level. A
 * level with no statement in the domain is passed over: it can be neither met nor failed.
 * `pools` holds the axes pooled (poolRatings); each level's set is pooled here when reached.
 *
 * A framework without levels (README): the framework or a domain attains the framework's
 * `standardLevel` when the axis itself meets the bar. Level axes have no attained level: null.
 */
export function attainLevel(index: FrameworkIndex, tally: RatingTally, pools: RatingPools, g: number, a: number): AttainedLevel | null {
  const axis = index.axes[a];
  if (axis === undefined || axis.kind === 'level') return null;
  const levelSets = index.levelSets[a];
  if (levelSets === null || levelSets === undefined) {
    return meetsBar(pools, g, a) ? index.framework.standardLevel : 'not-yet';
  }
  let attained: AttainedLevel = 'not-yet';
  for (const { level, set } of levelSets) {
    if ((pools.size[set] ?? 0) === 0) continue;
    poolSet(index, tally, pools, g, set);
    if (!meetsBar(pools, g, set)) break;
    attained = level;
  }
  return attained;
}
