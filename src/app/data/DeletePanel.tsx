import { useRef, useState } from 'react';
import { deleteEverything } from '../storage/delete-everything.ts';

/** DESIGN.md: deleting asks first and offers the export. */
export function DeletePanel({ onExportAll, onDeleted }: { onExportAll: () => void; onDeleted: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = async () => {
    const deleted = await deleteEverything();
    dialog.current?.close();
    setMessage(deleted ? 'Everything Skillscope stored in this browser is deleted.' : 'Your browser refused to delete the data. Nothing was changed.');
    if (deleted) onDeleted();
  };
  return (
    <section className="panel" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your data</h2>
      <p>Removes your answers, responses, opened frameworks and invitations from this browser.</p>
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>Delete everything…</button>
      <p aria-live="polite">{message}</p>
      <dialog ref={dialog} aria-labelledby="delete-confirm-title">
        <h2 id="delete-confirm-title">Delete everything?</h2>
        <p>This cannot be undone. An export is the only copy that survives: download it first if you may want your results later.</p>
        <p className="actions">
          <button type="button" className="secondary" onClick={onExportAll}>Download summary.csv and responses-long.csv first</button>
        </p>
        <p className="actions">
          <button type="button" className="danger" onClick={() => void remove()}>Delete everything</button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>Keep my data</button>
        </p>
      </dialog>
    </section>
  );
}
