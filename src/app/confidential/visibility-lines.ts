import type { CampaignManifest } from '../../core/confidential/campaign-manifest.ts';
import { OTHER_GROUPS, type OtherGroup } from '../../core/model/response.ts';
import { commentBars } from '../../core/score/anonymity.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';

/** How a sentence names one rater of a group, and the group's raters. */
const NOUNS: Readonly<Record<OtherGroup, { one: string; many: string }>> = {
  manager: { one: 'a manager', many: 'managers' },
  peer: { one: 'a peer', many: 'peers' },
  'direct-report': { one: 'a direct report', many: 'direct reports' },
  other: { one: 'another rater (not a manager, peer or direct report)', many: 'other raters' },
};

const respond = (count: number): string => (count === 1 ? '1 responds' : `${count} respond`);

export type VisibilityLines = {
  /** What the learner will see of this rater's own group. */
  yours: string;
  /** One line per group the campaign invites, then all others, then comments. */
  groups: string[];
};

/**
 * The coach's thresholds from the signed manifest, said in words for the rater before they
 * answer: the same numbers scoring applies (commentBars for comments), never the defaults.
 */
export function visibilityLines(manifest: CampaignManifest, group: OtherGroup): VisibilityLines {
  const { thresholds } = manifest;
  const learner = manifest.learner.name;
  const invited = new Map<OtherGroup, number>();
  for (const invitation of manifest.invitations) invited.set(invitation.group, (invited.get(invitation.group) ?? 0) + 1);

  const groups = OTHER_GROUPS.filter((each) => (invited.get(each) ?? 0) > 0).map((each) => {
    const name = `${GROUP_NAMES[each].plural} (${invited.get(each)} invited)`;
    return thresholds[each] === 1
      ? `${name}: shown on their own from 1 response; with one answering, the "${GROUP_NAMES[each].label}" figures are that person's own ratings.`
      : `${name}: shown only when at least ${thresholds[each]} respond.`;
  });
  groups.push(`All others (every rater together): shown only when at least ${thresholds.others} respond.`);
  groups.push(`Comments: shown under a group only when at least ${thresholds.comments} of its raters respond (a group shown from 1 response keeps its comments), never with a name and never in the order they were sent.`);

  const bar = thresholds[group];
  const { one, many } = NOUNS[group];
  const label = GROUP_NAMES[group].label;
  const yours = bar === 1
    ? `You were invited as ${one}. ${GROUP_NAMES[group].plural} are shown on their own from 1 response: if you are the only one who answers, ${learner} sees your ratings as the "${label}" figures, and your comments under "${label}", though never your response itself.`
    : `You were invited as ${one}, one of ${invited.get(group) ?? 1}. ${learner} sees the figures of ${many} only when at least ${respond(bar)}, and your comments only when at least ${respond(commentBars(thresholds)[group])}; with fewer, your ratings are folded into "All others" or not shown at all.`;
  return { yours, groups };
}
