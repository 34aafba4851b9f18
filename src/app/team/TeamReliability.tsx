import type { Framework } from '../../core/model/framework.ts';
import type { AxisReliability } from '../../core/score/reliability.ts';
import { axisLabel } from '../profile/profile-labels.ts';
import { describeReliability, formatAlpha } from './reliability-words.ts';
import { ScrollCue } from './ScrollCue.tsx';

type Props = { framework: Framework; reliability: readonly AxisReliability[] };

/**
 * Issue 12, "Reliability per axis": Cronbach's alpha per axis, from every response of the
 * framework stored here, for whoever designs or chooses the framework. Only on the team view:
 * it is never a figure of one learner, so no profile shows it.
 */
export function TeamReliability({ framework, reliability }: Props) {
  const rows = reliability.filter((axis) => axis.frameworkId === framework.id);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="reliability-title" className="team-reliability">
      <h2 id="reliability-title">Do the statements of each axis hang together?</h2>
      <p className="hint">
        For whoever designs or chooses the framework, not a figure about any learner. Cronbach's alpha asks whether people who rate high on some statements of an axis tend to rate high on the others. It runs up to 1; 0.70 or more is the usual bar for an axis to be read as one scale. It counts every response here (every learner and group, earlier self-assessments too) that rated every statement of the axis, and needs at least 10 of them. Fewer than 3 statements make it unstable; a low alpha means the statements of that axis measure different things. reliability.csv has the same figures.
      </p>
      <ScrollCue label="Alpha per axis" columns={5}>
        <table className="reliability-table" id="reliability-table">
          <caption id="reliability-caption">Cronbach's alpha per axis of {framework.title}</caption>
          <thead>
            <tr>
              <th scope="col">Axis</th>
              <th scope="col" className="num">Statements</th>
              <th scope="col" className="num">Complete responses</th>
              <th scope="col" className="num">Alpha</th>
              <th scope="col">What it says</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((axis) => (
              <tr key={`${axis.kind}:${axis.id}`} data-kind={axis.kind} data-axis={axis.id}>
                <th scope="row">{axisLabel(framework, axis.kind, axis.id)}</th>
                <td className="num" data-figure="statements">{axis.statements}</td>
                <td className="num" data-figure="responses">{axis.responses}</td>
                <td className="num" data-figure="alpha">{formatAlpha(axis.alpha)}</td>
                <td className="reliability-words">{describeReliability(axis)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollCue>
    </section>
  );
}
