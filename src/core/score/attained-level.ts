import type { Framework, LevelId } from '../model/framework.ts';
import type { Axis } from './axes.ts';
import { meetsBar, poolRatings } from './pooled-stats.ts';
import type { RatingTally } from './rating-tally.ts';

export type AttainedLevel = LevelId | 'not-yet';

/**
 * DESIGN.md "Attained level" of group g on a framework or domain axis: the highest level L such
 * that every level up to and including L meets the bar (mean >= 3.0, coverage >= 0.5); else
 * `not-yet`. The framework axis uses the level axes, a domain its statements at each level.
 * A level with no statement in the domain is passed over: it can neither be met nor failed.
 *
 * A framework without levels (README): the framework or domain attains the framework's
 * `standardLevel` when the axis itself meets the bar. Level axes have no attained level: null.
 */
export function attainLevel(framework: Framework, axis: Axis, tally: RatingTally, g: number): AttainedLevel | null {
  if (axis.kind === 'level') return null;
  if (axis.byLevel === null) {
    return meetsBar(poolRatings(tally, g, axis.positions)) ? framework.standardLevel : 'not-yet';
  }
  let attained: AttainedLevel = 'not-yet';
  for (const { level, positions } of axis.byLevel) {
    if (positions.length === 0) continue;
    if (!meetsBar(poolRatings(tally, g, positions))) break;
    attained = level;
  }
  return attained;
}
