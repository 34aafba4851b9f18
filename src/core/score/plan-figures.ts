import type { Statement } from '../model/framework.ts';
import type { AttainedLevel } from './attained-level.ts';
import { selectPlan, type PlanItem } from './development-plan.ts';
import { type FigureBlocks, takeFigures } from './figure-column.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { groupMeans, planItem, type PlanPositions } from './plan-positions.ts';
import type { RatingTally } from './rating-tally.ts';
import { selectStrengths } from './strengths.ts';

/**
 * A subject's development plan and strengths by column, as its figures are kept
 * (statement-figures.ts), and for the same reason: their PlanItem objects, some 45 per subject
 * with a boxed mean each, were half of what each subject's score kept alive in a cohort. Laid
 * out as [plan length, strengths length, then each plan item's position and mean, then each
 * strength's]; NaN stands for an unanswered mean.
 */
export type PlanFigures = Float64Array;

/** The plan and strengths of group g, chosen by development-plan.ts and strengths.ts. */
export function computePlanFigures(index: FrameworkIndex, tally: RatingTally, g: number, attained: AttainedLevel, positions: PlanPositions, blocks: FigureBlocks): PlanFigures {
  groupMeans(tally, g, positions);
  selectPlan(index.framework, positions, attained);
  selectStrengths(tally, g, positions);
  const { planCount, strengthCount, plan, strengths, means } = positions;
  const figures = takeFigures(blocks, 2 + 2 * (planCount + strengthCount));
  figures[0] = planCount;
  figures[1] = strengthCount;
  let at = 2;
  for (let i = 0; i < planCount; i += 1, at += 2) {
    figures[at] = plan[i]!;
    figures[at + 1] = means[plan[i]!]!;
  }
  for (let i = 0; i < strengthCount; i += 1, at += 2) {
    figures[at] = strengths[i]!;
    figures[at + 1] = means[strengths[i]!]!;
  }
  return figures;
}

/** No plan and no strengths (the plan group is not shown); never written to. */
export const NO_PLAN_FIGURES: PlanFigures = new Float64Array(2);

export function developmentPlanOf(statements: readonly Statement[], figures: PlanFigures): PlanItem[] {
  return itemsOf(statements, figures, 2, figures[0]!);
}

export function strengthsOf(statements: readonly Statement[], figures: PlanFigures): PlanItem[] {
  return itemsOf(statements, figures, 2 + 2 * figures[0]!, figures[1]!);
}

function itemsOf(statements: readonly Statement[], figures: PlanFigures, from: number, count: number): PlanItem[] {
  const items = new Array<PlanItem>(count);
  for (let i = 0, at = from; i < count; i += 1, at += 2) items[i] = planItem(statements[figures[at]!] as Statement, figures[at + 1]!);
  return items;
}
