import type { Framework } from '../../core/model/framework.ts';
import type { AxisScore } from '../../core/score/subject-score.ts';
import { COLUMN_TERMS, columnNotes } from './column-terms.ts';
import { formatFigure, formatGap } from './format-figures.ts';
import { axisLabel } from './profile-labels.ts';
import { TableScroll } from './TableScroll.tsx';
import { Term } from './Term.tsx';

const meanOf = (axis: AxisScore, group: 'self' | 'others') => axis.groups.find((score) => score.group === group)?.mean ?? null;

/** DESIGN.md "Gap" per axis: self mean minus others mean, as core computed it. */
export function GapTable({ framework, axes }: { framework: Framework; axes: AxisScore[] }) {
  return (
    <div className="gap-table-block">
      <TableScroll labelledBy="gap-caption">
        <table className="gap-table" aria-describedby="gap-note">
          <caption id="gap-caption">Self against all others, by axis: average ratings</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky-col">Axis</th>
              <th scope="col" className="num">Self</th>
              <th scope="col" className="num">All others</th>
              <th scope="col" className="num"><Term term={COLUMN_TERMS.gap} /></th>
            </tr>
          </thead>
          <tbody>
            {axes.map((axis) => (
              <tr key={`${axis.kind}:${axis.id}`} data-axis={axis.id}>
                <th scope="row" className="sticky-col">{axisLabel(framework, axis.kind, axis.id)}</th>
                <td className="num">{formatFigure(meanOf(axis, 'self'))}</td>
                <td className="num">{formatFigure(meanOf(axis, 'others'))}</td>
                <td className="num">{formatGap(axis.gap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="table-note" id="gap-note">Self and All others: {COLUMN_TERMS.mean.note}. {columnNotes(['gap'])}</p>
    </div>
  );
}
