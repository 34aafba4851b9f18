import type { PlanItem } from './development-plan.ts';
import type { FrameworkIndex } from './framework-index.ts';
import type { RatingTally } from './rating-tally.ts';
import { statementMean } from './statement-means.ts';

/**
 * Decision (DESIGN.md is silent): a strength is a statement whose mean rating from the group is
 * 3.5 or more. For one response (self, a lone manager) that is exactly a 4, "Consistently, and
 * can guide others"; for a group it is a mean nearer 4 than 3, so one 3 among 4s does not take
 * it away. Highest first, ties in framework order. Compared on the integer sums, so exact.
 */
export const STRENGTH_MEAN = 3.5;

export function findStrengths(index: FrameworkIndex, tally: RatingTally, g: number): PlanItem[] {
  const items: PlanItem[] = [];
  index.framework.statements.forEach((statement, p) => {
    const k = g * tally.statementCount + p;
    const count = tally.count[k] ?? 0;
    if (count === 0 || 2 * (tally.sum[k] ?? 0) < 2 * STRENGTH_MEAN * count) return;
    items.push({ statementId: statement.id, level: statement.level, domain: statement.domain, mean: statementMean(tally, g, p) });
  });
  return items.sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
}
