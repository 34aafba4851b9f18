import type { Statement } from '../model/framework.ts';
import type { PlanItem } from './development-plan.ts';
import { deriveGroupSums, type RatingTally } from './rating-tally.ts';

/**
 * Working arrays for choosing a development plan and strengths by statement position
 * (development-plan.ts, strengths.ts): one group's mean of each statement (NaN where it has no
 * rating) and whether it gave N/A only (1), and the positions chosen, `*Count` of each in use.
 * Refilled subject after subject: PlanItem objects are made only for the statements chosen.
 */
export type PlanPositions = {
  means: Float64Array;
  onlyNotApplicable: Uint8Array;
  plan: Int32Array;
  planCount: number;
  independent: Int32Array;
  independentCount: number;
  strengths: Int32Array;
  strengthCount: number;
};

export function createPlanPositions(statementCount: number): PlanPositions {
  return {
    means: new Float64Array(statementCount),
    onlyNotApplicable: new Uint8Array(statementCount),
    plan: new Int32Array(statementCount),
    planCount: 0,
    independent: new Int32Array(statementCount),
    independentCount: 0,
    strengths: new Int32Array(statementCount),
    strengthCount: 0,
  };
}

/** Group g's mean of each statement and its N/A-only statements, from a subject's tally. */
export function groupMeans(tally: RatingTally, g: number, into: PlanPositions): PlanPositions {
  deriveGroupSums(tally, g);
  const { statementCount: n, count, sum, notApplicable } = tally;
  const { means, onlyNotApplicable } = into;
  for (let p = 0; p < n; p += 1) {
    const k = g * n + p;
    const c = count[k]!;
    means[p] = c === 0 ? Number.NaN : sum[k]! / c;
    onlyNotApplicable[p] = c === 0 && notApplicable[k]! > 0 ? 1 : 0;
  }
  return into;
}

/** The PlanItem of each of the first `count` positions, in their order. */
export function itemsAt(statements: readonly Statement[], positions: ArrayLike<number>, means: ArrayLike<number>, count: number): PlanItem[] {
  const items = new Array<PlanItem>(count);
  for (let i = 0; i < count; i += 1) {
    const p = positions[i]!;
    items[i] = planItem(statements[p] as Statement, means[p]!);
  }
  return items;
}

/** A statement's PlanItem with the group's mean (NaN: unanswered). */
export function planItem(statement: Statement, mean: number): PlanItem {
  return { statementId: statement.id, level: statement.level, domain: statement.domain, mean: Number.isNaN(mean) ? null : mean };
}
