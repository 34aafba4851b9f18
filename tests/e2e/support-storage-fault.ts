import type { BrowserContext, Page } from 'playwright-core';

/**
 * A storage fault the test switches on and off per page load. It is installed before any of the
 * app's code runs (an init script), as a browser with full or blocked storage would behave:
 * - `full`: after `after` successful writes, every IndexedDB put/add throws QuotaExceededError;
 * - `refused`: indexedDB.open throws SecurityError (storage blocked by settings or a private mode).
 * The switch lives in sessionStorage, which the app does not use and which survives a reload.
 */
export type StorageFault = { kind: 'full'; after: number } | { kind: 'refused' };

const FAULT_KEY = 'skillscope-test-storage-fault';

function installFault(key: string) {
  let fault: StorageFault | null = null;
  try {
    fault = JSON.parse(sessionStorage.getItem(key) ?? 'null') as StorageFault | null;
  } catch {
    return; // about:blank and other pages without storage
  }
  if (fault === null) return;
  if (fault.kind === 'refused') {
    IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    return;
  }
  const allowed = fault.after;
  let writes = 0;
  for (const method of ['put', 'add'] as const) {
    const real = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function write(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      writes += 1;
      if (writes > allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.apply(this, args);
    };
  }
}

export async function installStorageFaults(context: BrowserContext): Promise<void> {
  await context.addInitScript(installFault, FAULT_KEY);
}

/** Sets (or with null clears) the fault, then reloads so it applies from the first script on. */
export async function reloadWithFault(page: Page, fault: StorageFault | null): Promise<void> {
  await page.evaluate(([key, value]) => (value === null ? sessionStorage.removeItem(key) : sessionStorage.setItem(key, value)), [FAULT_KEY, fault === null ? null : JSON.stringify(fault)] as const);
  await page.reload();
}
