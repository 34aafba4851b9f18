import { OTHER_GROUPS, type OtherGroup } from '../../core/model/response.ts';
import { decideCommentGroups, decideShownGroups, responsesNeeded } from '../../core/score/anonymity.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import type { GroupCounts } from '../../core/score/score-groups.ts';
import type { AnonymityThresholds } from '../../core/score/thresholds.ts';

export type CampaignPreview = { shown: string[]; warnings: string[] };

/**
 * Issue 10: the coach's campaign page previews what will be folded or hidden, with the coach's
 * thresholds, as if every invited rater responds. Core decides (decideShownGroups and
 * decideCommentGroups, the rules scoring applies); this only puts the decision into words.
 */
export function previewCampaign(planned: Readonly<Record<OtherGroup, number>>, thresholds: Readonly<AnonymityThresholds>): CampaignPreview {
  const others = OTHER_GROUPS.reduce((sum, group) => sum + planned[group], 0);
  if (others === 0) return { shown: [], warnings: [] };
  const counts: GroupCounts = { self: 0, ...planned, others };
  const figures = decideShownGroups(counts, thresholds);
  const comments = decideCommentGroups(counts, figures.shown, thresholds);
  const othersShown = figures.shown.includes('others');
  const invited = (n: number) => `${n} invited`;
  const warnings = figures.hidden.map(({ group, reason, responses }) => {
    const name = `${groupLabel(group)} (${invited(responses)})`;
    const needed = responsesNeeded(group, counts, thresholds);
    if (group === 'others') return `${name}: fewer than the ${needed} needed for pooled figures, so no rater's figures or comments will be shown. Invite more raters.`;
    if (reason === 'folded-to-protect-remainder') {
      return `${name}: will not be shown on their own, because the raters left over could then be worked out by subtraction${othersShown ? `; their ratings count in "${groupLabel('others')}"` : ''}.`;
    }
    return othersShown
      ? `${name}: fewer than the threshold of ${needed}, so not shown on their own; their ratings count in "${groupLabel('others')}".`
      : `${name}: fewer than the threshold of ${needed}, and too few raters in all, so their ratings will not be shown.`;
  });
  for (const { group, responses } of comments.hidden) {
    const needed = responsesNeeded(group, counts, thresholds, 'comments');
    warnings.push(`${groupLabel(group)} (${invited(responses)}): figures shown, but their comments need ${needed} responses, so they will not be shown on their own.`);
  }
  const shown = figures.shown.map((group) => `${groupLabel(group)} (${counts[group]})`);
  return { shown, warnings };
}
