import type { PlanItem } from './development-plan.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { createPlanPositions, groupMeans, itemsAt, type PlanPositions } from './plan-positions.ts';
import type { RatingTally } from './rating-tally.ts';
import { STRENGTH_MEAN } from './thresholds.ts';

/**
 * Statements the group rated STRENGTH_MEAN or more on average, so one 3 among 4s does not take
 * a strength away. Highest first, ties in framework order. Compared on the integer sums, so exact.
 */
export function findStrengths(index: FrameworkIndex, tally: RatingTally, g: number): PlanItem[] {
  const positions = groupMeans(tally, g, createPlanPositions(index.statementCount));
  selectStrengths(tally, g, positions);
  return itemsAt(index.framework.statements, positions.strengths, positions.means, positions.strengthCount);
}

/** The rule above into `positions.strengths`, by position; `positions.means` must be group g's (groupMeans). */
export function selectStrengths(tally: RatingTally, g: number, positions: PlanPositions): void {
  const { statementCount: n, count, sum } = tally;
  const { means, strengths } = positions;
  positions.strengthCount = 0;
  for (let p = 0; p < n; p += 1) {
    const k = g * n + p;
    const c = count[k]!;
    if (c === 0 || 2 * sum[k]! < 2 * STRENGTH_MEAN * c) continue;
    // Highest first, ties in framework order: inserted after every strength rated no lower.
    const mean = means[p]!;
    let at = positions.strengthCount++;
    while (at > 0 && means[strengths[at - 1]!]! < mean) {
      strengths[at] = strengths[at - 1]!;
      at -= 1;
    }
    strengths[at] = p;
  }
}
