import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import type { GroupCounts, ScoreGroup } from './score-groups.ts';
import { type AnonymityThresholds, DEFAULT_THRESHOLDS, LOWEST_THRESHOLDS, THRESHOLD_KEYS } from './thresholds.ts';

/**
 * Why a group that has responses is not shown. The first is a stable code read by the app and
 * the CLI; it dates from when every threshold was 3 and now means "below the group's threshold",
 * whatever that is: a sentence states the number from the thresholds, never from this name.
 */
export type HiddenReason = 'hidden-below-3' | 'folded-to-protect-remainder';
export const HIDDEN_BELOW_THRESHOLD = 'hidden-below-3' satisfies HiddenReason;

export type HiddenGroup = {
  group: OtherGroup | 'others';
  reason: HiddenReason;
  /** How many responses the group has: the app tells the learner why its figures are missing. */
  responses: number;
};

export type Visibility = {
  /** Shown groups in SCORE_GROUPS order. A group with no response is neither shown nor hidden. */
  shown: ScoreGroup[];
  /** Every group that has responses but is not shown, and why. */
  hidden: HiddenGroup[];
};

/** How many responses each group needs: for figures, the thresholds; for comments, commentBars. */
type Bars = Readonly<Record<OtherGroup | 'others', number>>;

/**
 * Which groups may be shown for one subject, from the number of counted responses in each
 * (DESIGN.md "Anonymity", with issue 10's thresholds; the defaults are DESIGN.md's 1 and 3).
 * Self is always shown; a rater group on its own at its threshold; `others` at its pooled bar
 * (pooledBar). Then the remainder (responses in `others` in no group shown on its own) must be 0
 * or reach its pooled bar too, or subtracting the shown groups from `others` could give it away:
 * while it does not, the smallest group shown on its own (ties in the order manager, peer,
 * direct-report, other) is folded into the remainder.
 */
export function decideShownGroups(counts: GroupCounts, thresholds: Readonly<AnonymityThresholds> = DEFAULT_THRESHOLDS): Visibility {
  assertThresholds(thresholds);
  return decide(counts, thresholds, null);
}

/**
 * Whose comments may be shown: DESIGN.md "Comments follow the same rule", with the comment
 * threshold. Only groups whose figures are shown (`shown`, from decideShownGroups) may have
 * them, and the same rule decides among those with commentBars, remainder included: the
 * comments of `others` minus those of the groups shown would otherwise be the remainder's own.
 * `hidden` lists the groups whose figures are shown but whose comments are not.
 */
export function decideCommentGroups(
  counts: GroupCounts,
  shown: readonly ScoreGroup[],
  thresholds: Readonly<AnonymityThresholds> = DEFAULT_THRESHOLDS,
): Visibility {
  assertThresholds(thresholds);
  const decided = decide(counts, commentBars(thresholds), new Set(shown));
  return { shown: decided.shown, hidden: decided.hidden.filter(({ group }) => shown.includes(group)) };
}

/**
 * How many responses a group needs before its figures (or its comments) are shown, for a
 * sentence about a hidden group: a rater group's own threshold; for `others`, its pooled bar,
 * which with these counts may be above the `others` threshold. (A group folded to protect the
 * remainder has enough; no count would show it while the remainder stays as it is.)
 */
export function responsesNeeded(
  group: OtherGroup | 'others',
  counts: GroupCounts,
  thresholds: Readonly<AnonymityThresholds> = DEFAULT_THRESHOLDS,
  of: 'figures' | 'comments' = 'figures',
): number {
  const bars = of === 'figures' ? thresholds : commentBars(thresholds);
  return group === 'others' ? pooledBar(counts, bars, NONE_OUTSIDE) : bars[group];
}

/**
 * A group's bar for comments: its own threshold and the comment threshold, whichever is higher.
 * A group at threshold 1 (a manager shown alone) is not anonymous, so its comments go with its
 * figures: with the defaults every group shown keeps its comments, as before thresholds.
 */
export function commentBars(thresholds: Readonly<AnonymityThresholds>): Bars {
  const { comments } = thresholds;
  return {
    manager: commentBar(thresholds.manager, comments),
    peer: commentBar(thresholds.peer, comments),
    'direct-report': commentBar(thresholds['direct-report'], comments),
    other: commentBar(thresholds.other, comments),
    others: commentBar(thresholds.others, comments),
  };
}

function commentBar(own: number, comments: number): number {
  return own === 1 ? 1 : Math.max(own, comments);
}

