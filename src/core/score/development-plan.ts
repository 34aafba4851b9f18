import { type Framework, LEVEL_IDS, type LevelId } from '../model/framework.ts';
import type { AttainedLevel } from './attained-level.ts';
import type { FrameworkIndex } from './framework-index.ts';
import { type PlanPositions, createPlanPositions, groupMeans, itemsAt } from './plan-positions.ts';
import type { RatingTally } from './rating-tally.ts';
import type { SubjectScore } from './subject-score.ts';
import { ATTAINMENT_MEAN } from './thresholds.ts';

export type PlanItem = {
  statementId: string;
  level: LevelId | null;
  domain: string | null;
  /** The group's mean rating; null where it left the statement unanswered. */
  mean: number | null;
};

/**
 * What the plan is drawn from, and what it leaves out: `plan` is the development plan,
 * `alreadyIndependent` the statements of the same scope the group already rates at least
 * "Independently" (issue 14: the plan is about what to develop, so those are not in it).
 * `level` is the level the plan is drawn from: null for a framework without levels, or when
 * every level is attained (then both lists are empty).
 */
export type PlanSelection = { level: LevelId | null; plan: PlanItem[]; alreadyIndependent: PlanItem[] };

/**
 * DESIGN.md's development plan for group g (self by default): the statements of the level above
 * the attained one, lowest rated first. Issue 14: a statement the group already rates at least
 * ATTAINMENT_MEAN ("Independently") on average is not something to develop, so it is left out
 * (an unanswered one stays: nothing says it is mastered). Statements the group marked N/A only
 * are left out (not part of the role); unanswered ones come after the rated ones; ties keep
 * framework order. Nothing above `advanced`. A framework without levels has no next level: its
 * plan is every statement rated below "Independently", lowest first.
 */
export function planDevelopment(index: FrameworkIndex, tally: RatingTally, g: number, attained: AttainedLevel): PlanItem[] {
  const positions = createPlanPositions(index.statementCount);
  groupMeans(tally, g, positions);
  selectPlan(index.framework, positions, attained);
  return itemsAt(index.framework.statements, positions.plan, positions.means, positions.planCount);
}

/**
 * The plan's selection for a profile already scored (the app holds a SubjectScore, not a tally),
 * so it can say how many statements were left out as already "Independently". The per-statement
 * means a SubjectScore carries are self's and all others': for another plan group it returns
 * null. N/A cannot be told from unanswered here, so this selection's `plan` may hold N/A
 * statements: use `score.developmentPlan` for the plan itself, and this for what it left out.
 */
export function planSelectionOf(framework: Framework, score: SubjectScore): PlanSelection | null {
  const group = score.planGroup;
  if (group !== 'self' && group !== 'others') return null;
  if (!score.visibility.shown.includes(group)) return { level: null, plan: [], alreadyIndependent: [] };
  const whole = score.axes.find((axis) => axis.kind === 'framework');
  const attained = whole?.groups.find((entry) => entry.group === group)?.attainedLevel ?? 'not-yet';
  const positions = createPlanPositions(framework.statements.length);
  score.statements.forEach((statement, p) => {
    positions.means[p] = statement[group] ?? Number.NaN;
  });
  const level = selectPlan(framework, positions, attained);
  const { statements } = framework;
  return {
    level,
    plan: itemsAt(statements, positions.plan, positions.means, positions.planCount),
    alreadyIndependent: itemsAt(statements, positions.independent, positions.means, positions.independentCount),
  };
}

/** "Independently" or above: the learner does it without help already. */
export function isAlreadyIndependent(mean: number | null): boolean {
  // Means are sums over counts: a 1e-9 tolerance keeps float noise from moving a 3.0 below the bar.
  return mean !== null && mean >= ATTAINMENT_MEAN - 1e-9;
}

/**
 * The rule above over `positions.means` (NaN for unanswered) and `onlyNotApplicable`, into
 * `positions.plan` (lowest first) and `positions.independent` (framework order), by statement
 * position: the plan of every subject of a cohort is chosen without an object per statement.
 * Returns the level the plan is drawn from.
 */
export function selectPlan(framework: Framework, positions: PlanPositions, attained: AttainedLevel): LevelId | null {
  const { means, onlyNotApplicable, plan, independent } = positions;
  positions.planCount = 0;
  positions.independentCount = 0;
  const next = framework.levels.length === 0 ? null : nextLevel(attained);
  if (framework.levels.length > 0 && next === null) return null;
  const { statements } = framework;
  for (let p = 0; p < statements.length; p += 1) {
    if (next !== null && statements[p]?.level !== next) continue;
    const mean = means[p]!;
    const rated = !Number.isNaN(mean);
    // Without levels only rated statements are planned (nothing names a level to reach).
    if (next === null && !rated) continue;
    if (onlyNotApplicable[p] === 1) continue;
    if (rated && isAlreadyIndependent(mean)) {
      independent[positions.independentCount++] = p;
      continue;
    }
    // Lowest first, unanswered last, ties in framework order: an insertion after every item
    // ranked no higher (at most a level's statements, so a sort would cost more than it saves).
    const rank = rated ? mean : Number.POSITIVE_INFINITY;
    let at = positions.planCount++;
    while (at > 0 && rankOf(means[plan[at - 1]!]!) > rank) {
      plan[at] = plan[at - 1]!;
      at -= 1;
    }
    plan[at] = p;
  }
  return next;
}

function nextLevel(attained: AttainedLevel): LevelId | null {
  if (attained === 'not-yet') return LEVEL_IDS[0];
  return LEVEL_IDS[LEVEL_IDS.indexOf(attained) + 1] ?? null;
}

/** Unanswered sorts after every rating (ratings are 1-4). */
function rankOf(mean: number): number {
  return Number.isNaN(mean) ? Number.POSITIVE_INFINITY : mean;
}
