import { useId, useState } from 'react';
import type { Issue } from '../../core/model/result.ts';
import { IssueList } from './IssueList.tsx';

/** "Open a framework file": any O*NET framework export or Skillscope framework file. */
export function OpenFrameworkFile({ onOpened }: { onOpened: () => void }) {
  const inputId = useId();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [opened, setOpened] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setIssues([]);
    setOpened(null);
    // The parsers load only when someone opens a file.
    const { openFrameworkFile } = await import('../frameworks/open-framework-file.ts');
    const result = await openFrameworkFile(file);
    setBusy(false);
    if (result.ok) {
      setOpened(result.value.map((f) => f.title).join(', '));
      onOpened();
    } else setIssues(result.issues);
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="panel">
      <h2 id={`${inputId}-title`}>Open a framework file</h2>
      <p>Any O*NET framework export in the same JSON format as the built-in Computer User Support Specialists file, or a Skillscope framework file. It stays in this browser.</p>
      <label htmlFor={inputId}>Framework file</label>
      <input id={inputId} type="file" accept=".json,.txt,application/json,text/plain" disabled={busy} onChange={(event) => { void open(event.target.files?.[0]); event.target.value = ''; }} />
      <div aria-live="polite">
        {busy && <p role="status">Checking the file…</p>}
        {opened && <p className="banner banner-ok">Opened {opened}. It is listed above.</p>}
      </div>
      {issues.length > 0 && <IssueList title="This file cannot be opened." issues={issues} />}
    </section>
  );
}
