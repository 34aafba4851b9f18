import { OTHER_GROUPS, type OtherGroup } from '../../core/model/response.ts';
import { decideShownGroups } from '../../core/score/anonymity.ts';
import { MIN_GROUP_RESPONSES } from '../../core/score/thresholds.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';

/**
 * DESIGN.md: when a learner invites fewer raters to a group than the threshold, the app says
 * before sending that the group will be folded or hidden. The core rule decides, on the counts
 * the learner plans, as if everyone responds.
 */
export function anonymityWarnings(planned: Readonly<Record<OtherGroup, number>>): string[] {
  const others = OTHER_GROUPS.reduce((sum, group) => sum + planned[group], 0);
  const visibility = decideShownGroups({ self: 1, ...planned, others });
  const othersShown = visibility.shown.includes('others');
  return visibility.hidden.map(({ group, reason, responses }) => {
    const name = GROUP_NAMES[group].plural;
    const count = `${responses} invitation${responses === 1 ? '' : 's'}`;
    if (group === 'others') return `All others (${count}): fewer than ${MIN_GROUP_RESPONSES} in all, so no one's ratings but yours will be shown. Invite at least ${MIN_GROUP_RESPONSES} people.`;
    if (reason === 'folded-to-protect-remainder') {
      return `${name} (${count}): will be combined into "All others", because showing them on their own would let a smaller group's answers be worked out by subtraction.`;
    }
    return othersShown
      ? `${name} (${count}): fewer than ${MIN_GROUP_RESPONSES}, so they will not be shown on their own; their ratings count only in "All others".`
      : `${name} (${count}): fewer than ${MIN_GROUP_RESPONSES}, and fewer than ${MIN_GROUP_RESPONSES} people in all, so their ratings will not be shown.`;
  });
}
