import type { PlanItem } from './development-plan.ts';
import type { FrameworkIndex } from './framework-index.ts';
import type { RatingTally } from './rating-tally.ts';
import { statementMean } from './statement-means.ts';
import { STRENGTH_MEAN } from './thresholds.ts';

/**
 * Statements the group rated STRENGTH_MEAN or more on average, so one 3 among 4s does not take
 * a strength away. Highest first, ties in framework order. Compared on the integer sums, so exact.
 */
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
