import type { AxisScore } from '../../core/score/subject-score.ts';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import { formatPercent } from './format-figures.ts';
import { groupLabel } from '../../core/score/group-names.ts';

/**
 * The text alternative of a radar, one sentence per group, its highest and lowest axes by the percent
 * core computed (ties: every axis at that figure). Ordering figures, not computing them.
 */
export function describeAxes(axes: readonly AxisScore[], groups: readonly ScoreGroup[], nameOf: (axis: AxisScore) => string): string[] {
  return groups.map((group) => {
    const rated = axes.flatMap((axis) => {
      const percent = axis.groups.find((score) => score.group === group)?.percent ?? null;
      return percent === null ? [] : [{ name: nameOf(axis), percent }];
    });
    if (rated.length === 0) return `${groupLabel(group)}: no ratings yet.`;
    const high = Math.max(...rated.map((entry) => entry.percent));
    const low = Math.min(...rated.map((entry) => entry.percent));
    const names = (value: number) => rated.filter((entry) => entry.percent === value).map((entry) => entry.name).join(', ');
    if (high === low) return `${groupLabel(group)}: ${formatPercent(high)} on every rated axis.`;
    return `${groupLabel(group)}: highest ${names(high)} (${formatPercent(high)}), lowest ${names(low)} (${formatPercent(low)}).`;
  });
}
