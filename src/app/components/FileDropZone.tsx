import { type ReactNode, useState } from 'react';

type Props = {
  id: string;
  label: string;
  accept: string;
  disabled: boolean;
  onFiles: (files: FileList | null) => void;
  /** One file at a time (opening a framework), or several (imports, the default). */
  multiple?: boolean;
  /** A line under the picker, e.g. which files it takes. */
  hint?: ReactNode;
};

/** A file picker that also takes files dropped on it, as every import on the site offers. */
export function FileDropZone({ id, label, accept, disabled, onFiles, multiple = true, hint }: Props) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => { event.preventDefault(); setDragging(false); if (!disabled) onFiles(event.dataTransfer.files); }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" multiple={multiple} accept={accept} disabled={disabled} onChange={(event) => { onFiles(event.target.files); event.target.value = ''; }} />
      {hint !== undefined && <p className="muted">{hint}</p>}
    </div>
  );
}
