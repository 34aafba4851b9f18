import type { ImportedReport } from '../storage/reports.ts';
import { formatDay } from './format-day.ts';

type Props = { reports: readonly ImportedReport[]; selected: string; onSelect: (campaignId: string) => void };

/** The imported reports, newest import first, when there are several: one is shown at a time. */
export function ReportList({ reports, selected, onSelect }: Props) {
  return (
    <section aria-labelledby="report-list-title" className="panel report-list">
      <h2 id="report-list-title">Your reports</h2>
      <ul>
        {reports.map(({ campaignId, report }) => (
          <li key={campaignId} data-campaign={campaignId}>
            <button type="button" className="link-button" aria-pressed={campaignId === selected} onClick={() => onSelect(campaignId)}>
              {report.framework.title}, issued on {formatDay(report.issued_on)} by {report.coach.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
