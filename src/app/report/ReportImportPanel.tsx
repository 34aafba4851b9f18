import { useId, useState } from 'react';
import type { Issue } from '../../core/model/result.ts';
import { IssueList } from '../components/IssueList.tsx';
import { importReports, type ReportImportSummary, type ReportInput } from './import-reports.ts';
import { FileDropZone } from '../components/FileDropZone.tsx';

type Props = { onImported: (summary: ReportImportSummary) => void; hasReports: boolean };

/**
 * Import the coach's report.jws: choose it, drop it, or paste its text. Each is verified whole
 * first; if anything is wrong nothing is stored and every problem is listed.
 */
export function ReportImportPanel({ onImported, hasReports }: Props) {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const run = async (inputs: ReportInput[]): Promise<boolean> => {
    if (inputs.length === 0) return false;
    setIssues([]);
    setDone(null);
    setBusy(true);
    try {
      const result = await importReports(inputs);
      if (!result.ok) {
        setIssues(result.issues);
        return false;
      }
      setDone(summaryText(result.value));
      onImported(result.value);
      return true;
    } catch (error) {
      setIssues([{ code: 'storage.unreadable', path: '', message: `Your browser's storage could not be read, so nothing was imported (${String(error)}).` }]);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const fromFiles = (files: FileList | null) => void run(Array.from(files ?? [], (file) => ({ name: file.name, file })));
  // The pasted text stays in the box when it is refused, to be corrected.
  const fromText = () => void run([{ name: 'pasted report', text: pasted }]).then((imported) => imported && setPasted(''));

  return (
    <section aria-labelledby={`${id}-title`} className="panel report-import">
      <h2 id={`${id}-title`}>{hasReports ? 'Import another report' : 'Import your report'}</h2>
      <p>
        The report your coach sends is a file named <code>report.jws</code> (or its text). Skillscope checks the coach's signature and every figure before
        keeping it; if anything is wrong, nothing is kept and every problem is listed.
      </p>
      <FileDropZone id={`${id}-files`} label="Choose the report file, or drop it here" accept=".jws,text/plain,application/jose" disabled={busy} onFiles={(files) => void fromFiles(files)} />
      <label htmlFor={`${id}-text`}>Or paste the report's text</label>
      <textarea id={`${id}-text`} className="code-box" rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} placeholder="eyJhbGciOiJFZERTQSIs…" spellCheck={false} />
      <button type="button" className="secondary" disabled={pasted.trim() === '' || busy} onClick={fromText}>Import the pasted report</button>
      <div aria-live="polite">
        {busy && <p role="status">Checking the signature…</p>}
        {done && <p className="banner banner-ok">{done}</p>}
      </div>
      {issues.length > 0 && <IssueList title="Nothing was imported." issues={issues} />}
    </section>
  );
}

function summaryText({ stored, alreadyThere, replaced }: ReportImportSummary): string {
  const parts: string[] = [];
  if (stored.length > 0) parts.push(`Imported ${stored.length === 1 ? 'the report' : `${stored.length} reports`}; the signature checks out.`);
  if (replaced > 0) parts.push(`${replaced === 1 ? 'It replaces' : `${replaced} replace`} an earlier report of the same 360.`);
  if (alreadyThere > 0) parts.push(`${alreadyThere === 1 ? 'This report was' : `${alreadyThere} reports were`} already here.`);
  return parts.join(' ');
}
