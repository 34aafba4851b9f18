import { useId, useState } from 'react';
import { lateResponseIssues } from '../../core/confidential/late-responses.ts';
import { submissionDay } from '../../core/confidential/sealed-content.ts';
import { signReport } from '../../core/confidential/signed-report.ts';
import { slug } from '../../core/model/ids.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { SCORE_GROUPS } from '../../core/score/score-groups.ts';
import { downloadFile } from '../components/download.ts';
import { Attribution } from '../profile/ProfileHeader.tsx';
import { ProfileView } from '../profile/ProfileView.tsx';
import { formatDay } from '../report/format-day.ts';
import { ReportNotices } from '../report/ReportNotices.tsx';
import { type CoachCampaign, recordIssuedReport } from '../storage/campaigns.ts';
import type { OpenedCampaign } from './open-campaign.ts';

type Props = { campaign: CoachCampaign; opened: OpenedCampaign; identity: string; onIssued: () => void };

/**
 * Issue 10, steps 5 and 6: the 360 as the coach sees it (the same thresholds and folding as the
 * learner's report, with every notice), and the signed report for the learner. Once a report is
 * issued, a later one is checked for late responses (core's lateResponseIssues) and needs the
 * coach's explicit override when a late rater could be read off by comparing the two.
 */
export function Coach360({ campaign, opened, identity, onIssued }: Props) {
  const { manifest } = campaign;
  const { framework, score, report } = opened;
  const data = { framework, subjectId: manifest.learner.subject_id, whose: manifest.learner.name, own: false, score, selfResponse: opened.selfResponse, earlierSelf: [], unreadable: 0 };
  const counted = SCORE_GROUPS.filter((group) => score.responseCounts[group] > 0);
  const header = (
    <header className="profile-header coach-360-header">
      <p className="eyebrow">Confidential 360 of {manifest.learner.name}: your view as the coach</p>
      <h2 id="profile-title">{framework.title}</h2>
      <p>
        Below each group are the responses that came in. The figures follow this campaign's thresholds exactly as the learner's report will show them:
        a group below its threshold is folded or hidden here too.
      </p>
      <ul className="inline-list" aria-label="Responses received per group">
        {counted.map((group) => <li key={group} data-group={group}>{groupLabel(group)}: {score.responseCounts[group]}</li>)}
      </ul>
      <Attribution framework={framework} />
    </header>
  );
  return (
    <>
      <IssueReport campaign={campaign} opened={opened} identity={identity} onIssued={onIssued} />
      {report.notices.length > 0 && <p className="hint">The notices below are worded as the learner will read them in the report.</p>}
      <ProfileView data={data} header={header} notices={<ReportNotices notices={report.notices} score={score} />} />
    </>
  );
}

function IssueReport({ campaign, opened, identity, onIssued }: Props) {
  const id = useId();
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { manifest, issued } = campaign;
  const late = issued === null ? [] : lateResponseIssues(issued.counted, opened.counted, manifest.thresholds, issued.issuedOn);
  const blocked = late.length > 0 && !accepted;
  const fileName = `report-${slug(manifest.learner.name, 40, 'learner')}.jws`;

  const download = async () => {
    setBusy(true);
    try {
      const issuedOn = submissionDay(new Date());
      const jws = await signReport({ ...opened.report, issued_on: issuedOn }, identity);
      downloadFile(fileName, `${jws}\n`, 'application/jose');
      // Recorded only once the file is made: a later report is checked against what this one counted.
      await recordIssuedReport(campaign, { issuedOn, counted: opened.counted });
      setAccepted(false);
      setDone(`Downloaded ${fileName}. Send it to ${manifest.learner.name}: it is all they may see of this 360.`);
      onIssued();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel issue-report">
      <h3 id={`${id}-title`}>The report for {manifest.learner.name}</h3>
      <p>
        The report holds only what {manifest.learner.name} may see: the figures of the groups shown, per area and per statement, the comments that pass the
        comment threshold, and every notice. No rater's own answers, no token, no date finer than the day. It is signed with your key, so their page can
        check it came from you unchanged.
      </p>
      {issued !== null && (
        <p>
          A report was issued on <time dateTime={issued.issuedOn}>{formatDay(issued.issuedOn)}</time>, counting {issued.counted.length} rater response{issued.counted.length === 1 ? '' : 's'}.
          This campaign is frozen since: a new report may add late responses only where each group gains at least its threshold of them.
        </p>
      )}
      {late.length > 0 && (
        <div className="banner banner-warn" role="alert">
          <p><strong>Late responses: comparing the two reports could reveal who answered late.</strong></p>
          <ul>{late.map((issue) => <li key={issue.path}>{issue.message}</li>)}</ul>
          <p>
            <input id={`${id}-accept`} type="checkbox" checked={accepted} onChange={(event) => setAccepted(event.target.checked)} />{' '}
            <label htmlFor={`${id}-accept`} className="inline-label">I understand that {manifest.learner.name} could work out the late raters' answers by comparing the reports, and I issue this report anyway.</label>
          </p>
        </div>
      )}
      <button type="button" disabled={busy || blocked} onClick={() => void download()}>Download the report for the learner</button>
      <div aria-live="polite">{done && <p className="banner banner-ok">{done}</p>}</div>
    </section>
  );
}
