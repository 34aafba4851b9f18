import type { AxisKind } from '../../core/score/axes.ts';
import type { SelfChange } from '../../core/score/self-change.ts';
import type { TeamAxisAverage } from '../../core/score/team-average.ts';
import { formatDate } from './format-figures.ts';
import type { OverlayKey } from './series-styles.ts';

/**
 * A second figure per axis drawn over the radars (issue 12): the earlier self-assessment, or the
 * team's average. The figures are core's (SelfChange, teamAxisAverages); this only names them.
 */
export type Overlay = {
  key: OverlayKey;
  /** The dataset's name in the chart's legend and the table's column. */
  label: string;
  /** kind:id -> percent, unrounded. */
  percents: ReadonlyMap<string, number | null>;
  /** The toggle's label. */
  toggle: string;
};

export const axisKey = (kind: AxisKind, id: string): string => `${kind}:${id}`;

export function earlierSelfOverlay(change: SelfChange): Overlay {
  return {
    key: 'earlier-self',
    label: 'Earlier self',
    percents: new Map(change.axes.map((axis) => [axisKey(axis.kind, axis.id), axis.earlierPercent])),
    toggle: `Show the self-assessment of ${formatDate(change.earlier.submittedAt)} on the charts`,
  };
}

export function teamAverageOverlay(averages: readonly TeamAxisAverage[], learners: number): Overlay {
  return {
    key: 'team-average',
    label: 'Team average',
    percents: new Map(averages.map((axis) => [axisKey(axis.kind, axis.id), axis.percent])),
    toggle: `Show the team's average self-assessment (${learners} learners) on the charts`,
  };
}
