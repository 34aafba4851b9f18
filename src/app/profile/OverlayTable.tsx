import type { AxisScore } from '../../core/score/subject-score.ts';
import { formatPercent } from './format-figures.ts';
import { axisKey, type Overlay } from './overlays.ts';
import { TableScroll } from './TableScroll.tsx';

type Props = { axes: AxisScore[]; overlays: Overlay[]; nameOf: (axis: AxisScore) => string; axisHeading: string; title: string; id: string };

const selfPercent = (axis: AxisScore) => axis.groups.find((score) => score.group === 'self')?.percent ?? null;

/** The overlays' figures beside the radar (every chart has its table): self now, and each overlay drawn. */
export function OverlayTable({ axes, overlays, nameOf, axisHeading, title, id }: Props) {
  return (
    <div className="overlay-table-block">
      <TableScroll labelledBy={`${id}-caption`}>
        <table className="overlay-table" id={id}>
          <caption id={`${id}-caption`}>{title}: your latest self-assessment against {overlays.map((overlay) => overlay.label.toLowerCase()).join(' and ')}, percent</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky-col">{axisHeading}</th>
              <th scope="col" className="num">Self (latest)</th>
              {overlays.map((overlay) => <th scope="col" className="num" key={overlay.key}>{overlay.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {axes.map((axis) => (
              <tr key={axisKey(axis.kind, axis.id)} data-axis={axis.id}>
                <th scope="row" className="sticky-col">{nameOf(axis)}</th>
                <td className="num" data-figure="self">{formatPercent(selfPercent(axis))}</td>
                {overlays.map((overlay) => <td className="num" data-figure={overlay.key} key={overlay.key}>{formatPercent(overlay.percents.get(axisKey(axis.kind, axis.id)) ?? null)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
