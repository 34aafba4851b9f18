import { type Framework, LEVEL_IDS, type LevelId } from '../model/framework.ts';
import type { AttainedLevel } from './attained-level.ts';
import type { FrameworkIndex } from './framework-index.ts';
import type { RatingTally } from './rating-tally.ts';
import { isOnlyNotApplicable, statementMean } from './statement-means.ts';
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
  return selectPlan(
    index.framework,
    (p) => statementMean(tally, g, p),
    (p) => isOnlyNotApplicable(tally, g, p),
    attained,
  ).plan;
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
  const means = score.statements.map((statement) => statement[group]);
  return selectPlan(framework, (p) => means[p] ?? null, () => false, attained);
}

/** "Independently" or above: the learner does it without help already. */
export function isAlreadyIndependent(mean: number | null): boolean {
  // Means are sums over counts: a 1e-9 tolerance keeps float noise from moving a 3.0 below the bar.
  return mean !== null && mean >= ATTAINMENT_MEAN - 1e-9;
}

function selectPlan(
  framework: Framework,
  meanOf: (position: number) => number | null,
  onlyNotApplicable: (position: number) => boolean,
  attained: AttainedLevel,
): PlanSelection {
  const plan: PlanItem[] = [];
  const alreadyIndependent: PlanItem[] = [];
  const next = framework.levels.length === 0 ? null : nextLevel(attained);
  if (framework.levels.length > 0 && next === null) return { level: null, plan, alreadyIndependent };
  framework.statements.forEach((statement, p) => {
    if (next !== null && statement.level !== next) return;
    const mean = meanOf(p);
    // Without levels only rated statements are planned (nothing names a level to reach).
    if (next === null && mean === null) return;
    if (onlyNotApplicable(p)) return;
    const item = { statementId: statement.id, level: statement.level, domain: statement.domain, mean };
    (isAlreadyIndependent(mean) ? alreadyIndependent : plan).push(item);
  });
  // Array.prototype.sort is stable: equal means keep framework order.
  plan.sort((a, b) => rank(a.mean) - rank(b.mean));
  return { level: next, plan, alreadyIndependent };
}

function nextLevel(attained: AttainedLevel): LevelId | null {
  if (attained === 'not-yet') return LEVEL_IDS[0];
  return LEVEL_IDS[LEVEL_IDS.indexOf(attained) + 1] ?? null;
}

/** Unanswered sorts after every rating (ratings are 1-4). */
function rank(mean: number | null): number {
  return mean ?? Number.POSITIVE_INFINITY;
}
