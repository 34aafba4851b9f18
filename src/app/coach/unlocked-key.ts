import { useSyncExternalStore } from 'react';

/**
 * The coach's key once unlocked with the passphrase: held in this module's memory for this tab
 * only, so it survives moving between the app's pages but not a reload or another tab, and is
 * never written anywhere (issue 10: the key never leaves the device unwrapped).
 */
export type UnlockedKey = { identity: string; fingerprint: string };

let unlocked: UnlockedKey | null = null;
const listeners = new Set<() => void>();

export function setUnlockedKey(key: UnlockedKey | null): void {
  unlocked = key;
  for (const listener of listeners) listener();
}

export function useUnlockedKey(): UnlockedKey | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => unlocked,
  );
}
