import type { ScoreGroup } from '../../core/score/score-groups.ts';

/** How each rater group is named in the app's words. */
export const GROUP_NAMES: Record<ScoreGroup, { singular: string; plural: string }> = {
  self: { singular: 'Self', plural: 'Self' },
  manager: { singular: 'Manager', plural: 'Managers' },
  peer: { singular: 'Peer', plural: 'Peers' },
  'direct-report': { singular: 'Direct report', plural: 'Direct reports' },
  other: { singular: 'Other', plural: 'Others' },
  others: { singular: 'All others', plural: 'All others' },
};
