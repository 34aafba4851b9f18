import { downloadFile } from '../components/download.ts';
import { UnreadableNotice } from '../components/UnreadableNotice.tsx';
import { buildExport } from '../data/exports.ts';
import { DeletePanel } from '../data/DeletePanel.tsx';
import { ExportPanel } from '../data/ExportPanel.tsx';
import { ImportPanel } from '../data/ImportPanel.tsx';
import { useStoredData } from '../data/use-stored-data.ts';

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export default function DataPage() {
  const { data: stored, readError, refresh } = useStoredData();

  const exportAll = () => {
    if (!stored) return;
    for (const name of ['summary.csv', 'responses-long.csv'] as const) downloadFile(name, buildExport(name, stored.responses, stored.frameworks), 'text/csv;charset=utf-8');
  };

  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">Your data</h1>
      {readError && <p className="banner banner-error" role="alert">Your browser's storage could not be read ({readError}).</p>}
      <div className="panel">
        <h2>What is stored, and where</h2>
        {stored ? (
          <>
            <ul>
              <li>{counted(stored.responses.filter((r) => r.raterGroup === 'self').length, 'self-assessment')} and {counted(stored.responses.filter((r) => r.raterGroup !== 'self').length, 'response')} from raters</li>
              <li>{counted(stored.drafts, 'survey')} in progress</li>
              <li>{counted(stored.openedFromFiles, 'framework')} opened from files</li>
            </ul>
            <UnreadableNotice count={stored.unreadable} kind="response" leftOutOf="every figure and export" />
          </>
        ) : readError ? null : <p role="status">Reading…</p>}
        <p>All of it is kept only in this browser, on this device. Nothing leaves it unless you export it. Clearing your browser's data deletes it: an export is the only copy that survives.</p>
      </div>
      {stored && <ExportPanel responses={stored.responses} frameworks={stored.frameworks} />}
      <ImportPanel onImported={refresh} />
      <DeletePanel onExportAll={exportAll} onDeleted={() => window.location.reload()} />
    </section>
  );
}
