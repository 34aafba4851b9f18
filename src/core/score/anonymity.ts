import { OTHER_GROUPS, type OtherGroup } from '../model/response.ts';
import type { GroupCounts, ScoreGroup } from './score-groups.ts';
import { MIN_GROUP_RESPONSES } from './thresholds.ts';


export type HiddenReason = 'hidden-below-3' | 'folded-to-protect-remainder';

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

/**
 * Which groups may be shown for one subject, from the number of counted responses in each.
 * Self is always shown; manager on its own; peer, direct-report and other at 3 responses or
 * more; `others` at 3 or more. Then the remainder (responses in `others` in no group shown on
 * its own) must not be 1 or 2, or subtracting the shown groups from `others` could give it away:
 * while it is, the smallest group shown on its own (ties in the order manager, peer,
 * direct-report, other) is folded into the remainder.
 */
export function decideShownGroups(counts: GroupCounts): Visibility {
  const ownShown = new Set<OtherGroup>();
  for (const group of OTHER_GROUPS) {
    const count = counts[group];
    if (count > 0 && (group === 'manager' || count >= MIN_GROUP_RESPONSES)) ownShown.add(group);
  }
  const othersShown = counts.others >= MIN_GROUP_RESPONSES;
  // DESIGN.md applies the remainder rule whether or not `others` itself is shown, so we do too:
  // it is the stricter reading, and tests outside the project recompute it literally.
  const folded = new Set<OtherGroup>();
  let remainder = counts.others;
  for (const group of ownShown) remainder -= counts[group];
  while (remainder === 1 || remainder === 2) {
    const smallest = smallestShown(ownShown, counts);
    if (smallest === undefined) break; // nothing left to fold: `others` is under 3 and hidden too
    ownShown.delete(smallest);
    folded.add(smallest);
    remainder += counts[smallest];
  }

  const shown: ScoreGroup[] = counts.self > 0 ? ['self'] : [];
  const hidden: HiddenGroup[] = [];
  for (const group of OTHER_GROUPS) {
    if (ownShown.has(group)) shown.push(group);
    else if (folded.has(group)) hidden.push({ group, reason: 'folded-to-protect-remainder', responses: counts[group] });
    else if (counts[group] > 0) hidden.push({ group, reason: 'hidden-below-3', responses: counts[group] });
  }
  if (othersShown) shown.push('others');
  else if (counts.others > 0) hidden.push({ group: 'others', reason: 'hidden-below-3', responses: counts.others });
  return { shown, hidden };
}

/** OTHER_GROUPS order breaks ties, because only a strictly smaller count replaces the pick. */
function smallestShown(shown: ReadonlySet<OtherGroup>, counts: GroupCounts): OtherGroup | undefined {
  let smallest: OtherGroup | undefined;
  for (const group of OTHER_GROUPS) {
    if (shown.has(group) && (smallest === undefined || counts[group] < counts[smallest])) smallest = group;
  }
  return smallest;
}
