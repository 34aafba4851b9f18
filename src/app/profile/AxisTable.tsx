import type { AxisScore } from '../../core/score/subject-score.ts';
import { formatFigure, formatPercent } from './format-figures.ts';
import { groupLabel } from '../../core/score/group-names.ts';

type Props = { axes: AxisScore[]; nameOf: (axis: AxisScore) => string; axisHeading: string; caption: string; id: string };

/** The chart's numbers as a table (DESIGN.md quality bar): one row per axis and shown group. */
export function AxisTable({ axes, nameOf, axisHeading, caption, id }: Props) {
  // With self alone a Group column would repeat "Self" on every row: the caption says whose it is.
  const several = (axes[0]?.groups.length ?? 0) > 1;
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="axis-table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{axisHeading}</th>
            {several && <th scope="col">Group</th>}
            <th scope="col" className="num">Mean <span className="unit">(1-4)</span></th>
            <th scope="col" className="num">Percent</th>
            <th scope="col" className="num">SD</th>
            <th scope="col" className="num">Raters</th>
            <th scope="col" className="num">Ratings</th>
          </tr>
        </thead>
        {axes.map((axis) => (
          <tbody key={axis.id}>
            {axis.groups.map((score, row) => (
              <tr key={score.group} data-axis={axis.id} data-group={score.group}>
                {several ? (
                  <>
                    {row === 0 && <th scope="rowgroup" rowSpan={axis.groups.length}>{nameOf(axis)}</th>}
                    <th scope="row" className="group-cell">{groupLabel(score.group)}</th>
                  </>
                ) : <th scope="row">{nameOf(axis)}</th>}
                <td className="num" data-figure="mean">{formatFigure(score.mean)}</td>
                <td className="num" data-figure="percent">{formatPercent(score.percent)}</td>
                <td className="num" data-figure="sd">{formatFigure(score.sd)}</td>
                <td className="num" data-figure="raters">{score.raters}</td>
                <td className="num" data-figure="ratings">{score.ratings}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
