import { useId, useState } from 'react';
import { type Nomination, readNomination } from '../../core/confidential/nomination.ts';
import { decodeUtf8 } from '../../core/input/decode-text.ts';
import type { Issue } from '../../core/model/result.ts';
import { IssueList } from '../components/IssueList.tsx';

/** A nomination file is a few kilobytes; anything this large is not one. */
const MAX_NOMINATION_BYTES = 1_000_000;

type Props = { hasFramework: (id: string) => boolean; onImported: (nomination: Nomination, file: string) => void };

/** Issue 10, step 3: the coach reads the learner's nomination file, checked whole before anything is filled in. */
export function NominationImport({ hasFramework, onImported }: Props) {
  const id = useId();
  const [issues, setIssues] = useState<Issue[]>([]);

  const read = async (file: File | undefined) => {
    if (file === undefined) return;
    if (file.size > MAX_NOMINATION_BYTES) {
      setIssues([{ code: 'nomination.too-large', file: file.name, path: '', message: `The file is ${file.size.toLocaleString('en')} bytes; a nomination file is far smaller. Is this the right file?` }]);
      return;
    }
    const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()), file.name);
    const read = text.ok ? readNomination(text.value, file.name, hasFramework) : text;
    setIssues(read.ok ? [] : read.issues);
    if (read.ok) onImported(read.value, file.name);
  };

  return (
    <div className="nomination-import">
      <label htmlFor={`${id}-file`}>Start from a nomination file (optional)</label>
      <p className="hint" id={`${id}-hint`}>The learner downloads it from their Invite raters page: their raters&apos; names, e-mail addresses and groups, and no link.</p>
      <input id={`${id}-file`} type="file" accept=".json,application/json" aria-describedby={`${id}-hint`}
        onChange={(event) => { void read(event.target.files?.[0]); event.target.value = ''; }} />
      {issues.length > 0 && <IssueList title="The nomination file was not read." issues={issues} />}
    </div>
  );
}
