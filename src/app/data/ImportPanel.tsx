import { type ReactNode, useId, useState } from 'react';
import type { Issue } from '../../core/model/result.ts';
import { IssueList } from '../components/IssueList.tsx';
import { loadAllFrameworks } from '../frameworks/framework-source.ts';
import type { ResponseInput } from '../../core/io/read-response-input.ts';
import { fileInput, type ImportProgress, importResponses, type ImportSummary, type MissingFramework, UNKNOWN_FRAMEWORK_CODES } from './import-responses.ts';
import { FileDropZone } from '../components/FileDropZone.tsx';
import { MissingFrameworks } from './MissingFrameworks.tsx';
import './import.css';

type Props = {
  onImported: (summary: ImportSummary) => void;
  title?: string;
  /** What the panel takes, in the words of the page it is on. */
  description?: ReactNode;
};

const LEARNER_DESCRIPTION = 'Response files your raters send back (.json), responses-long.csv or responses-wide.csv exports, or response codes.';

/** "the 3 files you chose", "the codes you pasted": what a refused import keeps for the next try. */
function describeKept(inputs: readonly ResponseInput[]): string {
  const files = inputs.filter((input) => input.kind === 'bytes').length;
  const pasted = inputs.length - files;
  const parts = [files > 0 ? `the ${files === 1 ? 'file' : `${files} files`} you chose` : '', pasted > 0 ? 'the codes you pasted' : ''].filter((part) => part !== '');
  return parts.join(' and ');
}

/**
 * Import response files (several at once, or dropped), CSVs, and pasted response codes (one per
 * line or separated by blank space). All or nothing, every problem listed, progress shown. When
 * the only thing missing is a framework a learner opened from a file, the page offers to open
 * it and imports the same inputs again.
 */
export function ImportPanel({ onImported, title = 'Import responses', description = LEARNER_DESCRIPTION }: Props) {
  const id = useId();
  const [codes, setCodes] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [missing, setMissing] = useState<MissingFramework[]>([]);
  const [kept, setKept] = useState<ResponseInput[]>([]);
  const [done, setDone] = useState<string | null>(null);

  /** Imports the inputs; true when they were imported. */
  const run = async (inputs: ResponseInput[], before = ''): Promise<boolean> => {
    if (inputs.length === 0) return false;
    setIssues([]);
    setMissing([]);
    setDone(null);
    setProgress({ done: 0, total: inputs.length, bytes: 0, totalBytes: 1 });
    try {
      const frameworks = await loadAllFrameworks();
      const result = await importResponses(inputs, (fid) => frameworks.get(fid)?.framework, setProgress);
      if (!result.ok) {
        // Kept, so that opening a missing framework can import them again without a new pick.
        setKept(inputs);
        setMissing(result.missingFrameworks);
        // Core's sentence for a missing framework is replaced by the page's own offer (MissingFrameworks).
        setIssues(result.missingFrameworks.length > 0 ? result.issues.filter((issue) => !UNKNOWN_FRAMEWORK_CODES.has(issue.code)) : result.issues);
        return false;
      }
      setKept([]);
      const { added, alreadyThere } = result.value;
      setDone(`${before}Imported ${added} response${added === 1 ? '' : 's'}${alreadyThere > 0 ? `; ${alreadyThere} ${alreadyThere === 1 ? 'was' : 'were'} already here and counted once` : ''}.`);
      onImported(result.value);
      return true;
    } catch (error) {
      setIssues([{ code: 'storage.unreadable', path: '', message: `Your browser's storage could not be read, so nothing was imported (${String(error)}).` }]);
      return false;
    } finally {
      setProgress(null);
    }
  };

  const fromFiles = (files: FileList | null) => void run(Array.from(files ?? [], fileInput));
  const fromCodes = () => {
    // Core splits the codes; they stay in the box when the import is refused, to be corrected.
    void run([{ kind: 'text', name: 'pasted text', text: codes }]).then((imported) => imported && setCodes(''));
  };
  const afterFramework = (frameworkIds: string[]) => {
    const pasted = kept.some((input) => input.kind === 'text');
    void run(kept, `Opened framework ${frameworkIds.join(', ')}. `).then((imported) => imported && pasted && setCodes(''));
  };
  const percent = progress ? Math.round((progress.bytes / Math.max(1, progress.totalBytes)) * 100) : 0;

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{description} Everything is checked before anything is stored: one problem anywhere holds back the whole batch, and every problem is listed.</p>
      <FileDropZone id={`${id}-files`} label="Choose files, or drop them here" accept=".json,.csv,application/json,text/csv" disabled={progress !== null} onFiles={(files) => void fromFiles(files)} />
      <label htmlFor={`${id}-codes`}>Paste response codes</label>
      <textarea id={`${id}-codes`} rows={3} value={codes} onChange={(event) => setCodes(event.target.value)} placeholder="SKR1.…" />
      <button type="button" className="secondary" disabled={codes.trim() === '' || progress !== null} onClick={fromCodes}>Import the codes</button>
      <div aria-live="polite">
        {progress && (
          <p>
            <label htmlFor={`${id}-progress`}>Checking {progress.done} of {progress.total} file{progress.total === 1 ? '' : 's'}…</label>
            <progress id={`${id}-progress`} max={100} value={percent}>{percent}%</progress>
          </p>
        )}
        {done && <p className="banner banner-ok">{done}</p>}
      </div>
      {missing.length > 0 && progress === null && <MissingFrameworks missing={missing} kept={describeKept(kept)} otherProblems={issues.length > 0} onOpened={afterFramework} />}
      {issues.length > 0 && <IssueList title="Nothing was imported." issues={issues} />}
    </section>
  );
}
