import { useId, useMemo } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import { RATING_LABELS } from '../../core/model/rating-scale.ts';
import { statementById } from '../../core/model/statement-index.ts';
import { roundPercent } from '../../core/score/rounding.ts';
import type { SelfChange } from '../../core/score/self-change.ts';
import { formatDate, formatPercent, formatPoints, formatShortDate } from './format-figures.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { mostMoved, type MovedStatement } from './moved-statements.ts';
import { axisLabel } from './profile-labels.ts';
import { TableScroll } from './TableScroll.tsx';

type Props = { framework: Framework; change: SelfChange; own: boolean };

/**
 * Issue 12, "Change since the last self-assessment": the latest self-assessment against the one
 * just before it, per axis and per statement, and the whole-framework percent of every one.
 * Every figure is core's (SelfChange); this orders and words them.
 */
export function ChangeSection({ framework, change, own }: Props) {
  const id = useId();
  const your = own ? 'your' : 'the';
  const rows = change.axes.filter((axis) => axis.earlierPercent !== null || axis.latestPercent !== null);
  const up = mostMoved(change.statements, 'up');
  const down = mostMoved(change.statements, 'down');
  const moved = change.statements.filter((statement) => statement.direction === 'up' || statement.direction === 'down').length;
  const compared = change.statements.filter((statement) => statement.direction !== null).length;
  const labels = useMemo(() => change.history.map((point) => formatShortDate(point.submittedAt)), [change]);
  const percents = useMemo(() => change.history.map((point) => roundPercent(point.percent)), [change]);
  const first = change.history[0];
  const last = change.history.at(-1);
  const trend = first !== undefined && last !== undefined
    ? `${change.history.length} self-assessments, from ${formatPercent(first.percent)} on ${formatDate(first.submittedAt)} to ${formatPercent(last.percent)} on ${formatDate(last.submittedAt)}.`
    : '';
  return (
    <section aria-labelledby="change-title" className="change-section">
      <h2 id="change-title">Since {your} self-assessment of <time dateTime={change.earlier.submittedAt}>{formatDate(change.earlier.submittedAt)}</time></h2>
      <p className="hint">
        {own ? 'Your' : 'The'} latest self-assessment (<time dateTime={change.latest.submittedAt}>{formatDate(change.latest.submittedAt)}</time>) against the one before it. Change is in percentage points: above 0 when {own ? 'you rate yourself' : 'the learner rates themself'} higher now. One statement moving one step moves an axis by 33.3 points divided by the statements rated on it, so a small change can be one answer. A drop can be learning too: after training, people often know better what “{RATING_LABELS[4]}” asks.
      </p>
      <div className="change-grid">
        <div className="change-table-block">
          <TableScroll labelledBy={`${id}-caption`}>
            <table className="change-table" id="change-table">
              <caption id={`${id}-caption`}>Self-assessment then and now, by axis: percent</caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky-col">Axis</th>
                  <th scope="col" className="num">Earlier</th>
                  <th scope="col" className="num">Latest</th>
                  <th scope="col" className="num">Change <span className="unit">(points)</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((axis) => (
                  <tr key={`${axis.kind}:${axis.id}`} data-kind={axis.kind} data-axis={axis.id} className={axis.kind === 'framework' ? 'whole-row' : undefined}>
                    <th scope="row" className="sticky-col">{axisLabel(framework, axis.kind, axis.id)}</th>
                    <td className="num" data-figure="earlier">{formatPercent(axis.earlierPercent)}</td>
                    <td className="num" data-figure="latest">{formatPercent(axis.latestPercent)}</td>
                    <td className="num" data-figure="change">{formatPoints(axis.change)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="table-note">Earlier and Latest: the self ratings' average on a scale of 0 to 100%. Change: Latest minus Earlier, worked out before rounding, so it can differ by 0.1 from the difference of the two columns. “—”: that self-assessment rated none of the axis.</p>
        </div>
        <section aria-labelledby={`${id}-history-title`} className="history">
          <h3 id={`${id}-history-title`}>Whole framework, every self-assessment</h3>
          <div className="history-chart-and-table">
            <figure className="history-figure no-print">
              <HistoryChart labels={labels} percents={percents} label="Line chart: the whole framework's percent at each self-assessment, from 0 to 100" describedBy={`${id}-history-desc`} />
              <figcaption id={`${id}-history-desc`} className="chart-description">{trend}</figcaption>
            </figure>
            <TableScroll labelledBy={`${id}-history-caption`}>
              <table className="history-table" id="history-table">
                <caption id={`${id}-history-caption`}>The line chart's figures: whole framework, self, percent</caption>
                <thead>
                  <tr><th scope="col" className="sticky-col">Self-assessment of</th><th scope="col" className="num">Percent</th></tr>
                </thead>
                <tbody>
                  {change.history.map((point) => (
                    <tr key={point.responseId} data-response={point.responseId}>
                      <th scope="row" className="sticky-col"><time dateTime={point.submittedAt}>{formatDate(point.submittedAt)}</time></th>
                      <td className="num" data-figure="percent">{formatPercent(point.percent)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        </section>
      </div>
      <p className="moved-summary">{moved} of the {compared} statements rated both times moved ({change.statements.filter((s) => s.direction === 'up').length} up, {change.statements.filter((s) => s.direction === 'down').length} down); the statement list below has every rating.</p>
      <div className="flagged-pair moved-pair">
        <MovedList framework={framework} statements={up} direction="up" />
        <MovedList framework={framework} statements={down} direction="down" />
      </div>
    </section>
  );
}

const MOVED_HEADINGS = { up: 'Moved up most', down: 'Moved down most' } as const;

function MovedList({ framework, statements, direction }: { framework: Framework; statements: MovedStatement[]; direction: 'up' | 'down' }) {
  const titleId = `moved-${direction}-title`;
  return (
    <section aria-labelledby={titleId} className={`moved moved-${direction}`}>
      <h3 id={titleId}>{MOVED_HEADINGS[direction]}</h3>
      {statements.length === 0 ? <p>No statement moved {direction}.</p> : (
        <ul>
          {statements.map((statement) => (
            <li key={statement.statementId} data-statement={statement.statementId}>
              <span className="statement-text">{statementById(framework, statement.statementId)?.text ?? statement.statementId}</span>
              <span className="statement-meta">
                <span data-figure="earlier">Then: {statement.earlier} · {RATING_LABELS[statement.earlier]}</span>
                <span data-figure="latest">Now: {statement.latest} · {RATING_LABELS[statement.latest]}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
