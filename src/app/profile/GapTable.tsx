import type { Framework } from '../../core/model/framework.ts';
import type { AxisScore } from '../../core/score/subject-score.ts';
import { formatFigure, formatGap } from './format-figures.ts';
import { axisLabel } from './profile-labels.ts';

const meanOf = (axis: AxisScore, group: 'self' | 'others') => axis.groups.find((score) => score.group === group)?.mean ?? null;

/** DESIGN.md "Gap" per axis: self mean minus others mean, as core computed it. */
export function GapTable({ framework, axes }: { framework: Framework; axes: AxisScore[] }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="gap-caption" tabIndex={0}>
      <table className="gap-table">
        <caption id="gap-caption">Self against all others, by axis (gap = self mean minus others' mean)</caption>
        <thead>
          <tr>
            <th scope="col">Axis</th>
            <th scope="col" className="num">Self</th>
            <th scope="col" className="num">All others</th>
            <th scope="col" className="num">Gap</th>
          </tr>
        </thead>
        <tbody>
          {axes.map((axis) => (
            <tr key={`${axis.kind}:${axis.id}`} data-axis={axis.id}>
              <th scope="row">{axisLabel(framework, axis.kind, axis.id)}</th>
              <td className="num">{formatFigure(meanOf(axis, 'self'))}</td>
              <td className="num">{formatFigure(meanOf(axis, 'others'))}</td>
              <td className="num">{formatGap(axis.gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
