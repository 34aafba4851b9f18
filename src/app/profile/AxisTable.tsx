import type { AxisScore } from '../../core/score/subject-score.ts';
import { formatFigure, formatPercent } from './format-figures.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { COLUMN_TERMS, columnNotes } from './column-terms.ts';
import { TableScroll } from './TableScroll.tsx';
import { Term } from './Term.tsx';

type Props = { axes: AxisScore[]; nameOf: (axis: AxisScore) => string; axisHeading: string; caption: string; id: string };

const FIGURES = ['mean', 'percent', 'sd', 'raters', 'ratings'] as const;

/**
 * The chart's numbers as a table (DESIGN.md quality bar): one row per axis and shown group. With
 * several groups each axis is a row of its own above its groups' rows, so the first column is
 * short (a group's name) and stays readable on a phone.
 */
export function AxisTable({ axes, nameOf, axisHeading, caption, id }: Props) {
  // With self alone a Group column would repeat "Self" on every row: the caption says whose it is.
  const several = (axes[0]?.groups.length ?? 0) > 1;
  const columns = FIGURES.length + 1;
  return (
    <div className="axis-table-block">
      <TableScroll labelledBy={`${id}-caption`}>
        <table className="axis-table" id={id} aria-describedby={`${id}-note`}>
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky-col">{several ? `${axisHeading} and group` : axisHeading}</th>
              {FIGURES.map((figure) => <th scope="col" className="num" key={figure}><Term term={COLUMN_TERMS[figure]} /></th>)}
            </tr>
          </thead>
          {axes.map((axis) => (
            <tbody key={axis.id}>
              {several && (
                <tr className="axis-row">
                  {/* The cell spans the table, so the name inside it is what stays in view when it scrolls. */}
                  <th scope="rowgroup" colSpan={columns}><span className="sticky-label">{nameOf(axis)}</span></th>
                </tr>
              )}
              {axis.groups.map((score) => (
                <tr key={score.group} data-axis={axis.id} data-group={score.group}>
                  {several
                    ? <th scope="row" className="group-cell sticky-col">{groupLabel(score.group)}</th>
                    : <th scope="row" className="sticky-col">{nameOf(axis)}</th>}
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
      </TableScroll>
      <p className="table-note" id={`${id}-note`}>{columnNotes(FIGURES)}</p>
    </div>
  );
}
