import type { SaveState } from './use-persistent-survey.ts';

/** Says, politely to screen readers, that answers are saved, and that an export is the only lasting copy. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <div className="save-status" aria-live="polite">
      {state.kind === 'saved' && (
        <p>
          Saved in this browser at {state.at.toLocaleTimeString()}.{' '}
          {state.persistent === 'granted'
            ? 'Your browser agreed to keep it.'
            : 'Your browser may clear it if space runs low.'}{' '}
          Clearing your browser's data deletes it: an export is the only copy that survives that.
        </p>
      )}
      {state.kind === 'failed' && <p className="error-text">Your last answer was not saved. See the message above.</p>}
    </div>
  );
}
