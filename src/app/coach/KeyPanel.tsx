import { useEffect, useId, useState } from 'react';
import type { Issue } from '../../core/model/result.ts';
import { IssueList } from '../components/IssueList.tsx';
import { downloadFile } from '../components/download.ts';
import { type CoachKeyRead, loadCoachKey, saveCoachKey } from '../storage/coach-keys.ts';
import { createCoachKey, type KeyInHand, MIN_PASSPHRASE_CHARS, passphraseProblem, restoreCoachKey, unlockCoachKey } from './coach-key.ts';
import { setUnlockedKey, useUnlockedKey } from './unlocked-key.ts';

const BACKUP_FILE = 'skillscope-coach-key.age';
const storageIssue = (error: unknown): Issue[] => [{ code: 'storage.unreadable', path: '', message: `Your browser's storage could not be used (${String(error)}).` }];

/**
 * The coach's key (issue 10, step 1): created here, kept only wrapped by a passphrase, backed up
 * and restored as that same file, unlocked in memory for this tab. Its fingerprint is what raters
 * and the learner check.
 */
export function KeyPanel() {
  const id = useId();
  const [read, setRead] = useState<CoachKeyRead | 'loading' | 'failed'>('loading');
  const unlocked = useUnlockedKey();

  const refresh = () => loadCoachKey().then(setRead, () => setRead('failed'));
  useEffect(() => {
    void refresh();
  }, []);

  const keep = async (inHand: KeyInHand): Promise<boolean> => {
    if (!(await saveCoachKey(inHand.record))) return false;
    setUnlockedKey(inHand.unlocked);
    await refresh();
    return true;
  };

  if (read === 'loading') return <p role="status">Reading your key…</p>;
  const key = read !== 'failed' && read.state === 'readable' ? read.key : null;
  // The key in memory must be this browser's stored one: another tab may have restored another.
  const open = unlocked !== null && key !== null && unlocked.fingerprint === key.fingerprint ? unlocked : null;

  return (
    <section aria-labelledby={`${id}-title`} className="panel coach-key">
      <h2 id={`${id}-title`}>Your key</h2>
      {read === 'failed' && <p className="banner banner-error" role="alert">Your browser's storage could not be read, so your key cannot be shown. Restore it from its backup file below.</p>}
      {read !== 'failed' && read.state === 'unreadable' && (
        <p className="banner banner-warn">The key stored in this browser no longer reads back (it was damaged or changed). Restore it from its backup file below.</p>
      )}
      {key === null ? (
        <>
          <p>
            Raters seal their answers to your key, and only you can open them. Create your key here: it is kept in this browser only wrapped by a passphrase
            you choose, never in the clear, and you download that same wrapped file as your backup.
          </p>
          <CreateKey onCreated={keep} />
        </>
      ) : (
        <>
          <p className="fingerprint-line">
            Your key's fingerprint: <code className="fingerprint coach-fingerprint">{key.fingerprint}</code>
          </p>
          <p>
            <strong>Give this fingerprint to your raters and to the learner</strong> (say it, or write it somewhere they trust): their pages show the fingerprint
            of the key that signed the campaign and the report, and they check it is this one.
          </p>
          {open === null ? <UnlockKey onUnlock={(passphrase) => unlockCoachKey(key, passphrase)} /> : (
            <div className="banner banner-ok unlocked-status">
              <p>Unlocked for this tab. The key stays in memory only: reloading or closing the tab locks it again.</p>
              <button type="button" className="secondary" onClick={() => setUnlockedKey(null)}>Lock</button>
            </div>
          )}
          <p>
            <button type="button" className="secondary" onClick={() => downloadFile(BACKUP_FILE, key.backup, 'text/plain')}>Download the backup</button>{' '}
            <span className="hint">The backup is the key wrapped by your passphrase. Keep it somewhere safe apart from this browser: clearing the browser deletes the key, and with it every campaign's answers.</span>
          </p>
        </>
      )}
      <RestoreKey replaces={key !== null} onRestored={keep} />
    </section>
  );
}

function CreateKey({ onCreated }: { onCreated: (inHand: KeyInHand) => Promise<boolean> }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = passphraseProblem(passphrase, repeated);

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem !== null) return;
    setBusy(true);
    try {
      await onCreated(await createCoachKey(passphrase));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void create(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Create your key</h3>
      <label htmlFor={`${id}-pass`}>Passphrase</label>
      <p className="hint" id={`${id}-hint`}>
        At least {MIN_PASSPHRASE_CHARS} characters. Anyone who copies the backup can guess at it offline, without limit, so make it long: a few unrelated words.
        Nobody can recover a forgotten passphrase, not even Skillscope.
      </p>
      <input id={`${id}-pass`} type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} aria-describedby={`${id}-hint ${id}-error`} aria-invalid={tried && problem !== null} />
      <label htmlFor={`${id}-again`}>The same passphrase again</label>
      <input id={`${id}-again`} type="password" autoComplete="new-password" value={repeated} onChange={(event) => setRepeated(event.target.value)} aria-describedby={`${id}-error`} aria-invalid={tried && problem !== null} />
      <p id={`${id}-error`} className="error-text" aria-live="polite">{tried ? problem : null}</p>
      <button type="submit" disabled={busy}>Create the key</button>
      {busy && <p role="status">Creating the key and wrapping it with your passphrase (a few seconds)…</p>}
    </form>
  );
}

