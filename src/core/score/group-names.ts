import type { ScoreGroup } from './score-groups.ts';

/**
 * How each rater group is named, the one table the app and any report use: `label` names a
 * series, column or heading of figures; `singular` and `plural` go in sentences.
 */
export const GROUP_NAMES: Readonly<Record<ScoreGroup, { label: string; singular: string; plural: string }>> = {
  self: { label: 'Self', singular: 'Self', plural: 'Self' },
  manager: { label: 'Manager', singular: 'Manager', plural: 'Managers' },
  peer: { label: 'Peers', singular: 'Peer', plural: 'Peers' },
  'direct-report': { label: 'Direct reports', singular: 'Direct report', plural: 'Direct reports' },
  other: { label: 'Other raters', singular: 'Other', plural: 'Others' },
  others: { label: 'All others', singular: 'All others', plural: 'All others' },
};

export const groupLabel = (group: ScoreGroup): string => GROUP_NAMES[group].label;