/**
 * The bar for a figure that pools the raters of every group not in `outside`: `others` itself
 * (nothing outside), and the remainder (the groups shown on its own outside), which anyone can
 * work out as `others` minus the groups shown. Such a pool must meet every bar that applies to
 * the raters in it:
 * - the `others` threshold, the coach's bar for a figure pooled across groups;
 * - the threshold of each group with a response in it. The `others` threshold alone is not
 *   enough once a group's is higher: with peers at 5, one manager shown and four peers,
 *   `others` minus the manager is the four peers' figure, exactly what the peer threshold
 *   withholds; and with no manager `others` would be that figure itself.
 * A group shown on its own never raises the bar past the pool, since it brings at least its own
 * threshold of responses; so folding always ends with the remainder at its bar, or with nothing
 * left to fold. At the defaults the bar is 3 whatever the pool holds (the manager's 1 never
 * counts), which is DESIGN.md's "at least 3 responses" for `others` and "0 or at least 3" for
 * the remainder.
 */
function pooledBar(counts: GroupCounts, bars: Bars, outside: ReadonlySet<OtherGroup>): number {
  let bar = bars.others;
  for (const group of OTHER_GROUPS) {
    if (!outside.has(group) && counts[group] > 0) bar = Math.max(bar, bars[group]);
  }
  return bar;
}

const NONE_OUTSIDE: ReadonlySet<OtherGroup> = new Set();

/** The rule, for figures (`eligible` null) or for comments (only among the groups shown). */
function decide(counts: GroupCounts, bars: Bars, eligible: ReadonlySet<ScoreGroup> | null): Visibility {
  const ownShown = new Set<OtherGroup>();
  for (const group of OTHER_GROUPS) {
    const count = counts[group];
    if (count > 0 && count >= bars[group] && isAllowed(eligible, group)) ownShown.add(group);
  }
  const othersShown = counts.others > 0 && counts.others >= pooledBar(counts, bars, NONE_OUTSIDE) && isAllowed(eligible, 'others');
  // DESIGN.md applies the remainder rule whether or not `others` itself is shown, so we do too:
  // it is the stricter reading, and tests outside the project recompute it literally.
  const folded = new Set<OtherGroup>();
  let remainder = counts.others;
  for (const group of ownShown) remainder -= counts[group];
  while (remainder > 0 && remainder < pooledBar(counts, bars, ownShown)) {
    const smallest = smallestShown(ownShown, counts);
    if (smallest === undefined) break; // nothing left to fold: the remainder is all of `others`
    ownShown.delete(smallest);
    folded.add(smallest);
    remainder += counts[smallest];
  }

  const shown: ScoreGroup[] = counts.self > 0 && isAllowed(eligible, 'self') ? ['self'] : [];
  const hidden: HiddenGroup[] = [];
  for (const group of OTHER_GROUPS) {
    if (ownShown.has(group)) shown.push(group);
    else if (folded.has(group)) hidden.push({ group, reason: 'folded-to-protect-remainder', responses: counts[group] });
    else if (counts[group] > 0) hidden.push({ group, reason: HIDDEN_BELOW_THRESHOLD, responses: counts[group] });
  }
  if (othersShown) shown.push('others');
  else if (counts.others > 0) hidden.push({ group: 'others', reason: HIDDEN_BELOW_THRESHOLD, responses: counts.others });
  return { shown, hidden };
}

function isAllowed(eligible: ReadonlySet<ScoreGroup> | null, group: ScoreGroup): boolean {
  return eligible === null || eligible.has(group);
}

/** OTHER_GROUPS order breaks ties, because only a strictly smaller count replaces the pick. */
function smallestShown(shown: ReadonlySet<OtherGroup>, counts: GroupCounts): OtherGroup | undefined {
  let smallest: OtherGroup | undefined;
  for (const group of OTHER_GROUPS) {
    if (shown.has(group) && (smallest === undefined || counts[group] < counts[smallest])) smallest = group;
  }
  return smallest;
}

/** Thresholds reach the rules through checkThresholds; any other value is a bug of the caller. */
function assertThresholds(thresholds: Readonly<AnonymityThresholds>): void {
  if (thresholds === DEFAULT_THRESHOLDS) return;
  for (const key of THRESHOLD_KEYS) {
    const value = thresholds[key];
    if (!Number.isSafeInteger(value) || value < LOWEST_THRESHOLDS[key]) {
      throw new Error(`anonymity: threshold "${key}" is ${String(value)}; check thresholds with checkThresholds first.`);
    }
  }
}
