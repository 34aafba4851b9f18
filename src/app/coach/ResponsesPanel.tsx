import { useId, useState } from 'react';
import type { Issue } from '../../core/model/result.ts';
import { IssueList } from '../components/IssueList.tsx';
import type { SealedInputRecord } from '../storage/sealed-inputs.ts';
import { type CampaignInput, classifyFile, splitSealedCodes } from './open-campaign.ts';
import { FileDropZone } from '../components/FileDropZone.tsx';

type Props = {
  learnerName: string;
  inputs: readonly SealedInputRecord[];
  /** Checks the new inputs with those kept; stores them only when everything opens. Returns the problems, if any. */
  onImport: (inputs: CampaignInput[]) => Promise<Issue[]>;
  onRemove: (id: string) => void;
};

/** Sealed files (chosen or dropped) and pasted sealed codes, and the learner's own self-assessment file; each kept until removed. */
export function ResponsesPanel({ learnerName, inputs, onImport, onRemove }: Props) {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const run = async (fresh: CampaignInput[]): Promise<boolean> => {
    if (fresh.length === 0) return false;
    setBusy(true);
    setIssues([]);
    setDone(null);
    try {
      const problems = await onImport(fresh);
      setIssues(problems);
      if (problems.length === 0) setDone(`Added ${fresh.length} ${fresh.length === 1 ? 'response' : 'responses'}; each opened with your key.`);
      return problems.length === 0;
    } finally {
      setBusy(false);
    }
  };
  const fromFiles = async (files: FileList | null) => {
    const list = Array.from(files ?? []);
    void run(await Promise.all(list.map(async (file) => classifyFile(file.name, new Uint8Array(await file.arrayBuffer())))));
  };
  const fromText = () => {
    const codes = splitSealedCodes(pasted);
    void run(codes.map((code, index) => ({ kind: 'sealed', name: `pasted code ${index + 1}`, data: code }))).then((ok) => ok && setPasted(''));
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel responses-panel">
      <h3 id={`${id}-title`}>Responses</h3>
      <p>
        Add the sealed files and codes your raters sent (directly, through {learnerName}, or by any other way: only your key opens them). You may also add
        {' '}{learnerName}'s own self-assessment, the plain response file they send you. Everything is checked together: a response that does not open, or
        an invitation answered twice with different answers, is refused with the others kept as they were.
      </p>
      <FileDropZone id={`${id}-files`} label="Choose sealed files, or drop them here" accept=".age,.json,.txt,application/octet-stream,application/json,text/plain" disabled={busy} onFiles={(files) => void fromFiles(files)} />
      <label htmlFor={`${id}-codes`}>Or paste sealed codes (SKS1.…), one or several</label>
      <textarea id={`${id}-codes`} className="code-box" rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} />
      <button type="button" className="secondary" disabled={busy || pasted.trim() === ''} onClick={fromText}>Add the pasted codes</button>
      <div aria-live="polite">
        {busy && <p role="status">Opening the responses with your key…</p>}
        {done && <p className="banner banner-ok">{done}</p>}
      </div>
      {issues.length > 0 && <IssueList title="Nothing was added." issues={issues} />}
      {inputs.length > 0 && (
        <>
          <h4>Kept for this campaign ({inputs.length})</h4>
          <ul className="sealed-input-list">
            {inputs.map((input) => (
              <li key={input.id}>
                {input.name} <span className="muted">({input.kind === 'self' ? `${learnerName}'s self-assessment` : typeof input.data === 'string' ? 'sealed code' : 'sealed file'})</span>{' '}
                <button type="button" className="link-button" onClick={() => onRemove(input.id)}>Remove<span className="visually-hidden"> {input.name}</span></button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
