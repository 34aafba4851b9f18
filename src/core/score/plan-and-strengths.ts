import type { AttainedLevel } from './attained-level.ts';
import { type PlanItem, selectPlan } from './development-plan.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { groupMeans, itemsAt, type PlanPositions } from './plan-positions.ts';
import type { RatingTally } from './rating-tally.ts';
import { selectStrengths } from './strengths.ts';

/**
 * Group g's development plan and strengths from a subject's tally, by the rules of
 * development-plan.ts and strengths.ts, chosen by statement position in arrays reused subject
 * after subject: only the items chosen become objects.
 */
export function planAndStrengths(
  index: FrameworkIndex,
  tally: RatingTally,
  g: number,
  attained: AttainedLevel,
  positions: PlanPositions,
): { developmentPlan: PlanItem[]; strengths: PlanItem[] } {
  groupMeans(tally, g, positions);
  selectPlan(index.framework, positions, attained);
  selectStrengths(tally, g, positions);
  const { statements } = index.framework;
  return {
    developmentPlan: itemsAt(statements, positions.plan, positions.means, positions.planCount),
    strengths: itemsAt(statements, positions.strengths, positions.means, positions.strengthCount),
  };
}
