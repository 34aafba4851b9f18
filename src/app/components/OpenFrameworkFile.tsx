import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { CaseParts } from '../../core/case/import-case.ts';
import type { CaseSubtree } from '../../core/case/case-subtrees.ts';
import type { Issue } from '../../core/model/result.ts';
import { CasePartPicker } from '../frameworks/CasePartPicker.tsx';
import { FRAMEWORK_FILE_ACCEPT } from '../frameworks/framework-file-types.ts';
import type { FrameworkOpener, Opening } from '../frameworks/open-framework-file.ts';
import { FileDropZone } from './FileDropZone.tsx';
import { IssueList } from './IssueList.tsx';
import '../frameworks/case-open.css';

type Opened = { titles: string; assumptions: string[] };
type Picking = { file: string; reason: string; parts: CaseParts };

/**
 * "Open a framework file": the spreadsheet template (CSV or .xlsx), any O*NET framework export,
 * a Skillscope framework file or a 1EdTech CASE package, picked, dropped or (JSON) pasted. A CASE
 * package shows what the importer assumed; one too large for a survey lists its parts to pick.
 */
export function OpenFrameworkFile({ onOpened, children }: { onOpened: () => void; children?: ReactNode }) {
  const inputId = useId();
  const pasteId = useId();
  const assumptionsId = useId();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [picking, setPicking] = useState<Picking | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const opener = useRef<FrameworkOpener | null>(null);
  useEffect(() => () => opener.current?.close(), []);

  const show = (result: Opening, file: string, whileOpen: () => void) => {
    setBusy(null);
    if (result.ok) {
      opener.current?.close();
      opener.current = null;
      setPicking(null);
      setOpened({ titles: result.frameworks.map((f) => f.title).join(', '), assumptions: result.assumptions });
      whileOpen();
      onOpened();
      return;
    }
    if (result.parts !== undefined && result.parts.subtrees.length > 0) {
      const [head, ...rest] = result.issues;
      setPicking({ file, reason: head?.message ?? '', parts: result.parts });
      // The parts are in the picker; anything else (none today) is listed as a problem.
      setIssues(rest.filter((issue) => issue.code !== 'case.subtree'));
      return;
    }
    setIssues(result.issues);
  };

  const open = async (file: File | undefined, whileOpen: () => void = () => undefined) => {
    if (!file) return;
    setBusy('Checking the file…');
    setIssues([]);
    setOpened(null);
    setPicking(null);
    opener.current?.close();
    // The parsers load only when someone opens a file.
    const { startFrameworkOpener } = await import('../frameworks/open-framework-file.ts');
    const session = startFrameworkOpener();
    opener.current = session;
    const result = await session.open(file);
    if (opener.current === session) show(result, file.name, whileOpen);
  };

  const openPart = async (part: CaseSubtree) => {
    const session = opener.current;
    if (session === null || picking === null) return;
    setBusy(`Opening ${part.title || part.identifier}…`);
    setIssues([]);
    const result = await session.openPart(part.identifier);
    if (opener.current === session) show(result, picking.file, () => undefined);
  };

  const openPasted = async () => {
    const { PASTED_JSON_NAME } = await import('../frameworks/open-framework-file.ts');
    await open(new File([pasted], PASTED_JSON_NAME, { type: 'application/json' }), () => setPasted(''));
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="panel">
      <h2 id={`${inputId}-title`}>Open a framework file</h2>
      <p>
        Your own framework from a spreadsheet (the template below, as .xlsx or CSV), a 1EdTech CASE package (CASE 1.0 or 1.1 JSON, from OpenSALT,
        the CASE Network or a state's CASE server), any O*NET framework export in the same JSON format as the built-in Computer User Support
        Specialists file, or a Skillscope framework file. It stays in this browser.
      </p>
      {children}
      <FileDropZone id={inputId} label="Framework file" accept={FRAMEWORK_FILE_ACCEPT} multiple={false} disabled={busy !== null} hint="Choose the file, or drop it on this box." onFiles={(files) => void open(files?.[0])} />
      <details className="paste-framework">
        <summary>Paste a CASE package's JSON instead</summary>
        <p className="muted">For a package you copied from a CASE server's API or an editor: paste the whole JSON, from the first <code>{'{'}</code> to the last <code>{'}'}</code>.</p>
        <label htmlFor={pasteId}>CASE package JSON</label>
        <textarea id={pasteId} className="code-box" rows={6} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} autoComplete="off" />
        <p className="actions">
          <button type="button" disabled={busy !== null || pasted.trim() === ''} onClick={() => void openPasted()}>Open the pasted JSON</button>
        </p>
      </details>
      <div aria-live="polite">
        {busy !== null && <p role="status">{busy}</p>}
        {opened && <p className="banner banner-ok">Opened {opened.titles}. It is listed above.</p>}
      </div>
      {opened && opened.assumptions.length > 0 && (
        <section aria-labelledby={assumptionsId} className="case-assumptions">
          <h3 id={assumptionsId}>How Skillscope read this CASE package</h3>
          <p>Real CASE packages rarely follow the specification to the letter. To open this one, Skillscope assumed:</p>
          <ul>{opened.assumptions.map((assumption, index) => <li key={index}>{assumption}</li>)}</ul>
        </section>
      )}
      {picking && <CasePartPicker file={picking.file} reason={picking.reason} parts={picking.parts} busy={busy !== null} onPick={(part) => void openPart(part)} />}
      {issues.length > 0 && <IssueList title={picking ? 'This part cannot be opened.' : 'This file cannot be opened.'} issues={issues} />}
    </section>
  );
}
