import type { Framework } from '../../core/model/framework.ts';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import type { AxisScore } from '../../core/score/subject-score.ts';
import { attainedLabel, axisLabel, domainNoun, levelLabel } from './profile-labels.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { RATING_LABELS } from '../../core/model/rating-scale.ts';
import { ATTAINMENT_COVERAGE, ATTAINMENT_MEAN } from '../../core/score/thresholds.ts';
import type { StatementScore } from '../../core/score/subject-score.ts';
import { thinBases } from './rated-share.ts';
import { TableScroll } from './TableScroll.tsx';

const BAR = `${ATTAINMENT_MEAN} ("${RATING_LABELS[ATTAINMENT_MEAN]}")`;
const SHARE = ATTAINMENT_COVERAGE === 0.5 ? 'half' : `${Math.round(ATTAINMENT_COVERAGE * 100)}%`;

type Props = { framework: Framework; axes: AxisScore[]; groups: ScoreGroup[]; statements: StatementScore[] };

const attainedOf = (axis: AxisScore | undefined, group: ScoreGroup) => axis?.groups.find((score) => score.group === group)?.attainedLevel ?? null;

/** The attained level (DESIGN.md) for the framework and each domain, per shown group. */
export function AttainmentSummary({ framework, axes, groups, statements }: Props) {
  const whole = axes.find((axis) => axis.kind === 'framework');
  const domains = axes.filter((axis) => axis.kind === 'domain');
  const levelled = framework.levels.length > 0;
  const thin = thinBases(statements, groups);
  return (
    <section aria-labelledby="attained-title" className="attainment">
      <h2 id="attained-title">Attained level</h2>
      <ul className="attained-overall">
        {groups.map((group) => (
          <li key={group} data-group={group}>
            <span className="attained-group">{groupLabel(group)}</span>
            <strong className="attained-value">{attainedLabel(framework, attainedOf(whole, group))}</strong>
          </li>
        ))}
      </ul>
      {thin.map((basis) => (
        <p key={basis.group} className="basis-caution" data-caution={basis.group}>{groups.length > 1 && <strong>{groupLabel(basis.group)}: </strong>}{basis.sentence}</p>
      ))}
      <p className="hint">
        {levelled
          ? `The attained level is the highest level at which every level up to it has an average rating of at least ${BAR}, with at least ${SHARE} of its statements rated.`
          : `This framework has no proficiency levels, so there is one bar: "meets the standard" (${levelLabel(framework, framework.standardLevel)} level) when the average rating is at least ${BAR}, with at least ${SHARE} of the statements rated; otherwise "not yet".`}
      </p>
      {domains.length > 0 && (
        <TableScroll labelledBy="attained-domains-caption">
          <table className="attained-table">
            <caption id="attained-domains-caption">Attained level by {domainNoun(framework, false)}</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky-col">{capitalise(domainNoun(framework, false))}</th>
                {groups.map((group) => <th scope="col" key={group}>{groupLabel(group)}</th>)}
              </tr>
            </thead>
            <tbody>
              {domains.map((axis) => (
                <tr key={axis.id} data-axis={axis.id}>
                  <th scope="row" className="sticky-col">{axisLabel(framework, axis.kind, axis.id)}</th>
                  {groups.map((group) => <td key={group}>{attainedLabel(framework, attainedOf(axis, group))}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
