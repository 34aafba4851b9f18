/**
 * DESIGN.md: a full or refused storage is told to the user, never silent. Every write goes
 * through `guardedWrite`, which records the failure here; the shell shows it in a banner.
 */
export type StorageProblem = { kind: 'full' | 'refused' | 'blocked'; message: string; at: string };

type Listener = (problem: StorageProblem | null) => void;
let current: StorageProblem | null = null;
const listeners = new Set<Listener>();

export function currentStorageProblem(): StorageProblem | null {
  return current;
}

export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(problem: StorageProblem | null): void {
  current = problem;
  for (const listener of listeners) listener(problem);
}

export function describeStorageError(error: unknown): StorageProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const at = new Date().toISOString();
  if (name === 'QuotaExceededError') {
    return { kind: 'full', at, message: 'Your browser storage is full, so your latest answers are not saved. Free some space or export what you have now; nothing saved earlier is lost.' };
  }
  return { kind: 'refused', at, message: `Your browser refused to save (${name || 'storage unavailable'}), so your latest answers are not saved. Private windows and some settings block storage; export your answers to keep them. Nothing saved earlier is lost.` };
}

/** The database could not even be opened: nothing can be read or saved until storage is allowed again. */
export function reportUnavailableStorage(error: unknown): void {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  publish({
    kind: 'refused',
    at: new Date().toISOString(),
    message: `Your browser does not let Skillscope use its storage (${name || 'storage unavailable'}), so nothing you do now is saved and what you saved before cannot be shown. Private windows and some settings block storage. Nothing saved earlier is lost: it comes back when storage is allowed again.`,
  });
}

/**
 * Another tab runs an older Skillscope and keeps the database at its version: this tab waits
 * until that tab closes or reloads, then upgrades, keeping everything stored.
 */
export function reportBlockedUpgrade(): void {
  publish({
    kind: 'blocked',
    at: new Date().toISOString(),
    message: 'Skillscope is open in another tab that runs an older version. Close or reload that tab so this one can open your saved data; nothing is lost meanwhile.',
  });
}

export function clearBlockedUpgrade(): void {
  if (current?.kind === 'blocked') publish(null);
}

/** Runs a write; on failure reports it and returns false instead of throwing. */
export async function guardedWrite(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    if (current !== null) publish(null);
    return true;
  } catch (error) {
    publish(describeStorageError(error));
    return false;
  }
}
