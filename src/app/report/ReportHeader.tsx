import type { Report360 } from '../../core/confidential/signed-report.ts';
import type { Framework } from '../../core/model/framework.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { SCORE_GROUPS } from '../../core/score/score-groups.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { THRESHOLD_KEYS } from '../../core/score/thresholds.ts';
import { Attribution } from '../profile/ProfileHeader.tsx';
import { formatDay } from './format-day.ts';

type Props = { report: Report360; framework: Framework; score: SubjectScore };

/**
 * Where the figures below come from: the coach who signed them (name and fingerprint, to be
 * compared with the one the coach gave), the day, and the anonymity thresholds they obey.
 */
export function ReportHeader({ report, framework, score }: Props) {
  const { coach } = report;
  const issued = <time dateTime={report.issued_on}>{formatDay(report.issued_on)}</time>;
  const counted = SCORE_GROUPS.filter((group) => score.visibility.shown.includes(group) && score.responseCounts[group] > 0);
  const selfShown = score.visibility.shown.includes('self');
  return (
    <header className="profile-header report-header">
      <p className="eyebrow">360 report for {report.learner.name}</p>
      <h2 id="profile-title">{framework.title}</h2>
      <p className="report-source">
        These figures come from a report signed by your coach, {coach.name}, on {issued}. They are what the anonymity thresholds your coach set allow:
        a group appears only with at least its threshold of responses, and its comments also need the comment threshold.
      </p>
      <ul className="inline-list report-thresholds" aria-label="Anonymity thresholds">
        {THRESHOLD_KEYS.map((key) => (
          <li key={key} data-threshold={key}>
            {key === 'comments' ? 'Comments' : groupLabel(key)}: {report.thresholds[key]}{key === 'manager' && report.thresholds.manager === 1 ? ' (shown on their own)' : ''}
          </li>
        ))}
      </ul>
      <dl className="profile-facts">
        <div><dt>Coach</dt><dd className="report-coach">{coach.name}</dd></div>
        <div><dt>Coach's key fingerprint</dt><dd><code className="fingerprint">{coach.fingerprint}</code></dd></div>
        <div><dt>Issued on</dt><dd>{issued}</dd></div>
        <div>
          <dt>Responses counted</dt>
          <dd>
            <ul className="inline-list" aria-label="Responses counted per group">
              {counted.map((group) => <li key={group} data-group={group}>{groupLabel(group)}: {score.responseCounts[group]}</li>)}
            </ul>
          </dd>
        </div>
      </dl>
      <p className="fingerprint-check">
        <strong>Compare this fingerprint with the one your coach gave you.</strong> If they differ, someone other than your coach signed this report: do not rely on it.
      </p>
      <p className="hint">
        {selfShown
          ? 'Your strengths and development plan are worked out from your own ratings in the report. The report does not say which statements you left unanswered or marked "Not part of my role", so the plan lists only statements you rated.'
          : 'The report holds no self-assessment of yours, so there are no strengths or development plan from it.'}
      </p>
      <Attribution framework={framework} />
    </header>
  );
}
