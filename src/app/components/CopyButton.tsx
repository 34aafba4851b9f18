import { useState } from 'react';

/** Copies text to the clipboard and says so; falls back to selecting the text to copy by hand. */
export function CopyButton({ text, label, targetId }: { text: string; label: string; targetId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const target = targetId ? document.getElementById(targetId) : null;
      if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) target.select();
      setState('manual');
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void copy()}>{label}</button>
      <span aria-live="polite" className="muted">{state === 'copied' ? ' Copied.' : state === 'manual' ? ' Selected: press Ctrl+C (or ⌘C) to copy.' : ''}</span>
    </>
  );
}
