import { useId, useMemo } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import { roundPercent } from '../../core/score/rounding.ts';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import type { AxisScore } from '../../core/score/subject-score.ts';
import { describeAxes } from './axis-description.ts';
import { AxisTable } from './AxisTable.tsx';
import { axisLabel } from './profile-labels.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { RadarChart } from './RadarChart.tsx';
import { ChartKey } from './ChartKey.tsx';
import { PrintAxisTable } from './PrintAxisTable.tsx';
import { axisKey, type Overlay } from './overlays.ts';
import { OverlayTable } from './OverlayTable.tsx';
import type { RadarSeries } from './radar-chart.ts';
import { OVERLAY_STYLES, SERIES_STYLES } from './series-styles.ts';

type Props = { framework: Framework; axes: AxisScore[]; groups: ScoreGroup[]; title: string; axisHeading: string; slug: string; overlays?: Overlay[] };

const NO_OVERLAYS: Overlay[] = [];

/** One radar with its table and its text description: three views of the same figures. */
export function AxisChartSection({ framework, axes, groups, title, axisHeading, slug, overlays = NO_OVERLAYS }: Props) {
  const id = useId();
  const nameOf = (axis: AxisScore) => axisLabel(framework, axis.kind, axis.id);
  const labels = useMemo(() => axes.map((axis) => axisLabel(framework, axis.kind, axis.id)), [framework, axes]);
  const series = useMemo((): RadarSeries[] => [
    ...groups.map((group) => ({ key: group, label: groupLabel(group), style: SERIES_STYLES[group], percents: axes.map((axis) => roundPercent(axis.groups.find((score) => score.group === group)?.percent ?? null)) })),
    ...overlays.map((overlay) => ({ key: overlay.key, label: overlay.label, style: OVERLAY_STYLES[overlay.key], overlay: true, percents: axes.map((axis) => roundPercent(overlay.percents.get(axisKey(axis.kind, axis.id)) ?? null)) })),
  ], [axes, groups, overlays]);
  const description = describeAxes(axes, groups, nameOf);
  const overlayNote = overlays.length === 0 ? [] : [`Also drawn: ${overlays.map((overlay) => overlay.label.toLowerCase()).join(' and ')}, whose figures are in the table beside the chart.`];
  return (
    <section className="chart-section" aria-labelledby={`${id}-title`} data-chart={slug}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="chart-and-table">
        <figure className="chart-figure">
          <RadarChart labels={labels} series={series} label={`Radar chart: ${title}, percent from 0 to 100`} describedBy={`${id}-desc`} />
          <figcaption>
            <p id={`${id}-desc`} className="chart-description">{[...description, ...overlayNote].map((sentence) => <span key={sentence}>{sentence} </span>)}</p>
            <ChartKey groups={groups} overlays={overlays} />
          </figcaption>
        </figure>
        <AxisTable axes={axes} nameOf={nameOf} axisHeading={axisHeading} caption={`${title}: the chart's figures${groups.length === 1 && groups[0] ? ` (${groupLabel(groups[0])})` : ''}`} id={`${slug}-table`} />
        <PrintAxisTable axes={axes} groups={groups} nameOf={nameOf} axisHeading={axisHeading} title={title} />
        {overlays.length > 0 && <OverlayTable axes={axes} overlays={overlays} nameOf={nameOf} axisHeading={axisHeading} title={title} id={`${slug}-overlay-table`} />}
      </div>
    </section>
  );
}
