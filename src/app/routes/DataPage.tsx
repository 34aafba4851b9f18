import { useCallback, useEffect, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { downloadText } from '../components/download.ts';
import { buildExport } from '../data/exports.ts';
import { DeletePanel } from '../data/DeletePanel.tsx';
import { ExportPanel } from '../data/ExportPanel.tsx';
import { ImportPanel } from '../data/ImportPanel.tsx';
import { loadAllFrameworks } from '../frameworks/framework-source.ts';
import { listDrafts } from '../storage/drafts.ts';
import { database } from '../storage/db.ts';
import { loadResponses } from '../storage/responses.ts';

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `unreadable`: stored responses that no longer read back (damaged, or their framework is gone). */
type Stored = { responses: SurveyResponse[]; frameworks: Map<string, Framework>; drafts: number; custom: number; unreadable: number };

export default function DataPage() {
  const [stored, setStored] = useState<Stored | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const loaded = await loadAllFrameworks();
      const frameworks = new Map([...loaded].map(([id, entry]) => [id, entry.framework]));
      const [responses, drafts, total] = await Promise.all([loadResponses((id) => frameworks.get(id)), listDrafts(), database().then((db) => db.count('responses'))]);
      setStored({ responses, frameworks, drafts: drafts.length, custom: [...loaded.values()].filter((entry) => !entry.builtin).length, unreadable: total - responses.length });
    } catch (e) {
      setError(`Your browser's storage could not be read (${String(e)}).`);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const exportAll = () => {
    if (!stored) return;
    for (const name of ['summary.csv', 'responses-long.csv'] as const) downloadText(name, buildExport(name, stored.responses, stored.frameworks), 'text/csv;charset=utf-8');
  };

  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title">Your data</h1>
      {error && <p className="banner banner-error" role="alert">{error}</p>}
      <div className="panel">
        <h2>What is stored, and where</h2>
        {stored ? (
          <ul>
            <li>{counted(stored.responses.filter((r) => r.raterGroup === 'self').length, 'self-assessment')} and {counted(stored.responses.filter((r) => r.raterGroup !== 'self').length, 'response')} from raters</li>
            {stored.unreadable > 0 && <li className="error-text">{counted(stored.unreadable, 'stored response')} could not be read back (damaged, or for a framework no longer here) and {stored.unreadable === 1 ? 'is' : 'are'} left out of every figure and export</li>}
            <li>{stored.drafts} survey{stored.drafts === 1 ? '' : 's'} in progress</li>
            <li>{stored.custom} framework{stored.custom === 1 ? '' : 's'} opened from files</li>
          </ul>
        ) : <p role="status">Reading…</p>}
        <p>All of it is kept only in this browser, on this device. Nothing leaves it unless you export it. Clearing your browser's data deletes it: an export is the only copy that survives.</p>
      </div>
      {stored && <ExportPanel responses={stored.responses} frameworks={stored.frameworks} />}
      <ImportPanel onImported={() => void refresh()} />
      <DeletePanel onExportAll={exportAll} onDeleted={() => window.location.reload()} />
    </section>
  );
}
