import { useState } from 'react';
import { UnreadableNotice } from '../components/UnreadableNotice.tsx';
import { ReportImportPanel } from '../report/ReportImportPanel.tsx';
import { ReportList } from '../report/ReportList.tsx';
import { ReportView } from '../report/ReportView.tsx';
import { useReports } from '../report/use-reports.ts';
import '../profile/profile.css';
import '../profile/print.css';
import '../report/report.css';

/**
 * The learner's confidential 360 reports (issue 10, "Report"): import the coach's signed
 * report, and see the 360 profile it holds. Only the report is here: no rater's answer ever is.
 */
export default function ReportPage() {
  const { state, refresh } = useReports();
  const [chosen, setChosen] = useState<string | null>(null);
  const reports = state.status === 'ready' ? state.reports : [];
  const selected = reports.find((entry) => entry.campaignId === chosen) ?? reports[0];

  return (
    <section aria-labelledby="reports-title" className="report-page">
      <h1 id="reports-title">Your 360 reports</h1>
      <p className="lead">
        In a confidential 360 your raters' answers go only to your coach, never to you. Your coach sends you a signed report with what the anonymity
        rules let you see; import it here to see your 360 profile from it. It stays in this browser.
      </p>
      {state.status === 'error' && <p className="banner banner-error" role="alert">{state.message}</p>}
      {state.status === 'loading' && <p role="status">Reading your reports…</p>}
      {state.status === 'ready' && <UnreadableNotice count={state.unreadable} kind="report" leftOutOf="this page" />}
      <ReportImportPanel
        hasReports={reports.length > 0}
        onImported={(summary) => {
          const [first] = summary.stored;
          if (first !== undefined) setChosen(first);
          void refresh();
        }}
      />
      {reports.length > 1 && selected !== undefined && <ReportList reports={reports} selected={selected.campaignId} onSelect={setChosen} />}
      {selected !== undefined && <ReportView key={selected.campaignId} entry={selected} />}
    </section>
  );
}
