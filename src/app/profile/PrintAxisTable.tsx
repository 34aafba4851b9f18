import { groupLabel } from '../../core/score/group-names.ts';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import type { AxisScore } from '../../core/score/subject-score.ts';
import { COLUMN_TERMS } from './column-terms.ts';
import { formatFigure, formatPercent } from './format-figures.ts';

type Props = { axes: AxisScore[]; groups: ScoreGroup[]; nameOf: (axis: AxisScore) => string; axisHeading: string; title: string };

/**
 * A chart's figures on paper when several groups are shown (print.css shows it in print only, in
 * place of AxisTable): one row per axis and a column per group, each cell the average rating and
 * its percent. The screen's table, a row per axis and group, ran to fifty rows for the durable
 * skills' ten domains, a printed page of its own. Spread and counts stay on screen and in
 * summary.csv; the report's header says how many responses each group has.
 */
export function PrintAxisTable({ axes, groups, nameOf, axisHeading, title }: Props) {
  if (groups.length < 2) return null;
  const figureOf = (axis: AxisScore, group: ScoreGroup) => axis.groups.find((score) => score.group === group);
  return (
    <table className="print-axis-table">
      <caption>{title}: {COLUMN_TERMS.mean.label.toLowerCase()} {COLUMN_TERMS.mean.note}, and percent</caption>
      <thead>
        <tr>
          <th scope="col">{axisHeading}</th>
          {groups.map((group) => <th scope="col" className="num" key={group}>{groupLabel(group)}</th>)}
        </tr>
      </thead>
      <tbody>
        {axes.map((axis) => (
          <tr key={axis.id} data-axis={axis.id}>
            <th scope="row">{nameOf(axis)}</th>
            {groups.map((group) => {
              const figure = figureOf(axis, group);
              return (
                <td className="num" key={group} data-group={group}>
                  {formatFigure(figure?.mean ?? null)} <span className="print-percent">{formatPercent(figure?.percent ?? null)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
