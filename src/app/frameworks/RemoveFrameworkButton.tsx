import { useId, useRef, useState } from 'react';
import type { FrameworkData } from '../storage/remove-framework.ts';

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Remove…" for a framework opened from a file: asks first, says what goes with it, and offers
 * its export before anything is deleted (DESIGN.md). The built-in frameworks have no such button.
 */
export function RemoveFrameworkButton({ frameworkId, title, onRemoved }: { frameworkId: string; title: string; onRemoved: (message: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [data, setData] = useState<FrameworkData | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const removal = () => import('./framework-removal.ts');

  const ask = async () => {
    setNote(null);
    setData(null);
    dialog.current?.showModal();
    try {
      setData(await (await removal()).countFrameworkData(frameworkId));
    } catch (error) {
      setNote(`Your browser's storage could not be read (${String(error)}).`);
    }
  };
  const exportFirst = async () => {
    const exported = await (await removal()).exportFrameworkData(frameworkId);
    setNote(exported > 0 ? `Downloaded ${frameworkId}-summary.csv and ${frameworkId}-responses-long.csv (${counted(exported, 'response', 'responses')}).` : 'There are no completed responses to export.');
  };
  const remove = async () => {
    setBusy(true);
    const removed = await (await removal()).removeFramework(frameworkId);
    setBusy(false);
    if (!removed) {
      setNote('Your browser refused to remove it. Nothing was changed.');
      return;
    }
    dialog.current?.close();
    onRemoved(`Removed ${title} and its data from this browser.`);
  };

  return (
    <>
      <button type="button" className="secondary" onClick={() => void ask()}>Remove…<span className="visually-hidden"> {title}</span></button>
      <dialog ref={dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>Remove {title}?</h2>
        {data === null ? <p role="status">Counting what is stored for it…</p> : (
          <p>
            This removes the framework from this browser with everything stored for it: {counted(data.responses, 'self-assessment or response', 'self-assessments and responses')},{' '}
            {counted(data.drafts, 'survey', 'surveys')} in progress and {counted(data.invitations, 'invitation', 'invitations')}. It cannot be undone. An export is the only copy that
            survives: download it first if you may want these results later. You can open the framework file again at any time.
          </p>
        )}
        <p className="actions">
          <button type="button" className="secondary" disabled={data === null || data.responses === 0} onClick={() => void exportFirst()}>Download its summary.csv and responses-long.csv first</button>
        </p>
        <p aria-live="polite">{note}</p>
        <p className="actions">
          <button type="button" className="danger" disabled={busy || data === null} onClick={() => void remove()}>Remove the framework and its data</button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>Keep it</button>
        </p>
      </dialog>
    </>
  );
}
