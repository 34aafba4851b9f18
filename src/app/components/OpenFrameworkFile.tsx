import { type ReactNode, useId, useState } from 'react';
import type { Issue } from '../../core/model/result.ts';
import { FRAMEWORK_FILE_ACCEPT } from '../frameworks/framework-file-types.ts';
import { FileDropZone } from './FileDropZone.tsx';
import { IssueList } from './IssueList.tsx';

/** "Open a framework file": the spreadsheet template (CSV or .xlsx), any O*NET framework export or Skillscope framework file, picked or dropped. */
export function OpenFrameworkFile({ onOpened, children }: { onOpened: () => void; children?: ReactNode }) {
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
      <p>Your own framework from a spreadsheet (the template below, as .xlsx or CSV), any O*NET framework export in the same JSON format as the built-in Computer User Support Specialists file, or a Skillscope framework file. It stays in this browser.</p>
      {children}
      <FileDropZone id={inputId} label="Framework file" accept={FRAMEWORK_FILE_ACCEPT} multiple={false} disabled={busy} hint="Choose the file, or drop it on this box." onFiles={(files) => void open(files?.[0])} />
      <div aria-live="polite">
        {busy && <p role="status">Checking the file…</p>}
        {opened && <p className="banner banner-ok">Opened {opened}. It is listed above.</p>}
      </div>
      {issues.length > 0 && <IssueList title="This file cannot be opened." issues={issues} />}
    </section>
  );
}
