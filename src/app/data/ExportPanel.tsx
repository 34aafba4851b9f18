import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { downloadFile } from '../components/download.ts';
import { writeResponseFile } from '../../core/io/response-file.ts';
import { buildExport, EXPORT_DESCRIPTIONS, EXPORT_NAMES, responseFileName } from './exports.ts';
import { formatDate } from '../profile/format-figures.ts';

/** Downloads of the four CSVs, and each response as its JSON file. */
export function ExportPanel({ responses, frameworks, title = 'Export' }: { responses: readonly SurveyResponse[]; frameworks: ReadonlyMap<string, Framework>; title?: string }) {
  if (responses.length === 0) return <section className="panel"><h2>{title}</h2><p>Nothing to export yet.</p></section>;
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{title}</h2>
      <p>CSV files in UTF-8 that open cleanly in Excel, Sheets or any analysis tool. Text that a spreadsheet could run as a formula starts with an apostrophe.</p>
      <ul className="export-list">
        {EXPORT_NAMES.map((name) => (
          <li key={name}>
            <button type="button" onClick={() => downloadFile(name, buildExport(name, responses, frameworks), 'text/csv;charset=utf-8')}>Download {name}</button>
            <span className="muted"> {EXPORT_DESCRIPTIONS[name]}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>Response files ({responses.length})</summary>
        <ul>
          {responses.map((response) => (
            <li key={response.responseId}>
              <button type="button" className="secondary" onClick={() => downloadFile(responseFileName(response), writeResponseFile(response), 'application/json')}>
                Download {response.raterGroup === 'self' ? 'self-assessment' : `${response.raterGroup} response`} of {formatDate(response.submittedAt, 'seconds')}
                <span className="visually-hidden"> ({response.frameworkId}, {response.subjectId})</span>
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
