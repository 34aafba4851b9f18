import { useId, useState } from 'react';
import type { Issue } from '../../core/model/result.ts';
import { IssueList } from '../components/IssueList.tsx';
import type { MissingFramework } from './import-responses.ts';

type Props = {
  missing: readonly MissingFramework[];
  /** What the refused import read ("the 3 files you chose"): it is kept for the next try. */
  kept: string;
  /** Whether anything else was wrong too (then listed below this, under "Nothing was imported."). */
  otherProblems: boolean;
  /** Called once a framework file has been opened and stored; the panel imports the kept inputs again. */
  onOpened: (frameworkIds: string[]) => void;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The chosen files name a framework this browser does not have. The built-in frameworks are
 * always here, so it is one a learner opened from a file: say which (its id), offer to open
 * that file right here, and import the files already chosen again, so they are not picked twice.
 */
export function MissingFrameworks({ missing, kept, otherProblems, onOpened }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [opened, setOpened] = useState<string | null>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setIssues([]);
    setOpened(null);
    // The framework parsers load only when someone opens a file.
    const { openFrameworkFile } = await import('../frameworks/open-framework-file.ts');
    const result = await openFrameworkFile(file);
    setBusy(false);
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    const ids = result.value.map((framework) => framework.id);
    const needed = missing.filter((entry) => ids.includes(entry.frameworkId));
    if (needed.length === 0) {
      setOpened(`That file holds ${result.value.map((f) => `${f.title} (${f.id})`).join(', ')}, not the framework these responses need. It was kept in this browser; open the file of the framework named above.`);
      return;
    }
    onOpened(ids);
  };

  return (
    <div className="banner banner-error missing-frameworks" role="alert" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>{otherProblems ? 'Some of the files are also' : 'Nothing was imported: some of the files are'} for {missing.length === 1 ? 'a framework' : 'frameworks'} this browser does not have.</strong>
      </p>
      <ul>
        {missing.map((entry) => (
          <li key={entry.frameworkId}>
            <code>{entry.frameworkId}</code>, named by {entry.inputs.length <= 3 ? entry.inputs.join(', ') : `${entry.inputs.slice(0, 3).join(', ')} and ${plural(entry.inputs.length - 3, 'other file')}`}. It is not one of the built-in frameworks, so the learner opened it from a framework file (an O*NET export or a Skillscope framework file).
          </li>
        ))}
      </ul>
      <p>Ask the learner for that framework file and open it here: {kept} will then be imported again straight away, without choosing anything again.</p>
      <label htmlFor={`${id}-file`}>Open the framework file</label>
      <input id={`${id}-file`} type="file" accept=".json,.txt,application/json,text/plain" disabled={busy} onChange={(event) => { void open(event.target.files?.[0]); event.target.value = ''; }} />
      <div aria-live="polite">
        {busy && <p role="status">Checking the framework file…</p>}
        {opened && <p>{opened}</p>}
      </div>
      {issues.length > 0 && <IssueList title="This framework file cannot be opened." issues={issues} />}
    </div>
  );
}
