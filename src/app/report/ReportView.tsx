import { useEffect, useState } from 'react';
import type { Result } from '../../core/model/result.ts';
import { IssueList } from '../components/IssueList.tsx';
import { ProfileView } from '../profile/ProfileView.tsx';
import type { ImportedReport } from '../storage/reports.ts';
import { profileOfReport, type ReportProfile } from './report-profile.ts';
import { ReportHeader } from './ReportHeader.tsx';
import { ReportNotices } from './ReportNotices.tsx';

/** One imported report as a 360 profile: the profile's charts, tables and comments, with the report's header and notices. */
export function ReportView({ entry }: { entry: ImportedReport }) {
  const [profile, setProfile] = useState<Result<ReportProfile> | null>(null);
  // The same signed text is the same report: a refresh that reads it again redraws nothing.
  const { jws } = entry;
  useEffect(() => {
    let live = true;
    setProfile(null);
    profileOfReport(entry.report, 'stored report').then(
      (result) => live && setProfile(result),
      (error: unknown) => live && setProfile({ ok: false, issues: [{ code: 'report.framework-unreadable', path: '', message: `The report's framework could not be loaded (${String(error)}).` }] }),
    );
    return () => {
      live = false;
    };
  }, [jws]);

  if (profile === null) return <p role="status">Loading the report…</p>;
  if (!profile.ok) return <IssueList title="This report cannot be shown." issues={profile.issues} />;
  const { framework, score } = profile.value;
  const { report } = entry;
  const data = { framework, subjectId: report.learner.subject_id, whose: report.learner.name, own: false, score, selfResponse: null, earlierSelf: [], unreadable: 0, teamAverage: null };
  return (
    <ProfileView
      data={data}
      header={<ReportHeader report={report} framework={framework} score={score} />}
      notices={<ReportNotices notices={report.notices} score={score} />}
      selfUnrated={score.visibility.shown.includes('self') ? 'not rated, or not part of your role' : undefined}
    />
  );
}
