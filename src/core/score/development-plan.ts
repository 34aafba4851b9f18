import { LEVEL_IDS, type LevelId } from '../model/framework.ts';
import type { AttainedLevel } from './attained-level.ts';
import type { FrameworkIndex } from './framework-index.ts';
import type { RatingTally } from './rating-tally.ts';
import { isOnlyNotApplicable, statementMean } from './statement-means.ts';
import { ATTAINMENT_MEAN } from './thresholds.ts';

export type PlanItem = {
  statementId: string;
  level: LevelId | null;
  domain: string | null;
  /** The group's mean rating; null where it left the statement unanswered. */
  mean: number | null;
};

/**
 * DESIGN.md's development plan for group g (self by default): the statements of the level above
 * the attained one, lowest rated first. Statements the group marked N/A only are left out (not
 * part of the role); unanswered ones come after the rated ones; ties keep framework order.
 * Nothing above `advanced`. A framework without levels has no next level: its plan is the
 * statements rated below ATTAINMENT_MEAN (short of "Independently"), lowest first.
 */
export function planDevelopment(index: FrameworkIndex, tally: RatingTally, g: number, attained: AttainedLevel): PlanItem[] {
  const { framework } = index;
  const items: PlanItem[] = [];
  if (framework.levels.length === 0) {
    framework.statements.forEach((statement, p) => {
      const mean = statementMean(tally, g, p);
      if (mean !== null && mean < ATTAINMENT_MEAN) items.push({ statementId: statement.id, level: statement.level, domain: statement.domain, mean });
    });
  } else {
    const next = nextLevel(attained);
    if (next === null) return [];
    framework.statements.forEach((statement, p) => {
      if (statement.level !== next || isOnlyNotApplicable(tally, g, p)) return;
      items.push({ statementId: statement.id, level: statement.level, domain: statement.domain, mean: statementMean(tally, g, p) });
    });
  }
  // Array.prototype.sort is stable: equal means keep framework order.
  return items.sort((a, b) => rank(a.mean) - rank(b.mean));
}

function nextLevel(attained: AttainedLevel): LevelId | null {
  if (attained === 'not-yet') return LEVEL_IDS[0];
  return LEVEL_IDS[LEVEL_IDS.indexOf(attained) + 1] ?? null;
}

/** Unanswered sorts after every rating (ratings are 1-4). */
function rank(mean: number | null): number {
  return mean ?? Number.POSITIVE_INFINITY;
}
