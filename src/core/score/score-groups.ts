import type { RaterGroup } from '../model/response.ts';

/**
 * The groups figures are given for, in the order every table and CSV lists them (DESIGN.md):
 * the five rater groups, then `others` = every group but self, manager included.
 */
export const SCORE_GROUPS = ['self', 'manager', 'peer', 'direct-report', 'other', 'others'] as const;
export type ScoreGroup = (typeof SCORE_GROUPS)[number];

export const SELF = 0;
export const OTHERS = 5;
export const GROUP_COUNT = SCORE_GROUPS.length;

/** Position of a rater group in SCORE_GROUPS, for indexing typed arrays. */
export function groupIndex(group: RaterGroup | 'others'): number {
  switch (group) {
    case 'self':
      return 0;
    case 'manager':
      return 1;
    case 'peer':
      return 2;
    case 'direct-report':
      return 3;
    case 'other':
      return 4;
    case 'others':
      return 5;
  }
}

/** Responses counted per group; `others` is the sum of the four rater groups. */
export type GroupCounts = Readonly<Record<ScoreGroup, number>>;