function UnlockKey({ onUnlock }: { onUnlock: (passphrase: string) => ReturnType<typeof unlockCoachKey> }) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);

  const unlock = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setIssues([]);
    try {
      const opened = await onUnlock(passphrase);
      if (opened.ok) {
        setPassphrase('');
        setUnlockedKey(opened.value);
      } else setIssues(opened.issues);
    } catch (error) {
      setIssues(storageIssue(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void unlock(event)} aria-labelledby={`${id}-title`} className="unlock-form">
      <h3 id={`${id}-title`}>Locked</h3>
      <p>Unlock the key to create campaigns and open responses. It stays unlocked in this tab only, in memory, until you lock it, reload or close the tab.</p>
      <label htmlFor={`${id}-pass`}>Passphrase</label>
      <input id={`${id}-pass`} type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} required />
      <button type="submit" disabled={busy || passphrase === ''}>Unlock</button>
      {busy && <p role="status">Unlocking (a few seconds)…</p>}
      {issues.length > 0 && <IssueList title="The key is still locked." issues={issues} />}
    </form>
  );
}

function RestoreKey({ replaces, onRestored }: { replaces: boolean; onRestored: (inHand: KeyInHand) => Promise<boolean> }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [done, setDone] = useState(false);

  const restore = async (event: React.FormEvent) => {
    event.preventDefault();
    if (file === null) return;
    setBusy(true);
    setIssues([]);
    setDone(false);
    try {
      const restored = await restoreCoachKey(new Uint8Array(await file.arrayBuffer()), passphrase, file.name);
      if (!restored.ok) setIssues(restored.issues);
      else if (await onRestored(restored.value)) {
        setPassphrase('');
        setDone(true);
      }
    } catch (error) {
      setIssues(storageIssue(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details>
      <summary>Restore from a backup</summary>
      <form onSubmit={(event) => void restore(event)}>
        <p>
          Choose the backup file you downloaded and type its passphrase. {replaces
            ? 'It replaces the key kept in this browser: download that key\'s backup first if you still need it, since campaigns made with it open only with it.'
            : 'The key is then kept here, wrapped by the same passphrase.'}
        </p>
        <label htmlFor={`${id}-file`}>Backup file</label>
        <input id={`${id}-file`} type="file" accept=".age,.txt,text/plain" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <label htmlFor={`${id}-pass`}>Passphrase of the backup</label>
        <input id={`${id}-pass`} type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
        <button type="submit" disabled={busy || file === null || passphrase === ''}>Restore the key</button>
        <div aria-live="polite">
          {busy && <p role="status">Opening the backup (a few seconds)…</p>}
          {done && <p className="banner banner-ok">Restored and unlocked.</p>}
        </div>
        {issues.length > 0 && <IssueList title="The backup was not restored." issues={issues} />}
      </form>
    </details>
  );
}
